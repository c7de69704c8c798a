#pragma once

#include "core/MessageStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Messages and contents in the archive stores' schemas (store migrations 0001 and 0002).
class PgMessageStore final : public Core::MessageStore
{
public:
    explicit PgMessageStore(PgConnectionPool &pool);

    Result<QList<Core::StoreOutcome>>
    storeBatch(const Core::StoreRecord &store, const QList<Core::PreparedMessage> &batch) override;
    Result<QList<Core::MessageSummary>> messagesInFolders(const QList<Core::StoreRecord> &stores,
                                                          const QList<qint64> &folderIds) override;
    Result<QHash<qint64, FolderCount>> folderCounts(const Core::StoreRecord &store) override;
    Result<std::optional<std::pair<Core::MessageSummary, QByteArray>>>
    messageWithContent(const Core::StoreRecord &store, qint64 messageId) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
