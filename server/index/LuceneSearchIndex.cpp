#include "index/LuceneSearchIndex.h"

#include "index/LuceneQueries.h"
#include "index/LuceneStoreIndex.h"

#include <QDir>
#include <QScopeGuard>

#include <MapFieldSelector.h>
#include <MultiReader.h>
#include <Sort.h>
#include <TopDocs.h>
#include <TopFieldDocs.h>

using namespace Qt::Literals::StringLiterals;
using namespace Lucene;

namespace Mailkeep::Index {

LuceneSearchIndex::LuceneSearchIndex(QString indexRoot)
    : m_indexRoot(std::move(indexRoot))
{}

LuceneSearchIndex::~LuceneSearchIndex() = default;

QString LuceneSearchIndex::indexFolder(const Core::StoreRecord &store) const
{
    return store.indexPath.isEmpty() ? QDir(m_indexRoot).filePath(store.uid) : store.indexPath;
}

Result<std::shared_ptr<LuceneStoreIndex>> LuceneSearchIndex::open(const Core::StoreRecord &store)
{
    std::lock_guard lock(m_mutex);
    if (auto found = m_open.constFind(store.uid); found != m_open.cend())
        return found.value();
    Result<std::shared_ptr<LuceneStoreIndex>> index = LuceneStoreIndex::open(indexFolder(store));
    if (index.ok())
        m_open.insert(store.uid, index.value());
    return index;
}

// Runs a change on the store's index; Lucene's exceptions become the error `what`.
template <typename Change>
Status LuceneSearchIndex::change(const Core::StoreRecord &store, const QString &what,
                                 Change &&apply)
{
    Result<std::shared_ptr<LuceneStoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    try {
        return apply(**index);
    } catch (const LuceneException &exception) {
        return indexError(what, exception);
    }
}

Status LuceneSearchIndex::addDocuments(const Core::StoreRecord &store,
                                       const QList<Core::IndexDocument> &documents, bool replace)
{
    if (documents.isEmpty())
        return {};
    return change(store, u"Messages cannot be added to the index of store %1."_s.arg(store.name),
                  [&](LuceneStoreIndex &index) {
                      index.add(documents, replace);
                      return Status();
                  });
}

Status LuceneSearchIndex::commit(const Core::StoreRecord &store)
{
    return change(store, u"The index of store %1 cannot be saved."_s.arg(store.name),
                  [](LuceneStoreIndex &index) {
                      index.commit();
                      return Status();
                  });
}

Status LuceneSearchIndex::removeDocuments(const Core::StoreRecord &store,
                                          const QList<qint64> &messageIds)
{
    if (messageIds.isEmpty())
        return {};
    return change(store,
                  u"Messages cannot be removed from the index of store %1."_s.arg(store.name),
                  [&](LuceneStoreIndex &index) {
                      index.remove(messageIds);
                      return Status();
                  });
}

Status LuceneSearchIndex::beginRebuild(const Core::StoreRecord &store)
{
    return change(store, u"The index of store %1 cannot be rebuilt."_s.arg(store.name),
                  [](LuceneStoreIndex &index) { return index.beginRebuild(); });
}

Status LuceneSearchIndex::addToRebuild(const Core::StoreRecord &store,
                                       const QList<Core::IndexDocument> &documents)
{
    return change(store,
                  u"Messages cannot be added to the new index of store %1."_s.arg(store.name),
                  [&](LuceneStoreIndex &index) {
                      index.addToRebuild(documents);
                      return Status();
                  });
}

Status LuceneSearchIndex::finishRebuild(const Core::StoreRecord &store)
{
    return change(store, u"The new index of store %1 cannot be put in place."_s.arg(store.name),
                  [](LuceneStoreIndex &index) { return index.finishRebuild(); });
}

void LuceneSearchIndex::abandonRebuild(const Core::StoreRecord &store)
{
    (void)change(store, QString(), [](LuceneStoreIndex &index) {
        index.abandonRebuild();
        return Status();
    });
}

Result<Core::SearchHits> LuceneSearchIndex::search(const QList<Core::StoreRecord> &stores,
                                                   const Core::SearchRequest &request)
{
    Core::SearchHits result;
    if (!request.unrestricted && request.folderScopes.isEmpty())
        return result; // nothing the caller may read
    Collection<IndexReaderPtr> readers = Collection<IndexReaderPtr>::newInstance();
    std::vector<std::unique_ptr<ReaderLease>> leases;
    QList<int> storeIds;
    QList<int> bases;
    int base = 0;
    QList<std::shared_ptr<LuceneStoreIndex>> indexes;
    for (const Core::StoreRecord &store : stores) {
        Result<std::shared_ptr<LuceneStoreIndex>> index = open(store);
        if (!index.ok())
            return index.error();
        indexes << index.value();
        storeIds << store.id;
    }
    if (storeIds.isEmpty())
        return result;
    try {
        for (const std::shared_ptr<LuceneStoreIndex> &index : std::as_const(indexes)) {
            leases.push_back(index->currentReader());
            const IndexReaderPtr &reader = leases.back()->get();
            readers.add(reader);
            bases << base;
            base += reader->maxDoc();
        }
        // closeSubReaders false: the readers belong to their StoreIndex. The MultiReader
        // holds a reference to each until it is closed, so it must be closed.
        IndexReaderPtr all = newLucene<MultiReader>(readers, false);
        const auto release = qScopeGuard([&all]() {
            try {
                all->close();
            } catch (const LuceneException &) {
                // Nothing to save: the readers are only read.
            }
        });
        IndexSearcherPtr searcher = newLucene<IndexSearcher>(all);

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
    Result<std::shared_ptr<LuceneStoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    QSet<qint64> ids;
    try {
        // Document by document: term statistics still count deleted documents.
        const std::unique_ptr<ReaderLease> lease = (*index)->currentReader();
        const IndexReaderPtr &reader = lease->get();
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
    Result<std::shared_ptr<LuceneStoreIndex>> index = open(store);
    if (!index.ok())
        return index.error();
    try {
        return static_cast<qint64>((*index)->currentReader()->get()->numDocs());
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
