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
        QList<IndexDocument> documents;
        QList<qint64> ids;
        for (const MessageStore::StoredMessage &message : page.value()) {
            Result<QByteArray> raw =
                ContentCodec::decode(message.sealed, key.value(),
                                     ArchiveService::contentBinding(store, message.summary.sha256));
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
            ids.append(message.summary.id);
        }
        if (Status added = m_archive.index().addDocuments(store, documents, true); !added.ok())
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
    Result<qint64> marked = m_archive.messages().markUnindexed(store, folderIds);
    if (!marked.ok())
        return marked.error();
    Result<qint64> indexed = indexPending(store, progress);
    if (!indexed.ok())
        return indexed.error();
    // Documents of messages that are gone go too.
    Result<QJsonObject> checked = reconcile(store, progress);
    if (!checked.ok())
        return checked.error();
    QJsonObject result = checked.value();
    result.insert(u"reindexed"_s, static_cast<double>(indexed.value()));
    return result;
}

} // namespace Mailkeep::Core
