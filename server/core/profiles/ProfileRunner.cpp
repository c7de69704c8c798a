#include "core/profiles/ProfileRunner.h"

#include "core/WorkerRuns.h"

#include <QJsonArray>

#include <chrono>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

Result<QJsonObject> applyOverrides(QJsonObject properties, const QJsonObject &overrides)
{
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        const QJsonValue current = properties.value(it.key());
        QJsonValue value = it.value();
        if (value.isString() && current.isBool()) {
            const QString text = value.toString().toLower();
            if (text != u"true"_s && text != u"false"_s)
                return Error(ErrorCode::InvalidArgument,
                             u"The property %1 is true or false."_s.arg(it.key()));
            value = text == u"true"_s;
        } else if (value.isString() && current.isDouble()) {
            bool ok = false;
            const double number = value.toString().toDouble(&ok);
            if (!ok)
                return Error(ErrorCode::InvalidArgument,
                             u"The property %1 is a number."_s.arg(it.key()));
            value = number;
        }
        properties.insert(it.key(), value);
    }
    return properties;
}

ProfileRunner::ProfileRunner(ProfileService &profiles, WorkerResultStore &results,
                             const Clock &clock, int workerLimit)
    : m_profiles(profiles)
    , m_results(results)
    , m_clock(clock)
    , m_workerLimit(std::max(1, workerLimit))
{}

void ProfileRunner::registerJob(const QString &type, ProfileJobFactory factory)
{
    m_jobs.insert(type, std::move(factory));
}

bool ProfileRunner::hasJob(const QString &type) const
{
    return m_jobs.contains(type);
}

bool ProfileRunner::isRunning(qint64 profileId) const
{
    std::lock_guard lock(m_mutex);
    return m_running.contains(profileId);
}

int ProfileRunner::activeRuns() const
{
    std::lock_guard lock(m_mutex);
    return m_active;
}

void ProfileRunner::setWorkerLimit(int limit)
{
    std::lock_guard lock(m_mutex);
    m_workerLimit = std::max(1, limit);
    m_changed.notify_all();
}

Status ProfileRunner::acquire(qint64 profileId, TaskProgress &progress)
{
    std::unique_lock lock(m_mutex);
    bool told = false;
    while ((profileId != 0 && m_running.contains(profileId)) || m_active >= m_workerLimit) {
        if (progress.isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"Cancelled before the run started."_s);
        if (!told) {
            lock.unlock();
            progress.report(0, m_running.contains(profileId)
                                   ? u"Waiting for the run of this profile that is going on"_s
                                   : u"Waiting for a free worker"_s);
            lock.lock();
            told = true;
        }
        m_changed.wait_for(lock, std::chrono::milliseconds(200));
    }
    ++m_active;
    if (profileId != 0)
        m_running.insert(profileId);
    return {};
}

void ProfileRunner::release(qint64 profileId)
{
    std::lock_guard lock(m_mutex);
    --m_active;
    m_running.remove(profileId);
    m_changed.notify_all();
}

Result<QJsonObject> ProfileRunner::run(const ProfileRecord &profile, const QJsonObject &overrides,
                                       const QString &startedBy, TaskProgress &progress)
{
    const auto factory = m_jobs.constFind(profile.type);
    if (factory == m_jobs.cend())
        return Error(ErrorCode::Unsupported,
                     u"This server cannot run %1 profiles."_s.arg(profile.type));
    QJsonObject properties = profile.properties;
    if (profile.id != 0) {
        Result<QJsonObject> opened = m_profiles.runProperties(profile);
        if (!opened.ok())
            return opened.error();
        properties = opened.value();
    }
    Result<QJsonObject> effective = applyOverrides(properties, overrides);
    if (!effective.ok())
        return effective.error();
    if (std::optional<ProfileTypeInfo> type = ProfileTypes::find(profile.type)) {
        if (Status valid = ProfileTypes::validate(*type, *effective); !valid.ok())
            return valid.error();
    }

    if (Status slot = acquire(profile.id, progress); !slot.ok())
        return slot.error();
    const auto done = qScopeGuard([this, &profile]() { release(profile.id); });

    WorkerResult record;
    if (profile.id != 0)
        record.profileId = profile.id;
    record.profileName = profile.name;
    record.userName = effective->value(u"userName"_s).toString().trimmed().toLower();
    record.startedBy = startedBy;
    WorkerRun run(m_results, m_clock, record);
    if (Status begun = run.begin(); !begun.ok())
        return begun.error();
    if (profile.id != 0) {
        if (Status marked = m_profiles.store().setRunStarted(profile.id, m_clock.now());
            !marked.ok())
            return marked.error();
    }

    ProfileRunReport report;
    const std::unique_ptr<ProfileJob> job = (*factory)();
    const Status ran = job->run({profile, effective.value(), startedBy, progress}, report);

    QJsonObject summary = report.details;
    QJsonArray failures;
    for (const auto &[item, reason] : std::as_const(report.failures))
        failures.append(QJsonObject{{u"item"_s, item}, {u"reason"_s, reason}});
    summary.insert(u"archived"_s, report.archived);
    summary.insert(u"alreadyArchived"_s, report.alreadyArchived);
    summary.insert(u"duplicatesSkipped"_s, report.duplicatesSkipped);
    summary.insert(u"flagged"_s, report.flagged);
    summary.insert(u"failed"_s, static_cast<int>(report.failures.size()));
    summary.insert(u"failures"_s, failures);
    // A cancelled run (a stopping server, most often) has not ended: an automatic profile
    // continues at once when the server is back. The end goes on the profile before the
    // worker result says so, so whoever sees the result finished sees the profile's end too.
    if (profile.id != 0 && !(!ran.ok() && ran.error().code == ErrorCode::Cancelled)) {
        if (Status marked = m_profiles.store().setRunEnded(profile.id, m_clock.now()); !marked.ok())
            return marked.error();
    }
    if (Status finished = run.finish(ran, report, summary); !finished.ok())
        return finished.error();
    if (!ran.ok()) {
        Error error = ran.error();
        error.details = u"Worker result %1 tells what was done before."_s.arg(run.id());
        return error;
    }
    summary.insert(u"workerResultId"_s, static_cast<double>(run.id()));
    summary.insert(u"result"_s, workerOutcome(ran, report));
    return summary;
}

} // namespace Mailkeep::Core
