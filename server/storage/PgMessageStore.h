#pragma once

#include "core/MessageStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Messages and contents in the archive stores' schemas (store migrations). Reads are in
// PgMessageStore.cpp, batch writes in PgMessageStoreBatch.cpp, page-wise reads and compaction
// in PgMessageStoreMaintenance.cpp.
class PgMessageStore final : public Core::MessageStore
{
public:
    explicit PgMessageStore(PgConnectionPool &pool);

    Result<Core::StoredBatch>
    storeBatch(const Core::StoreRecord &store, const QList<Core::StoreRecord> &present,
               const QList<Core::PreparedMessage> &batch,
               const std::optional<Core::SourceCheckpoint> &checkpoint) override;
    Result<std::optional<QString>> checkpoint(const QString &key) override;
    Status clearCheckpoint(const QString &key) override;
    Result<QList<Core::SourceCheckpoint>> checkpointsWithPrefix(const QString &prefix) override;
    Result<QList<Core::MessageSummary>> messagesInFolders(const QList<Core::StoreRecord> &stores,
                                                          const QList<qint64> &folderIds) override;
    Result<QList<Core::MessageSummary>> folderPageByDate(const QList<Core::StoreRecord> &stores,
                                                         qint64 folderId, bool descending,
                                                         qint64 offset, qint64 limit) override;
    Result<QHash<qint64, FolderCount>> folderCounts(const Core::StoreRecord &store) override;
    Result<QMap<QDate, qint64>> archivedPerDay(const Core::StoreRecord &store,
                                               const QDateTime &from, const QString &timeZone,
                                               const QList<qint64> &folderIds) override;
    Result<std::optional<std::pair<Core::MessageSummary, QByteArray>>>
    messageWithContent(const Core::StoreRecord &store, qint64 messageId) override;
    Result<std::optional<Core::MessageSummary>> message(const Core::StoreRecord &store,
                                                        qint64 messageId) override;
    Result<QList<Core::MessageSummary>> messagesByIds(const Core::StoreRecord &store,
                                                      const QList<qint64> &messageIds) override;
    Result<bool> folderHasUnindexed(const Core::StoreRecord &store, qint64 folderId) override;
    Result<QList<qint64>> moveMessages(const Core::StoreRecord &store,
                                       const QList<qint64> &messageIds,
                                       qint64 targetFolderId) override;
    Result<bool> deleteMessage(const Core::StoreRecord &store, qint64 messageId) override;

    Result<QList<ContentRow>> contentPage(const Core::StoreRecord &store,
                                          const QByteArray &afterSha256, int limit) override;
    Result<QList<StoredMessage>> messagePage(const Core::StoreRecord &store, qint64 afterId,
                                             int limit, bool withContent,
                                             bool onlyUnindexed) override;
    Status setIndexed(const Core::StoreRecord &store, const QList<qint64> &messageIds,
                      bool indexed) override;
    Result<qint64> markUnindexed(const Core::StoreRecord &store,
                                 const QList<qint64> &folderIds) override;
    Result<QSet<qint64>> indexedIds(const Core::StoreRecord &store) override;
    Result<qint64> unindexedCount(const Core::StoreRecord &store) override;
    Result<qint64> indexedCount(const Core::StoreRecord &store) override;
    Result<qint64> orphanedContents(const Core::StoreRecord &store) override;
    Result<CompactResult> compact(const Core::StoreRecord &store) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
