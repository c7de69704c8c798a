#pragma once

#include "core/WorkerResultStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Worker results in the table worker_results (migration 0005).
class PgWorkerResultStore final : public Core::WorkerResultStore
{
public:
    explicit PgWorkerResultStore(PgConnectionPool &pool);

    Result<qint64> begin(const Core::WorkerResult &run) override;
    Status finish(const Core::WorkerResult &run) override;
    Result<QList<Core::WorkerResult>> results(const Core::WorkerResultFilter &filter) override;
    Result<std::optional<Core::WorkerResult>> result(qint64 id) override;
    Result<qint64> closeAbandonedRuns(const QDateTime &now) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
