#include "index/LuceneDocuments.h"

#include "index/LuceneQueries.h"

#include <Field.h>
#include <NumericField.h>
#include <StringUtils.h>

using namespace Lucene;

namespace Mailkeep::Index {

DocumentPtr luceneDocument(const Core::IndexDocument &source)
{
    DocumentPtr document = newLucene<Document>();
    document->add(newLucene<Field>(L"id", StringUtils::toString(source.messageId), Field::STORE_YES,
                                   Field::INDEX_NOT_ANALYZED_NO_NORMS));
    for (const QString &folder : source.folderPaths)
        document->add(newLucene<Field>(L"folder", wide(folder), Field::STORE_NO,
                                       Field::INDEX_NOT_ANALYZED_NO_NORMS));
    for (auto it = source.terms.cbegin(); it != source.terms.cend(); ++it) {
        if (it.value().isEmpty())
            continue;
        // The terms are final (TextTokenizer): the whitespace analyzer only splits them.
        document->add(newLucene<Field>(wide(it.key()), wide(it.value()), Field::STORE_NO,
                                       Field::INDEX_ANALYZED));
    }
    document->add(newLucene<Field>(L"sortsubject", wide(source.sortSubject), Field::STORE_NO,
                                   Field::INDEX_NOT_ANALYZED_NO_NORMS));
    document->add(newLucene<Field>(L"sortfrom", wide(source.sortFrom), Field::STORE_NO,
                                   Field::INDEX_NOT_ANALYZED_NO_NORMS));
    document->add(newLucene<Field>(L"hasattachments", source.hasAttachments ? L"1" : L"0",
                                   Field::STORE_NO, Field::INDEX_NOT_ANALYZED_NO_NORMS));
    const std::pair<const wchar_t *, qint64> numbers[] = {
        {L"date", source.messageDate}, {L"archived", source.archivedAt}, {L"size", source.size}};
    for (const auto &[name, value] : numbers) {
        NumericFieldPtr number =
            newLucene<NumericField>(name, kNumericPrecisionStep, Field::STORE_NO, true);
        number->setLongValue(value);
        document->add(number);
    }
    return document;
}

TermPtr idTerm(qint64 messageId)
{
    return newLucene<Term>(L"id", StringUtils::toString(messageId));
}

} // namespace Mailkeep::Index
