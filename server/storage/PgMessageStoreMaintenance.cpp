// Reading a store page by page (verification, transfers) and compacting it.
#include "storage/PgMessageStore.h"

#include "storage/PgParameters.h"
#include "storage/PgStoreTables.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

// Bytes of the store's tables with their indexes and TOAST.
Result<qint64> schemaBytes(PgConnection &connection, const Core::StoreRecord &store)
{
    Result<PgResult> size =
        connection.exec(u"SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                        "JOIN pg_namespace n ON n.oid = c.relnamespace "
                        "WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')"_s,
                        {store.schemaName()});
    if (!size.ok())
        return size.error();
    return size->toInt64(0, 0);
}

} // namespace

Result<QList<Core::MessageStore::ContentRow>>
PgMessageStore::contentPage(const Core::StoreRecord &store, const QByteArray &afterSha256,
                            int limit)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT sha256, sealed, raw_size FROM "_s + storeTable(store, u"contents"_s) +
            u" WHERE sha256 > $1 ORDER BY sha256 LIMIT $2"_s,
        {afterSha256.isEmpty() ? QByteArray("", 0) : afterSha256, limit});
    if (!rows.ok())
        return rows.error();
    QList<ContentRow> page;
    for (int row = 0; row < rows->rowCount(); ++row)
        page.append({rows->bytes(row, 0), rows->bytes(row, 1), rows->toInt64(row, 2)});
    return page;
}

Result<QList<Core::MessageStore::StoredMessage>>
PgMessageStore::messagePage(const Core::StoreRecord &store, qint64 afterId, int limit,
                            bool withContent, bool onlyUnindexed)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    QString columns = u"m.id, m.folder_id, m.archived_at, m.message_date, m.envelope, m.size, "
                      "m.has_attachments, m.parse_status, m.defects, m.content_sha256, "
                      "m.date_from_received, m.source_profile, m.source_folder, m.source_id"_s;
    QString from = storeTable(store, u"messages"_s) + u" m"_s;
    if (withContent) {
        columns += u", c.sealed"_s;
        from +=
            u" JOIN "_s + storeTable(store, u"contents"_s) + u" c ON c.sha256 = m.content_sha256"_s;
    }
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT "_s + columns + u" FROM "_s + from + u" WHERE m.id > $1"_s +
            (onlyUnindexed ? u" AND NOT m.indexed"_s : QString()) + u" ORDER BY m.id LIMIT $2"_s,
        {afterId, limit});
    if (!rows.ok())
        return rows.error();
    QList<StoredMessage> page;
    for (int row = 0; row < rows->rowCount(); ++row) {
        StoredMessage message;
        message.summary = messageSummaryFromRow(store.id, rows.value(), row);
        message.dateFromReceived = rows->toBool(row, 10);
        message.sourceProfile = rows->text(row, 11);
        message.sourceFolder = rows->text(row, 12);
        message.sourceId = rows->text(row, 13);
        if (withContent)
            message.sealed = rows->bytes(row, 14);
        page.append(std::move(message));
    }
    return page;
}

Status PgMessageStore::setIndexed(const Core::StoreRecord &store, const QList<qint64> &messageIds,
                                  bool indexed)
{
    if (messageIds.isEmpty())
        return {};
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    const QStringList ids = idArray(messageIds);
    Result<PgResult> rows = (*lease)->exec(u"UPDATE "_s + storeTable(store, u"messages"_s) +
                                               u" SET indexed = $2 WHERE id = ANY($1::bigint[])"_s,
                                           {ids, indexed});
    if (!rows.ok())
        return rows.error();
    return {};
}

Result<qint64> PgMessageStore::markUnindexed(const Core::StoreRecord &store,
                                             const QList<qint64> &folderIds)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    const QStringList ids = idArray(folderIds);
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE "_s + storeTable(store, u"messages"_s) +
                           u" SET indexed = false WHERE indexed AND ($1::bigint[] IS NULL OR "
                           "folder_id = ANY($1::bigint[]))"_s,
                       {folderIds.isEmpty() ? QVariant() : QVariant(ids)});
    if (!rows.ok())
        return rows.error();
    return rows->affectedRows();
}

Result<QSet<qint64>> PgMessageStore::indexedIds(const Core::StoreRecord &store)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(u"SELECT id FROM "_s + storeTable(store, u"messages"_s) +
                                           u" WHERE indexed"_s);
    if (!rows.ok())
        return rows.error();
    QSet<qint64> ids;
    ids.reserve(rows->rowCount());
    for (int row = 0; row < rows->rowCount(); ++row)
        ids.insert(rows->toInt64(row, 0));
    return ids;
}

namespace {

Result<qint64> countMessages(PgConnectionPool &pool, const Core::StoreRecord &store,
                             const QString &condition)
{
    Result<PgLease> lease = pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT count(*) FROM "_s + storeTable(store, u"messages"_s) + u" WHERE "_s + condition);
    if (!rows.ok())
        return rows.error();
    return rows->toInt64(0, 0);
}

} // namespace

Result<qint64> PgMessageStore::unindexedCount(const Core::StoreRecord &store)
{
    return countMessages(m_pool, store, u"NOT indexed"_s);
}

Result<qint64> PgMessageStore::indexedCount(const Core::StoreRecord &store)
{
    return countMessages(m_pool, store, u"indexed"_s);
}

Result<qint64> PgMessageStore::orphanedContents(const Core::StoreRecord &store)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT count(*) FROM "_s + storeTable(store, u"contents"_s) +
                       u" c WHERE NOT EXISTS (SELECT 1 FROM "_s + storeTable(store, u"messages"_s) +
                       u" m WHERE m.content_sha256 = c.sha256)"_s);
    if (!rows.ok())
        return rows.error();
    return rows->toInt64(0, 0);
}

Result<Core::MessageStore::CompactResult> PgMessageStore::compact(const Core::StoreRecord &store)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    CompactResult result;
    Result<qint64> before = schemaBytes(connection, store);
    if (!before.ok())
        return before.error();
    result.bytesBefore = before.value();
    Result<PgResult> removed = connection.exec(
        u"DELETE FROM "_s + storeTable(store, u"contents"_s) +
        u" c WHERE NOT EXISTS (SELECT 1 FROM "_s + storeTable(store, u"messages"_s) +
        u" m WHERE m.content_sha256 = c.sha256)"_s);
    if (!removed.ok())
        return removed.error();
    result.contentsRemoved = removed->affectedRows();
    // VACUUM FULL rewrites the tables, so the space of deleted rows goes back to the file
    // system (a plain VACUUM only marks it reusable). It locks the store's tables meanwhile.
    for (const QString &name : {u"messages"_s, u"contents"_s}) {
        if (Status vacuumed =
                connection.execScript(u"VACUUM (FULL, ANALYZE) "_s + storeTable(store, name));
            !vacuumed.ok())
            return vacuumed.error();
    }
    Result<qint64> after = schemaBytes(connection, store);
    if (!after.ok())
        return after.error();
    result.bytesAfter = after.value();
    return result;
}

} // namespace Mailkeep::Storage
