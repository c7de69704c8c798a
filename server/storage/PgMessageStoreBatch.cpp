// Writing batches of messages: one transaction per batch, the rows sent with one COPY into a
// session-local staging table, checked against every attached store, then inserted.
#include "storage/PgCopyRows.h"
#include "storage/PgMessageStore.h"
#include "storage/PgStoreTables.h"
#include "storage/PgTransaction.h"

#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

// ON COMMIT DELETE ROWS: the table lives as long as the pooled session and is empty between
// batches. ord is the message's place in the batch.
const QString kCreateStaging =
    u"CREATE TEMP TABLE IF NOT EXISTS message_staging (ord int, folder_id bigint, "
    "content_sha256 bytea, duplicate_key bytea, sealed bytea, raw_size bigint, "
    "message_date timestamptz, date_from_received boolean, envelope bytea, size bigint, "
    "has_attachments boolean, parse_status text, defects text[], source_profile text, "
    "source_folder text, source_id text, archived_at timestamptz) ON COMMIT DELETE ROWS"_s;

void addOptionalText(PgCopyRows &rows, const QString &text)
{
    if (text.isEmpty())
        rows.addNull();
    else
        rows.addText(text);
}

void addStagingRow(PgCopyRows &rows, int ord, const Core::PreparedMessage &message)
{
    rows.addInt32(ord);
    rows.addInt64(message.folderId);
    rows.addBytes(message.sha256);
    rows.addBytes(message.duplicateKey);
    rows.addBytes(message.sealed);
    rows.addInt64(message.rawSize);
    rows.addTime(message.messageDate);
    rows.addBool(message.dateFromReceived);
    rows.addBytes(message.sealedEnvelope);
    rows.addInt64(message.rawSize);
    rows.addBool(message.hasAttachments);
    rows.addText(message.parseStatus);
    rows.addTextArray(message.defects);
    addOptionalText(rows, message.sourceProfile);
    addOptionalText(rows, message.sourceFolder);
    addOptionalText(rows, message.sourceId);
    rows.addTime(message.archivedAt);
    rows.endRow();
}

// For every staged row: is the same content, or the same message by its normalised key,
// already in that folder in any of the stores?
QString presenceQuery(const QList<Core::StoreRecord> &stores)
{
    QStringList sameBytes;
    QStringList sameMessage;
    for (const Core::StoreRecord &store : stores) {
        const QString messages = storeTable(store, u"messages"_s);
        sameBytes << u"EXISTS (SELECT 1 FROM %1 m WHERE m.folder_id = s.folder_id "
                     "AND m.content_sha256 = s.content_sha256)"_s.arg(messages);
        sameMessage << u"EXISTS (SELECT 1 FROM %1 m WHERE m.folder_id = s.folder_id "
                       "AND m.duplicate_key = s.duplicate_key)"_s.arg(messages);
    }
    return u"SELECT ord, %1, %2 FROM message_staging s"_s.arg(sameBytes.join(u" OR "_s),
                                                              sameMessage.join(u" OR "_s));
}

QByteArray folderContentKey(qint64 folderId, const QByteArray &sha256)
{
    return QByteArray::number(folderId) + ':' + sha256;
}

} // namespace

Result<Core::StoredBatch>
PgMessageStore::storeBatch(const Core::StoreRecord &store, const QList<Core::StoreRecord> &present,
                           const QList<Core::PreparedMessage> &batch,
                           const std::optional<Core::SourceCheckpoint> &checkpoint)
{
    QList<Core::StoreOutcome> outcomes(batch.size(), Core::StoreOutcome::Stored);
    QList<qint64> ids(batch.size(), 0);
    // Duplicates inside the batch itself never reach the database.
    QSet<QByteArray> seenContent;
    QSet<QByteArray> seenKey;
    // Same message as an earlier one of the batch by its key, but other bytes: staged only to
    // learn whether its bytes are in the folder already (then it counts as already archived).
    QSet<qint64> keyDuplicates;
    PgCopyRows staged;
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const Core::PreparedMessage &message = batch.at(i);
        const QByteArray contentKey = folderContentKey(message.folderId, message.sha256);
        const QByteArray messageKey = folderContentKey(message.folderId, message.duplicateKey);
        if (seenContent.contains(contentKey)) {
            outcomes[i] = Core::StoreOutcome::AlreadyInFolder;
            continue;
        }
        seenContent.insert(contentKey);
        if (seenKey.contains(messageKey)) {
            outcomes[i] = Core::StoreOutcome::DuplicateElsewhere;
            keyDuplicates.insert(i);
        }
        seenKey.insert(messageKey);
        addStagingRow(staged, static_cast<int>(i), message);
    }

    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    if (Status created = connection.execScript(kCreateStaging); !created.ok())
        return created.error();
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();

    if (staged.rows() > 0) {
        Result<qint64> copied = connection.copyIn(
            u"COPY message_staging FROM STDIN (FORMAT binary)"_s, staged.finished());
        if (!copied.ok())
            return copied.error();
        QList<Core::StoreRecord> checked = present;
        if (std::none_of(checked.cbegin(), checked.cend(),
                         [&](const Core::StoreRecord &s) { return s.id == store.id; }))
            checked.append(store);
        Result<PgResult> found = connection.exec(presenceQuery(checked));
        if (!found.ok())
            return found.error();
        QStringList known;
        for (int row = 0; row < found->rowCount(); ++row) {
            const bool sameBytes = found->toBool(row, 1);
            const auto ord = found->toInt64(row, 0);
            if (keyDuplicates.contains(ord)) {
                if (sameBytes)
                    outcomes[ord] = Core::StoreOutcome::AlreadyInFolder;
                known << QString::number(ord);
                continue;
            }
            if (!sameBytes && !found->toBool(row, 2))
                continue;
            outcomes[ord] = sameBytes ? Core::StoreOutcome::AlreadyInFolder
                                      : Core::StoreOutcome::DuplicateElsewhere;
            known << QString::number(ord);
        }
        if (!known.isEmpty()) {
            if (Result<PgResult> dropped = connection.exec(
                    u"DELETE FROM message_staging WHERE ord = ANY($1::int[])"_s, {known});
                !dropped.ok())
                return dropped.error();
        }
        if (Result<PgResult> contents = connection.exec(
                u"INSERT INTO "_s + storeTable(store, u"contents"_s) +
                u" (sha256, sealed, raw_size) SELECT DISTINCT ON (content_sha256) "
                "content_sha256, sealed, raw_size FROM message_staging ORDER BY content_sha256 "
                "ON CONFLICT (sha256) DO NOTHING"_s);
            !contents.ok())
            return contents.error();
        // A concurrent writer may have stored the same message in the same folder since the
        // check: such rows are skipped, and reported as already archived.
        Result<PgResult> inserted = connection.exec(
            u"INSERT INTO "_s + storeTable(store, u"messages"_s) +
            u" (folder_id, content_sha256, duplicate_key, message_date, date_from_received, "
            "envelope, size, has_attachments, parse_status, defects, source_profile, "
            "source_folder, source_id, archived_at) SELECT folder_id, content_sha256, "
            "duplicate_key, message_date, date_from_received, envelope, size, has_attachments, "
            "parse_status, defects, source_profile, source_folder, source_id, "
            "coalesce(archived_at, now()) FROM message_staging ORDER BY ord "
            "ON CONFLICT (folder_id, content_sha256) DO NOTHING "
            "RETURNING id, folder_id, content_sha256"_s);
        if (!inserted.ok())
            return inserted.error();
        QHash<QByteArray, qint64> written;
        for (int row = 0; row < inserted->rowCount(); ++row)
            written.insert(folderContentKey(inserted->toInt64(row, 1), inserted->bytes(row, 2)),
                           inserted->toInt64(row, 0));
        for (qsizetype i = 0; i < batch.size(); ++i) {
            if (outcomes.at(i) != Core::StoreOutcome::Stored)
                continue;
            const qint64 id =
                written.value(folderContentKey(batch.at(i).folderId, batch.at(i).sha256));
            if (id == 0)
                outcomes[i] = Core::StoreOutcome::AlreadyInFolder;
            ids[i] = id;
        }
    }
    if (checkpoint) {
        if (Result<PgResult> saved = connection.exec(
                u"INSERT INTO source_checkpoints (source_key, position) VALUES ($1, $2) "
                "ON CONFLICT (source_key) DO UPDATE SET position = EXCLUDED.position, "
                "updated_at = now()"_s,
                {checkpoint->key, checkpoint->position});
            !saved.ok())
            return saved.error();
    }
    if (Status committed = transaction->commit(); !committed.ok())
        return committed.error();
    return Core::StoredBatch{outcomes, ids};
}

Result<std::optional<QString>> PgMessageStore::checkpoint(const QString &key)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT position FROM source_checkpoints WHERE source_key = $1"_s, {key});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<QString>();
    return std::optional<QString>(rows->text(0, 0));
}

Status PgMessageStore::clearCheckpoint(const QString &key)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"DELETE FROM source_checkpoints WHERE source_key = $1"_s, {key});
    if (!rows.ok())
        return rows.error();
    return {};
}

Result<QList<Core::SourceCheckpoint>> PgMessageStore::checkpointsWithPrefix(const QString &prefix)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    // left() rather than LIKE: a key holds folder names, which may contain % and _.
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT source_key, position FROM source_checkpoints "
                       "WHERE left(source_key, length($1)) = $1 ORDER BY source_key"_s,
                       {prefix});
    if (!rows.ok())
        return rows.error();
    QList<Core::SourceCheckpoint> found;
    for (int row = 0; row < rows->rowCount(); ++row)
        found.append({rows->text(row, 0), rows->text(row, 1)});
    return found;
}

} // namespace Mailkeep::Storage
