#pragma once

#include "core/IngestPipeline.h"
#include "core/WorkerResultStore.h"
#include "model/Clock.h"

namespace Mailkeep::Core {

// How a run ended, from its status and what happened to its items.
QString workerOutcome(const Status &status, const IngestCounts &counts);

// Writes one run into the worker results: opened when it starts (so a crash leaves a trace
// that the next start closes as threadAbort), closed with its outcome and report.
class WorkerRun
{
public:
    WorkerRun(WorkerResultStore &results, const Clock &clock, WorkerResult run);
    Status begin();
    // report: the run's own summary; the error of a failed run is added to it.
    Status finish(const Status &status, const IngestCounts &counts, QJsonObject report);
    qint64 id() const { return m_run.id; }

private:
    WorkerResultStore &m_results;
    const Clock &m_clock;
    WorkerResult m_run;
};

} // namespace Mailkeep::Core
