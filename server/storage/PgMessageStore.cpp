#include "storage/PgMessageStore.h"

#include "storage/PgText.h"
#include "storage/PgTransaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

const QString kSummaryColumns =
    u"id, folder_id, archived_at, message_date, envelope, size, has_attachments, parse_status, "
    "defects, content_sha256"_s;

QString table(const Core::StoreRecord &store, const QString &name)
{
    return PgText::quoteIdentifier(store.schemaName()) + u'.' + name;
}

Core::MessageSummary summaryFromRow(int storeId, const PgResult &rows, int row)
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

QVariant timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QVariant(time) : QVariant();
}

} // namespace

PgMessageStore::PgMessageStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<QList<Core::StoreOutcome>>
PgMessageStore::storeBatch(const Core::StoreRecord &store,
                           const QList<Core::PreparedMessage> &batch)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    const QString messages = table(store, u"messages"_s);
    const QString contents = table(store, u"contents"_s);

    QList<Core::StoreOutcome> outcomes;
    for (const Core::PreparedMessage &message : batch) {
        Result<PgResult> present = connection.exec(
            u"SELECT content_sha256 = $2 FROM "_s + messages +
                u" WHERE folder_id = $1 AND (content_sha256 = $2 OR duplicate_key = $3) "
                "ORDER BY 1 DESC LIMIT 1"_s,
            {message.folderId, message.sha256, message.duplicateKey});
        if (!present.ok())
            return present.error();
        if (present->rowCount() > 0) {
            outcomes << (present->toBool(0, 0) ? Core::StoreOutcome::AlreadyInFolder
                                               : Core::StoreOutcome::DuplicateElsewhere);
            continue;
        }
        Result<PgResult> content = connection.exec(
            u"INSERT INTO "_s + contents +
                u" (sha256, sealed, raw_size) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING"_s,
            {message.sha256, message.sealed, message.rawSize});
        if (!content.ok())
            return content.error();
        Result<PgResult> inserted = connection.exec(
            u"INSERT INTO "_s + messages +
                u" (folder_id, content_sha256, duplicate_key, message_date, date_from_received, "
                "envelope, size, has_attachments, parse_status, defects, source_profile, "
                "source_folder, source_id) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"_s,
            {message.folderId, message.sha256, message.duplicateKey,
             timeOrNull(message.messageDate), message.dateFromReceived, message.sealedEnvelope,
             message.rawSize, message.hasAttachments, message.parseStatus, message.defects,
             message.sourceProfile.isEmpty() ? QVariant() : QVariant(message.sourceProfile),
             message.sourceFolder.isEmpty() ? QVariant() : QVariant(message.sourceFolder),
             message.sourceId.isEmpty() ? QVariant() : QVariant(message.sourceId)});
        if (!inserted.ok())
            return inserted.error();
        outcomes << Core::StoreOutcome::Stored;
    }
    if (Status committed = transaction->commit(); !committed.ok())
        return committed.error();
    return outcomes;
}

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
    QStringList ids;
    for (qint64 id : folderIds)
        ids << QString::number(id);
    for (const Core::StoreRecord &store : stores) {
        Result<PgResult> rows = (*lease)->exec(u"SELECT "_s + kSummaryColumns + u" FROM "_s +
                                                   table(store, u"messages"_s) +
                                                   u" WHERE folder_id = ANY($1::bigint[])"_s,
                                               {ids});
        if (!rows.ok())
            return rows.error();
        for (int row = 0; row < rows->rowCount(); ++row)
            list.append(summaryFromRow(store.id, rows.value(), row));
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return a.messageDate != b.messageDate ? a.messageDate > b.messageDate : a.id > b.id;
    });
    return list;
}

Result<QHash<qint64, Core::MessageStore::FolderCount>>
PgMessageStore::folderCounts(const Core::StoreRecord &store)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT folder_id, count(*), coalesce(sum(size), 0) FROM "_s +
                       table(store, u"messages"_s) + u" GROUP BY folder_id"_s);
    if (!rows.ok())
        return rows.error();
    QHash<qint64, FolderCount> counts;
    for (int row = 0; row < rows->rowCount(); ++row)
        counts.insert(rows->toInt64(row, 0), {rows->toInt64(row, 1), rows->toInt64(row, 2)});
    return counts;
}

Result<std::optional<std::pair<Core::MessageSummary, QByteArray>>>
PgMessageStore::messageWithContent(const Core::StoreRecord &store, qint64 messageId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT "_s + kSummaryColumns + u", c.sealed FROM "_s + table(store, u"messages"_s) +
            u" m JOIN "_s + table(store, u"contents"_s) +
            u" c ON c.sha256 = m.content_sha256 WHERE m.id = $1"_s,
        {messageId});
    if (!rows.ok())
        return rows.error();
    using Found = std::optional<std::pair<Core::MessageSummary, QByteArray>>;
    if (rows->rowCount() == 0)
        return Found();
    return Found(std::pair{summaryFromRow(store.id, rows.value(), 0), rows->bytes(0, 10)});
}

} // namespace Mailkeep::Storage
