#include "storage/PgAuditLog.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

PgAuditLog::PgAuditLog(PgConnectionPool &pool)
    : m_pool(pool)
{}

Status PgAuditLog::record(const Core::AuditEntry &entry)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO audit_log (at, event, user_name, client_address, details) "
        "VALUES (coalesce($1, now()), $2, $3, $4, $5::jsonb)"_s,
        {entry.at, entry.event, entry.userName,
         entry.clientAddress.isEmpty() ? QVariant() : QVariant(entry.clientAddress),
         QString::fromUtf8(QJsonDocument(entry.details).toJson(QJsonDocument::Compact))});
    if (!rows.ok())
        return rows.error();
    return {};
}

Result<QList<Core::AuditEntry>> PgAuditLog::entries(const QDateTime &from, const QDateTime &to)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT id, at, event, user_name, client_address, details::text FROM audit_log "
        "WHERE at >= $1 AND at < $2 ORDER BY at, id"_s,
        {from, to});
    if (!rows.ok())
        return rows.error();
    QList<Core::AuditEntry> list;
    for (int row = 0; row < rows->rowCount(); ++row) {
        list.append({rows->toInt64(row, 0), rows->toDateTime(row, 1), rows->text(row, 2),
                     rows->text(row, 3), rows->text(row, 4),
                     QJsonDocument::fromJson(rows->text(row, 5).toUtf8()).object()});
    }
    return list;
}

} // namespace Mailkeep::Storage
