#include "core/WorkerRuns.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

QString workerOutcome(const Status &status, const IngestCounts &counts)
{
    if (!status.ok())
        return status.error().code == ErrorCode::Cancelled ? WorkerOutcome::Cancelled
                                                           : WorkerOutcome::Failed;
    if (!counts.failures.isEmpty())
        return WorkerOutcome::CompletedWithErrors;
    if (counts.flagged > 0)
        return WorkerOutcome::CompletedWithWarnings;
    return WorkerOutcome::Succeeded;
}

WorkerRun::WorkerRun(WorkerResultStore &results, const Clock &clock, WorkerResult run)
    : m_results(results)
    , m_clock(clock)
    , m_run(std::move(run))
{}

Status WorkerRun::begin()
{
    m_run.startedAt = m_clock.now();
    Result<qint64> id = m_results.begin(m_run);
    if (!id.ok())
        return id.error();
    m_run.id = id.value();
    return {};
}

Status WorkerRun::finish(const Status &status, const IngestCounts &counts, QJsonObject report)
{
    m_run.completedAt = m_clock.now();
    m_run.result = workerOutcome(status, counts);
    m_run.itemsArchived = counts.archived;
    m_run.itemsSkipped = counts.alreadyArchived + counts.duplicatesSkipped;
    m_run.itemsFailed = counts.failures.size();
    if (!status.ok())
        report.insert(u"error"_s, status.error().message);
    m_run.report = report;
    return m_results.finish(m_run);
}

} // namespace Mailkeep::Core
