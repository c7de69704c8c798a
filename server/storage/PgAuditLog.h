#pragma once

#include "core/AuditLog.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// The audit log in the table audit_log (migration 0005).
class PgAuditLog final : public Core::AuditLog
{
public:
    explicit PgAuditLog(PgConnectionPool &pool);

    Status record(const Core::AuditEntry &entry) override;
    Result<QList<Core::AuditEntry>> entries(const QDateTime &from, const QDateTime &to) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
