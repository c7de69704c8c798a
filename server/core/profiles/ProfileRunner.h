#pragma once

#include "core/WorkerResultStore.h"
#include "core/profiles/ProfileJob.h"
#include "core/profiles/ProfileService.h"
#include "model/Clock.h"

#include <QHash>
#include <QSet>

#include <condition_variable>
#include <mutex>

namespace Mailkeep::Core {

// Runs profiles: each run is a worker result (opened at the start, so a crash leaves a trace
// the next start closes as threadAbort). Runs of one profile are serialised: a second waits
// for the first. At most `workerLimit` runs go on at once, the others wait for a free worker.
// Waiting can be cancelled like the run itself.
class ProfileRunner
{
public:
    ProfileRunner(ProfileService &profiles, WorkerResultStore &results, const Clock &clock,
                  int workerLimit);

    // The job for a profile type; registered by the composition root, so the connectors
    // (IMAP, Microsoft 365) stay out of the core.
    void registerJob(const QString &type, ProfileJobFactory factory);
    bool hasJob(const QString &type) const;

    // Runs a stored profile (overrides: this run's property values) or a temporary one
    // (profile.id == 0). Returns the run's summary: its worker result id, the outcome, the
    // counts and the job's details. The run's own failure is the worker result's too; the
    // call fails only when the run failed as a whole.
    Result<QJsonObject> run(const ProfileRecord &profile, const QJsonObject &overrides,
                            const QString &startedBy, TaskProgress &progress);
    bool isRunning(qint64 profileId) const;
    int activeRuns() const;
    void setWorkerLimit(int limit);

private:
    Status acquire(qint64 profileId, TaskProgress &progress);
    void release(qint64 profileId);

    ProfileService &m_profiles;
    WorkerResultStore &m_results;
    const Clock &m_clock;
    QHash<QString, ProfileJobFactory> m_jobs;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_workerLimit;
    int m_active = 0;
    QSet<qint64> m_running;
};

// Applies a run's overrides to a profile's properties: a value given as text takes the type
// of the property it replaces ("true" for a flag, "30" for a number).
Result<QJsonObject> applyOverrides(QJsonObject properties, const QJsonObject &overrides);

} // namespace Mailkeep::Core
