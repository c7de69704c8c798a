#include "storage/PgProfileStore.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

const QString kColumns = u"id, uid, version, name, owner, kind, type, properties, secrets, "
                         "automatic, pause_seconds, maintenance_windows, created_at, updated_at, "
                         "last_run_started, last_run_ended"_s;

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QVariant optionalBytes(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QVariant() : QVariant(bytes);
}

Core::ProfileRecord profileFromRow(const PgResult &rows, int row)
{
    Core::ProfileRecord profile;
    profile.id = rows.toInt64(row, 0);
    profile.uid = rows.text(row, 1);
    profile.version = static_cast<int>(rows.toInt64(row, 2));
    profile.name = rows.text(row, 3);
    profile.owner = rows.text(row, 4);
    profile.kind = rows.text(row, 5);
    profile.type = rows.text(row, 6);
    profile.properties = jsonObject(rows.text(row, 7));
    if (!rows.isNull(row, 8))
        profile.sealedSecrets = rows.bytes(row, 8);
    profile.execution.automatic = rows.toBool(row, 9);
    profile.execution.pauseSeconds = static_cast<int>(rows.toInt64(row, 10));
    profile.execution.maintenanceWindows = rows.text(row, 11);
    profile.createdAt = rows.toDateTime(row, 12);
    profile.updatedAt = rows.toDateTime(row, 13);
    if (!rows.isNull(row, 14))
        profile.lastRunStarted = rows.toDateTime(row, 14);
    if (!rows.isNull(row, 15))
        profile.lastRunEnded = rows.toDateTime(row, 15);
    return profile;
}

} // namespace

PgProfileStore::PgProfileStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<QList<Core::ProfileRecord>> PgProfileStore::select(const QString &where,
                                                          const QVariantList &values)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kColumns + u" FROM profiles "_s + where, values);
    if (!rows.ok())
        return rows.error();
    QList<Core::ProfileRecord> profiles;
    for (int row = 0; row < rows->rowCount(); ++row)
        profiles.append(profileFromRow(rows.value(), row));
    return profiles;
}

Result<Core::ProfileRecord> PgProfileStore::create(const Core::ProfileRecord &profile)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO profiles (uid, name, owner, kind, type, properties, secrets, automatic, "
        "pause_seconds, maintenance_windows) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, "
        "$10) RETURNING "_s +
            kColumns,
        {profile.uid, profile.name, profile.owner, profile.kind, profile.type,
         jsonText(profile.properties), optionalBytes(profile.sealedSecrets),
         profile.execution.automatic, profile.execution.pauseSeconds,
         profile.execution.maintenanceWindows});
    if (!rows.ok())
        return rows.error();
    return profileFromRow(rows.value(), 0);
}

Result<std::optional<Core::ProfileRecord>>
PgProfileStore::update(const Core::ProfileRecord &profile)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"UPDATE profiles SET name = $3, type = $4, properties = $5::jsonb, secrets = $6, "
        "version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 RETURNING "_s +
            kColumns,
        {profile.id, profile.version, profile.name, profile.type, jsonText(profile.properties),
         optionalBytes(profile.sealedSecrets)});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::ProfileRecord>();
    return std::optional(profileFromRow(rows.value(), 0));
}

Result<bool> PgProfileStore::remove(qint64 id)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(u"DELETE FROM profiles WHERE id = $1"_s, {id});
    if (!rows.ok())
        return rows.error();
    return rows->affectedRows() > 0;
}

Result<std::optional<Core::ProfileRecord>> PgProfileStore::profile(qint64 id)
{
    Result<QList<Core::ProfileRecord>> found = select(u"WHERE id = $1"_s, {id});
    if (!found.ok())
        return found.error();
    if (found->isEmpty())
        return std::optional<Core::ProfileRecord>();
    return std::optional(found->first());
}

Result<QList<Core::ProfileRecord>> PgProfileStore::profiles()
{
    return select(u"ORDER BY id"_s, {});
}

Status PgProfileStore::setExecution(qint64 id, const Core::ServerSideExecution &execution)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"UPDATE profiles SET automatic = $2, pause_seconds = $3, maintenance_windows = $4, "
        "updated_at = now() WHERE id = $1"_s,
        {id, execution.automatic, execution.pauseSeconds, execution.maintenanceWindows});
    if (!rows.ok())
        return rows.error();
    return {};
}

Status PgProfileStore::setRunStarted(qint64 id, const QDateTime &at)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE profiles SET last_run_started = $2 WHERE id = $1"_s, {id, at});
    if (!rows.ok())
        return rows.error();
    return {};
}

Status PgProfileStore::setRunEnded(qint64 id, const QDateTime &at)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE profiles SET last_run_ended = $2 WHERE id = $1"_s, {id, at});
    if (!rows.ok())
        return rows.error();
    return {};
}

Status PgProfileStore::addHistory(qint64 id, const Core::ProfileHistoryEntry &entry)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO profile_history (profile_id, event, user_name, details) VALUES ($1, $2, "
        "$3, $4::jsonb)"_s,
        {id, entry.event, entry.userName, jsonText(entry.details)});
    if (!rows.ok())
        return rows.error();
    return {};
}

Result<QList<Core::ProfileHistoryEntry>> PgProfileStore::history(qint64 id)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT at, event, user_name, details FROM profile_history WHERE profile_id = $1 "
        "ORDER BY at, id"_s,
        {id});
    if (!rows.ok())
        return rows.error();
    QList<Core::ProfileHistoryEntry> entries;
    for (int row = 0; row < rows->rowCount(); ++row)
        entries.append({rows->toDateTime(row, 0), rows->text(row, 1), rows->text(row, 2),
                        jsonObject(rows->text(row, 3))});
    return entries;
}

} // namespace Mailkeep::Storage
