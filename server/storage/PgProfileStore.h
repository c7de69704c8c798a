#pragma once

#include "core/profiles/ProfileStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

class PgProfileStore final : public Core::ProfileStore
{
public:
    explicit PgProfileStore(PgConnectionPool &pool);

    Result<Core::ProfileRecord> create(const Core::ProfileRecord &profile) override;
    Result<std::optional<Core::ProfileRecord>> update(const Core::ProfileRecord &profile) override;
    Result<bool> remove(qint64 id) override;
    Result<std::optional<Core::ProfileRecord>> profile(qint64 id) override;
    Result<QList<Core::ProfileRecord>> profiles() override;
    Status setExecution(qint64 id, const Core::ServerSideExecution &execution) override;
    Status setRunStarted(qint64 id, const QDateTime &at) override;
    Status setRunEnded(qint64 id, const QDateTime &at) override;
    Status addHistory(qint64 id, const Core::ProfileHistoryEntry &entry) override;
    Result<QList<Core::ProfileHistoryEntry>> history(qint64 id) override;

private:
    Result<QList<Core::ProfileRecord>> select(const QString &where, const QVariantList &values);

    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
