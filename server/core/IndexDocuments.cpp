#include "core/IndexDocuments.h"

#include "core/TextTokenizer.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QString addressTerms(const QList<Mime::Address> &addresses, QString &exact)
{
    QString terms;
    for (const Mime::Address &address : addresses) {
        TextTokenizer::appendTerms(address.name, terms, &exact);
        TextTokenizer::appendTerms(address.address, terms);
    }
    return terms;
}

QString termsOf(const QString &text, QString *exact)
{
    QString terms;
    terms.reserve(text.size());
    TextTokenizer::appendTerms(text, terms, exact);
    return terms;
}

QString sortKey(const QString &text)
{
    return TextTokenizer::fold(text.simplified()).left(64);
}

} // namespace

IndexDocument indexDocumentFor(const Mime::ParsedMessage &message)
{
    IndexDocument document;
    QString exact; // gathered while the fields are tokenized
    document.terms.insert(SearchField::Subject, termsOf(message.subject, &exact));
    document.terms.insert(SearchField::From, addressTerms(message.from + message.sender, exact));
    document.terms.insert(SearchField::To, addressTerms(message.to, exact));
    document.terms.insert(SearchField::Cc, addressTerms(message.cc, exact));
    document.terms.insert(SearchField::Bcc, addressTerms(message.bcc, exact));
    // The body's exact forms would cost a tenth of the ingest rate: exact search covers the
    // subject and the names of people, where "Müller" versus "Muller" matters most.
    document.terms.insert(SearchField::Body, termsOf(message.bodyText, nullptr));
    QString attachments;
    for (const Mime::AttachmentInfo &attachment : message.attachments) {
        TextTokenizer::appendTerms(attachment.fileName, attachments);
        TextTokenizer::appendTerms(attachment.text, attachments);
    }
    document.terms.insert(SearchField::Attachment, attachments);
    if (!exact.isEmpty())
        document.terms.insert(SearchField::Exact, exact);
    // Whole, as one term: ids hold dots, dollars and at signs that words would split.
    const QString messageId = message.messageId.trimmed().toLower();
    if (!messageId.isEmpty() && !messageId.contains(u' ') && messageId.size() <= 250)
        document.terms.insert(SearchField::MessageId, messageId);
    document.sortSubject = sortKey(message.subject);
    const Mime::Address first = message.from.value(0);
    document.sortFrom = sortKey(first.name.isEmpty() ? first.address : first.name);
    document.messageDate = message.date.isValid() ? message.date.toSecsSinceEpoch() : 0;
    document.size = message.size;
    document.hasAttachments = message.hasAttachments();
    return document;
}

QStringList folderAndAncestors(const QString &path)
{
    QStringList paths;
    const QStringList segments = path.split(u'/');
    for (qsizetype i = 1; i <= segments.size(); ++i)
        paths << segments.first(i).join(u'/');
    return paths;
}

} // namespace Mailkeep::Core
