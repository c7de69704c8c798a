#include "core/StoreIndexer.h"

#include "core/ContentCodec.h"
#include "core/IndexDocuments.h"
#include "mime/MessageParser.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
constexpr int kPage = 200;
}

StoreIndexer::StoreIndexer(ArchiveService &archive)
    : m_archive(archive)
{}

Result<QStringList> StoreIndexer::folderPaths(qint64 folderId, QHash<qint64, QStringList> &cache)
{
    if (auto known = cache.constFind(folderId); known != cache.cend())
        return known.value();
    Result<std::optional<FolderRecord>> folder = m_archive.folders().folderById(folderId);
    if (!folder.ok())
        return folder.error();
    // A message whose folder is gone is still found by its words, by nobody's privilege but
    // an administrator's with Archive Access.
    const QStringList paths =
        folder->has_value() ? folderAndAncestors((*folder)->path) : QStringList();
    cache.insert(folderId, paths);
    return paths;
}

Result<qint64> StoreIndexer::indexPending(const StoreRecord &store, TaskProgress *progress)
{
    Result<QByteArray> key = m_archive.stores().dataKey(store);
    if (!key.ok())
        return key.error();
    MessageStore &messages = m_archive.messages();
    QHash<qint64, QStringList> folders;
    qint64 indexed = 0;
    qint64 afterId = 0;
    for (;;) {
        if (progress && progress->isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"Stopped on request."_s);
        Result<QList<MessageStore::StoredMessage>> page =
            messages.messagePage(store, afterId, kPage, true, true);
        if (!page.ok())
            return page.error();
        if (page->isEmpty())
            break;
        Result<QList<IndexDocument>> documents =
            documentsFor(store, key.value(), page.value(), folders);
        if (!documents.ok())
            return documents.error();
        QList<qint64> ids;
        for (const IndexDocument &document : documents.value())
            ids << document.messageId;
        if (Status added = m_archive.index().addDocuments(store, documents.value(), true);
            !added.ok())
            return added.error();
        if (Status committed = m_archive.index().commit(store); !committed.ok())
            return committed.error();
        if (Status marked = messages.setIndexed(store, ids, true); !marked.ok())
            return marked.error();
        indexed += ids.size();
        afterId = page->last().summary.id;
        if (progress)
            progress->report(0, u"Indexing store %1: %2 messages"_s.arg(store.name).arg(indexed));
    }
    return indexed;
}

Result<QList<IndexDocument>>
StoreIndexer::documentsFor(const StoreRecord &store, const QByteArray &key,
                           const QList<MessageStore::StoredMessage> &messages,
                           QHash<qint64, QStringList> &folders)
{
    QList<IndexDocument> documents;
    documents.reserve(messages.size());
    for (const MessageStore::StoredMessage &message : messages) {
        Result<QByteArray> raw = ContentCodec::decode(
            message.sealed, key, ArchiveService::contentBinding(store, message.summary.sha256));
        if (!raw.ok())
            continue; // VerifyStore reports content that cannot be decrypted
        IndexDocument document = indexDocumentFor(Mime::MessageParser::parse(raw.value()));
        Result<QStringList> paths = folderPaths(message.summary.folderId, folders);
        if (!paths.ok())
            return paths.error();
        document.messageId = message.summary.id;
        document.folderPaths = paths.value();
        document.archivedAt = message.summary.archivedAt.toSecsSinceEpoch();
        documents.append(std::move(document));
    }
    return documents;
}

Result<qint64> StoreIndexer::rebuildBeside(const StoreRecord &store, TaskProgress *progress)
{
    Result<QByteArray> key = m_archive.stores().dataKey(store);
    if (!key.ok())
        return key.error();
    MessageStore &messages = m_archive.messages();
    Result<qint64> pending = messages.unindexedCount(store);
    Result<qint64> indexedBefore = messages.indexedCount(store);
    if (!pending.ok() || !indexedBefore.ok())
        return pending.ok() ? indexedBefore.error() : pending.error();
    const qint64 total = pending.value() + indexedBefore.value();
    SearchIndex &index = m_archive.index();
    if (Status begun = index.beginRebuild(store); !begun.ok())
        return begun.error();
    QHash<qint64, QStringList> folders;
    QList<qint64> ids;
    qint64 afterId = 0;
    for (;;) {
        if (progress && progress->isCancellationRequested()) {
            index.abandonRebuild(store);
            return Error(ErrorCode::Cancelled, u"Stopped on request; the index is unchanged."_s);
        }
        Result<QList<MessageStore::StoredMessage>> page =
            messages.messagePage(store, afterId, kPage, true);
        Result<QList<IndexDocument>> documents =
            page.ok() ? documentsFor(store, key.value(), page.value(), folders)
                      : Result<QList<IndexDocument>>(page.error());
        Status added = documents.ok() ? index.addToRebuild(store, documents.value())
                                      : Status(documents.error());
        if (!added.ok()) {
            index.abandonRebuild(store);
            return added.error();
        }
        if (page->isEmpty())
            break;
        for (const IndexDocument &document : documents.value())
            ids << document.messageId;
        afterId = page->last().summary.id;
        if (progress)
            progress->report(total > 0 ? static_cast<int>(100 * ids.size() / total) : 0,
                             u"Rebuilding the index of store %1: %2 of %3 messages"_s.arg(
                                 store.name, QString::number(ids.size()), QString::number(total)));
    }
    if (Status swapped = index.finishRebuild(store); !swapped.ok())
        return swapped.error();
    // Messages a crash had left out are in the new index now.
    if (Status marked = messages.setIndexed(store, ids, true); !marked.ok())
        return marked.error();
    return static_cast<qint64>(ids.size());
}

Result<QJsonObject> StoreIndexer::reconcile(const StoreRecord &store, TaskProgress *progress)
{
    MessageStore &messages = m_archive.messages();
    Result<QSet<qint64>> inDatabase = messages.indexedIds(store);
    if (!inDatabase.ok())
        return inDatabase.error();
    Result<QSet<qint64>> inIndex = m_archive.index().documentIds(store);
    if (!inIndex.ok())
        return inIndex.error();
    const QSet<qint64> missing = inDatabase.value() - inIndex.value();
    if (Status marked = messages.setIndexed(store, missing.values(), false); !marked.ok())
        return marked.error();
    Result<qint64> pendingBefore = messages.unindexedCount(store);
    if (!pendingBefore.ok())
        return pendingBefore.error();
    Result<qint64> indexed = indexPending(store, progress);
    if (!indexed.ok())
        return indexed.error();
    Result<QSet<qint64>> known = messages.indexedIds(store);
    if (!known.ok())
        return known.error();
    const QSet<qint64> extra = inIndex.value() - known.value();
    if (Status removed = m_archive.index().removeDocuments(store, extra.values()); !removed.ok())
        return removed.error();
    return QJsonObject{{u"documents"_s, static_cast<double>(inIndex->size())},
                       {u"messages"_s, static_cast<double>(known->size())},
                       {u"missing"_s, static_cast<double>(pendingBefore.value())},
                       {u"extra"_s, static_cast<double>(extra.size())},
                       {u"repaired"_s, true}};
}

Result<QJsonObject> StoreIndexer::rebuild(const StoreRecord &store, const QString &folder,
                                          TaskProgress *progress)
{
    QList<qint64> folderIds;
    if (!folder.isEmpty()) {
        Result<std::optional<FolderRecord>> root = m_archive.folders().findFolder(folder);
        if (!root.ok())
            return root.error();
        if (!root->has_value())
            return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(folder));
        Result<QList<FolderRecord>> below = m_archive.folders().childFolders(folder, 0);
        if (!below.ok())
            return below.error();
        folderIds << (*root)->id;
        for (const FolderRecord &child : below.value())
            folderIds << child.id;
    }
    Result<qint64> indexed = folder.isEmpty() ? rebuildBeside(store, progress) : 0;
    if (folder.isEmpty() && !indexed.ok())
        return indexed.error();
    if (!folder.isEmpty()) {
        // One folder: its documents are replaced one by one, each atomically, so searches
        // keep finding every message meanwhile.
        Result<qint64> marked = m_archive.messages().markUnindexed(store, folderIds);
        if (!marked.ok())
            return marked.error();
        indexed = indexPending(store, progress);
        if (!indexed.ok())
            return indexed.error();
    }

    // Documents of messages that are gone go too.
    Result<QJsonObject> checked = reconcile(store, progress);
    if (!checked.ok())
        return checked.error();
    QJsonObject result = checked.value();
    result.insert(u"reindexed"_s, static_cast<double>(indexed.value()));
    return result;
}

} // namespace Mailkeep::Core
