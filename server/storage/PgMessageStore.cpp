#include "storage/PgMessageStore.h"

#include "storage/PgParameters.h"
#include "storage/PgStoreTables.h"
#include "storage/PgTransaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

Core::MessageSummary messageSummaryFromRow(int storeId, const PgResult &rows, int row)
{
    Core::MessageSummary message;
    message.storeId = storeId;
    message.id = rows.toInt64(row, 0);
    message.folderId = rows.toInt64(row, 1);
    message.archivedAt = rows.toDateTime(row, 2);
    if (!rows.isNull(row, 3))
        message.messageDate = rows.toDateTime(row, 3);
    message.sealedEnvelope = rows.bytes(row, 4);
    message.size = rows.toInt64(row, 5);
    message.hasAttachments = rows.toBool(row, 6);
    message.parseStatus = rows.text(row, 7);
    message.defects = rows.textArray(row, 8);
    message.sha256 = rows.bytes(row, 9);
    return message;
}

PgMessageStore::PgMessageStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<QList<Core::MessageSummary>>
PgMessageStore::messagesInFolders(const QList<Core::StoreRecord> &stores,
                                  const QList<qint64> &folderIds)
{
    QList<Core::MessageSummary> list;
    if (folderIds.isEmpty())
        return list;
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    const QStringList ids = idArray(folderIds);
    for (const Core::StoreRecord &store : stores) {
        Result<PgResult> rows = (*lease)->exec(u"SELECT "_s + kMessageSummaryColumns + u" FROM "_s +
                                                   storeTable(store, u"messages"_s) +
                                                   u" WHERE folder_id = ANY($1::bigint[])"_s,
                                               {ids});
        if (!rows.ok())
            return rows.error();
        for (int row = 0; row < rows->rowCount(); ++row)
            list.append(messageSummaryFromRow(store.id, rows.value(), row));
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return a.messageDate != b.messageDate ? a.messageDate > b.messageDate : a.id > b.id;
    });
    return list;
}

Result<QList<Core::MessageSummary>>
PgMessageStore::folderPageByDate(const QList<Core::StoreRecord> &stores, qint64 folderId,
                                 bool descending, qint64 offset, qint64 limit)
{
    // First the order: ids and dates of the first offset+limit messages of every store (the
    // folder_id, message_date index serves it); then the page's rows in full.
    struct Key
    {
        QDateTime date;
        int storeIndex;
        qint64 id;
    };
    QList<Key> keys;
    {
        Result<PgLease> lease = m_pool.acquire();
        if (!lease.ok())
            return lease.error();
        const QString order = descending ? u"message_date DESC NULLS LAST, id DESC"_s
                                         : u"message_date ASC NULLS FIRST, id ASC"_s;
        for (qsizetype s = 0; s < stores.size(); ++s) {
            Result<PgResult> rows = (*lease)->exec(
                u"SELECT id, message_date FROM "_s + storeTable(stores.at(s), u"messages"_s) +
                    u" WHERE folder_id = $1 ORDER BY "_s + order + u" LIMIT $2"_s,
                {folderId, offset + limit});
            if (!rows.ok())
                return rows.error();
            for (int row = 0; row < rows->rowCount(); ++row)
                keys.append({rows->toDateTime(row, 1), static_cast<int>(s), rows->toInt64(row, 0)});
        }
    }
    std::sort(keys.begin(), keys.end(), [descending](const Key &a, const Key &b) {
        const auto rank = [](const Key &k) { return std::tuple(k.date, k.storeIndex, k.id); };
        return descending ? rank(a) > rank(b) : rank(a) < rank(b);
    });
    keys = keys.mid(std::min<qsizetype>(offset, keys.size()), limit);
    QHash<std::pair<int, qint64>, Core::MessageSummary> rowsByKey;
    for (qsizetype s = 0; s < stores.size(); ++s) {
        QList<qint64> ids;
        for (const Key &key : std::as_const(keys)) {
            if (key.storeIndex == s)
                ids << key.id;
        }
        Result<QList<Core::MessageSummary>> rows = messagesByIds(stores.at(s), ids);
        if (!rows.ok())
            return rows.error();
        for (Core::MessageSummary &summary : rows.value())
            rowsByKey.insert({static_cast<int>(s), summary.id}, std::move(summary));
    }

    QList<Core::MessageSummary> page;
    for (const Key &key : std::as_const(keys)) {
        if (auto found = rowsByKey.constFind({key.storeIndex, key.id}); found != rowsByKey.cend())
            page.append(found.value());
    }
    return page;
}

Result<QHash<qint64, Core::MessageStore::FolderCount>>
PgMessageStore::folderCounts(const Core::StoreRecord &store)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT folder_id, count(*), coalesce(sum(size), 0) FROM "_s +
                       storeTable(store, u"messages"_s) + u" GROUP BY folder_id"_s);
    if (!rows.ok())
        return rows.error();
    QHash<qint64, FolderCount> counts;
    for (int row = 0; row < rows->rowCount(); ++row)
        counts.insert(rows->toInt64(row, 0), {rows->toInt64(row, 1), rows->toInt64(row, 2)});
    return counts;
}

Result<QMap<QDate, qint64>> PgMessageStore::archivedPerDay(const Core::StoreRecord &store,
                                                           const QDateTime &from,
                                                           const QString &timeZone,
                                                           const QList<qint64> &folderIds)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    const QStringList ids = idArray(folderIds);
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT (archived_at AT TIME ZONE $2)::date, count(*) FROM "_s +
            storeTable(store, u"messages"_s) +
            u" WHERE archived_at >= $1 AND ($3::bigint[] IS NULL OR folder_id = ANY($3::bigint[]))"
            " GROUP BY 1"_s,
        {from, timeZone, folderIds.isEmpty() ? QVariant() : QVariant(ids)});
    if (!rows.ok())
        return rows.error();
    QMap<QDate, qint64> days;
    for (int row = 0; row < rows->rowCount(); ++row)
        days.insert(QDate::fromString(rows->text(row, 0), Qt::ISODate), rows->toInt64(row, 1));
    return days;
}

Result<std::optional<std::pair<Core::MessageSummary, QByteArray>>>
PgMessageStore::messageWithContent(const Core::StoreRecord &store, qint64 messageId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT "_s + kMessageSummaryColumns + u", c.sealed FROM "_s +
            storeTable(store, u"messages"_s) + u" m JOIN "_s + storeTable(store, u"contents"_s) +
            u" c ON c.sha256 = m.content_sha256 WHERE m.id = $1"_s,
        {messageId});
    if (!rows.ok())
        return rows.error();
    using Found = std::optional<std::pair<Core::MessageSummary, QByteArray>>;
    if (rows->rowCount() == 0)
        return Found();
    return Found(std::pair{messageSummaryFromRow(store.id, rows.value(), 0),
                           rows->bytes(0, kMessageSummaryColumnCount)});
}

Result<std::optional<Core::MessageSummary>> PgMessageStore::message(const Core::StoreRecord &store,
                                                                    qint64 messageId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kMessageSummaryColumns + u" FROM "_s +
                           storeTable(store, u"messages"_s) + u" WHERE id = $1"_s,
                       {messageId});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::MessageSummary>();
    return std::optional<Core::MessageSummary>(messageSummaryFromRow(store.id, rows.value(), 0));
}

Result<bool> PgMessageStore::deleteMessage(const Core::StoreRecord &store, qint64 messageId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    Result<PgResult> deleted =
        connection.exec(u"DELETE FROM "_s + storeTable(store, u"messages"_s) +
                            u" WHERE id = $1 RETURNING content_sha256"_s,
                        {messageId});
    if (!deleted.ok())
        return deleted.error();
    if (deleted->rowCount() == 0)
        return false;
    // The content goes too unless another folder still holds the same message.
    Result<PgResult> content = connection.exec(
        u"DELETE FROM "_s + storeTable(store, u"contents"_s) +
            u" c WHERE c.sha256 = $1 AND NOT EXISTS (SELECT 1 FROM "_s +
            storeTable(store, u"messages"_s) + u" m WHERE m.content_sha256 = c.sha256)"_s,
        {deleted->bytes(0, 0)});
    if (!content.ok())
        return content.error();
    if (Status committed = transaction->commit(); !committed.ok())
        return committed.error();
    return true;
}

} // namespace Mailkeep::Storage
