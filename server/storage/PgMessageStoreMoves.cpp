// Reading messages by id and moving them between folders.
#include "storage/PgMessageStore.h"
#include "storage/PgParameters.h"
#include "storage/PgStoreTables.h"
#include "storage/PgTransaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

Result<QList<Core::MessageSummary>> PgMessageStore::messagesByIds(const Core::StoreRecord &store,
                                                                  const QList<qint64> &messageIds)
{
    if (messageIds.isEmpty())
        return QList<Core::MessageSummary>();
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kMessageSummaryColumns + u" FROM "_s +
                           storeTable(store, u"messages"_s) + u" WHERE id = ANY($1::bigint[])"_s,
                       {idArray(messageIds)});
    if (!rows.ok())
        return rows.error();
    QList<Core::MessageSummary> messages;
    messages.reserve(rows->rowCount());
    for (int row = 0; row < rows->rowCount(); ++row)
        messages.append(messageSummaryFromRow(store.id, rows.value(), row));
    return messages;
}

Result<bool> PgMessageStore::folderHasUnindexed(const Core::StoreRecord &store, qint64 folderId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    // The partial index of unindexed messages keeps this quick: there are few or none.
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT EXISTS (SELECT 1 FROM "_s + storeTable(store, u"messages"_s) +
                           u" WHERE NOT indexed AND folder_id = $1)"_s,
                       {folderId});
    if (!rows.ok())
        return rows.error();
    return rows->toBool(0, 0);
}

Result<QList<qint64>> PgMessageStore::moveMessages(const Core::StoreRecord &store,
                                                   const QList<qint64> &messageIds,
                                                   qint64 targetFolderId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    const QString messages = storeTable(store, u"messages"_s);
    // One message at a time: two of the moved messages may be copies of each other, and the
    // second must see the first already in the target.
    QList<qint64> moved;
    for (qint64 id : messageIds) {
        Result<PgResult> updated = connection.exec(
            u"UPDATE "_s + messages +
                u" m SET folder_id = $2, indexed = false WHERE m.id = $1 AND m.folder_id <> $2 "
                "AND NOT EXISTS (SELECT 1 FROM "_s +
                messages +
                u" t WHERE t.folder_id = $2 AND (t.content_sha256 = m.content_sha256 OR "
                "t.duplicate_key = m.duplicate_key)) RETURNING m.id"_s,
            {id, targetFolderId});
        if (!updated.ok())
            return updated.error();
        if (updated->rowCount() > 0)
            moved.append(id);
    }
    if (Status committed = transaction->commit(); !committed.ok())
        return committed.error();
    return moved;
}

} // namespace Mailkeep::Storage
