#include "index/LuceneSearchIndex.h"

#include "index/LuceneQueries.h"

#include <QDateTime>
#include <QDir>
#include <QFile>

#include <sys/file.h>

#include <FSDirectory.h>
#include <MapFieldSelector.h>
#include <MultiReader.h>
#include <NumericField.h>
#include <Sort.h>
#include <StringUtils.h>
#include <TopDocs.h>
#include <TopFieldDocs.h>
#include <WhitespaceAnalyzer.h>
#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace Lucene;

namespace Mailkeep::Index {

namespace {

Error indexError(const QString &what, const LuceneException &exception)
{
    return Error(ErrorCode::DatabaseError, what, QString::fromStdWString(exception.getError()));
}

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
        NumericFieldPtr number = newLucene<NumericField>(name, Field::STORE_NO, true);
        number->setLongValue(value);
        document->add(number);
    }
    return document;
}

} // namespace

// One store's index: the OS lock, the writer, and the reader searches use (reopened after
// every commit, so a committed batch is visible at once).
class LuceneSearchIndex::StoreIndex
{
public:
    ~StoreIndex()
    {
        try {
            if (writer)
                writer->close();
        } catch (const LuceneException &) {
            // Closing after a failure: nothing more to save.
        }
        if (lockFd >= 0)
            ::close(lockFd);
    }

    // The reader of every document added so far: reopened (which flushes the writer's buffer
    // into a segment) only when something changed since, so adding stays cheap and a search
    // still sees everything that was added before it started.
    IndexReaderPtr currentReader()
    {
        std::lock_guard lock(mutex);
        if (changed)
            refreshReader();
        return reader;
    }
    void refreshReader() // with mutex held
    {
        IndexReaderPtr fresh = writer->getReader();
        if (reader)
            reader->close();
        reader = fresh;
        changed = false;
    }

    std::mutex mutex;
    bool changed = false;
    int lockFd = -1;
    IndexWriterPtr writer;
    IndexReaderPtr reader;
};

LuceneSearchIndex::LuceneSearchIndex(QString indexRoot)
    : m_indexRoot(std::move(indexRoot))
{}

LuceneSearchIndex::~LuceneSearchIndex() = default;

QString LuceneSearchIndex::indexFolder(const Core::StoreRecord &store) const
{
    return store.indexPath.isEmpty() ? QDir(m_indexRoot).filePath(store.uid) : store.indexPath;
}

Result<std::shared_ptr<LuceneSearchIndex::StoreIndex>>
LuceneSearchIndex::open(const Core::StoreRecord &store)
{
    std::lock_guard lock(m_mutex);
    if (auto found = m_open.constFind(store.uid); found != m_open.cend())
        return found.value();
    const QString folder = indexFolder(store);
    if (!QDir().mkpath(folder))
        return Error(ErrorCode::Unavailable,
                     u"The index folder %1 cannot be created."_s.arg(folder));
    auto index = std::make_shared<StoreIndex>();
    index->lockFd = ::open(QFile::encodeName(folder + u"/mailkeep-index.lock"_s).constData(),
                           O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (index->lockFd < 0 || ::flock(index->lockFd, LOCK_EX | LOCK_NB) != 0)
        return Error(ErrorCode::Conflict,
                     u"The index %1 is in use by another process."_s.arg(folder));
    const auto openWriter = [&]() {
        DirectoryPtr directory = FSDirectory::open(wide(folder));
        // A lock left by a crash of this very process; the OS lock above is what excludes.
        if (IndexWriter::isLocked(directory))
            IndexWriter::unlock(directory);
        const bool create = !IndexReader::indexExists(directory);
        index->writer = newLucene<IndexWriter>(directory, newLucene<WhitespaceAnalyzer>(), create,
                                               IndexWriter::MaxFieldLengthUNLIMITED);
        index->writer->setRAMBufferSizeMB(32);
        if (create)
            index->writer->commit();
        index->refreshReader();
    };
    try {
        openWriter();
    } catch (const LuceneException &damaged) {
        // Damaged beyond Lucene's own recovery: keep the files for a look, start anew.
        index->writer.reset();
        const QString aside =
            folder + u".damaged-"_s + QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s);
        QDir files(folder);
        const QStringList entries = files.entryList(QDir::Files);
        QDir().mkpath(aside);
        for (const QString &entry : entries) {
            if (entry != u"mailkeep-index.lock"_s)
                QFile::rename(files.filePath(entry), QDir(aside).filePath(entry));
        }
        qWarning("The index %s could not be read (%ls); it was moved to %s and is rebuilt.",
                 qPrintable(folder), damaged.getError().c_str(), qPrintable(aside));
        try {
            openWriter();
        } catch (const LuceneException &exception) {
            return indexError(u"The index %1 cannot be opened."_s.arg(folder), exception);
        }
    }
    m_open.insert(store.uid, index);
    return index;
}

Status LuceneSearchIndex::addDocuments(const Core::StoreRecord &store,
                                       const QList<Core::IndexDocument> &documents, bool replace)
{
    if (documents.isEmpty())
        return {};
    Result<std::shared_ptr<StoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    std::lock_guard lock((*index)->mutex);
    try {
        for (const Core::IndexDocument &document : documents) {
            if (replace)
                (*index)->writer->updateDocument(
                    newLucene<Term>(L"id", StringUtils::toString(document.messageId)),
                    luceneDocument(document));
            else
                (*index)->writer->addDocument(luceneDocument(document));
        }
        (*index)->changed = true;
    } catch (const LuceneException &exception) {
        return indexError(u"Messages cannot be added to the index of store %1."_s.arg(store.name),
                          exception);
    }
    return {};
}

Status LuceneSearchIndex::commit(const Core::StoreRecord &store)
{
    Result<std::shared_ptr<StoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    std::lock_guard lock((*index)->mutex);
    try {
        (*index)->writer->commit();
    } catch (const LuceneException &exception) {
        return indexError(u"The index of store %1 cannot be saved."_s.arg(store.name), exception);
    }
    return {};
}

Status LuceneSearchIndex::removeDocuments(const Core::StoreRecord &store,
                                          const QList<qint64> &messageIds)
{
    if (messageIds.isEmpty())
        return {};
    Result<std::shared_ptr<StoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    std::lock_guard lock((*index)->mutex);
    try {
        for (const qint64 id : messageIds)
            (*index)->writer->deleteDocuments(newLucene<Term>(L"id", StringUtils::toString(id)));
        (*index)->writer->commit();
        (*index)->changed = true;
    } catch (const LuceneException &exception) {
        return indexError(
            u"Messages cannot be removed from the index of store %1."_s.arg(store.name), exception);
    }
    return {};
}

Result<Core::SearchHits> LuceneSearchIndex::search(const QList<Core::StoreRecord> &stores,
                                                   const Core::SearchRequest &request)
{
    Core::SearchHits result;
    if (!request.unrestricted && request.folderScopes.isEmpty())
        return result; // nothing the caller may read
    Collection<IndexReaderPtr> readers = Collection<IndexReaderPtr>::newInstance();
    QList<int> storeIds;
    QList<int> bases;
    int base = 0;
    for (const Core::StoreRecord &store : stores) {
        Result<std::shared_ptr<StoreIndex>> index = open(store);
        if (!index.ok())
            return index.error();
        IndexReaderPtr reader = (*index)->currentReader();
        readers.add(reader);
        storeIds << store.id;
        bases << base;
        base += reader->maxDoc();
    }
    if (storeIds.isEmpty())
        return result;
    try {
        // closeSubReaders false: the readers belong to their StoreIndex.
        IndexSearcherPtr searcher =
            newLucene<IndexSearcher>(newLucene<MultiReader>(readers, false));
        const int wanted = std::max(1, request.offset + request.limit);
        QueryPtr query = scopedQuery(request);
        TopDocsPtr top;
        if (request.sort == Core::SearchSort::Relevance)
            top = searcher->search(query, wanted);
        else
            top = searcher->search(query, FilterPtr(), wanted, luceneSort(request));
        result.total = top->totalHits;
        for (int i = request.offset; i < top->scoreDocs.size(); ++i) {
            const int doc = top->scoreDocs[i]->doc;
            const auto owner = std::upper_bound(bases.cbegin(), bases.cend(), doc) - 1;
            const qsizetype which = owner - bases.cbegin();
            const String id =
                readers[static_cast<int32_t>(which)]->document(doc - *owner)->get(L"id");
            result.hits.append({storeIds.at(which), QString::fromStdWString(id).toLongLong()});
        }
    } catch (const LuceneException &exception) {
        return indexError(u"The search failed."_s, exception);
    }
    return result;
}

Result<QSet<qint64>> LuceneSearchIndex::documentIds(const Core::StoreRecord &store)
{
    Result<std::shared_ptr<StoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    QSet<qint64> ids;
    try {
        // Document by document: term statistics still count deleted documents.
        IndexReaderPtr reader = (*index)->currentReader();
        Collection<String> idField = Collection<String>::newInstance();
        idField.add(L"id");
        FieldSelectorPtr onlyId = newLucene<MapFieldSelector>(idField);
        for (int32_t doc = 0; doc < reader->maxDoc(); ++doc) {
            if (!reader->isDeleted(doc))
                ids.insert(QString::fromStdWString(reader->document(doc, onlyId)->get(L"id"))
                               .toLongLong());
        }
    } catch (const LuceneException &exception) {
        return indexError(u"The index of store %1 cannot be read."_s.arg(store.name), exception);
    }
    return ids;
}

Result<qint64> LuceneSearchIndex::documentCount(const Core::StoreRecord &store)
{
    Result<std::shared_ptr<StoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    try {
        return static_cast<qint64>((*index)->currentReader()->numDocs());
    } catch (const LuceneException &exception) {
        return indexError(u"The index of store %1 cannot be read."_s.arg(store.name), exception);
    }
}

void LuceneSearchIndex::close(const Core::StoreRecord &store)
{
    std::lock_guard lock(m_mutex);
    m_open.remove(store.uid);
}

} // namespace Mailkeep::Index
