#include "core/profiles/ProfileScheduler.h"

#include "core/profiles/MaintenanceWindows.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcScheduler, "mailkeep.scheduler")

namespace Mailkeep::Core {

class ProfileScheduler::RunProgress final : public TaskProgress
{
public:
    explicit RunProgress(const std::atomic<bool> &stopping)
        : m_stopping(stopping)
    {}
    void report(int, const QString &) override {}
    bool isCancellationRequested() const override { return m_stopping.load(); }

private:
    const std::atomic<bool> &m_stopping;
};

ProfileScheduler::ProfileScheduler(ProfileService &profiles, ProfileRunner &runner,
                                   const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_profiles(profiles)
    , m_runner(runner)
    , m_clock(clock)
{
    connect(&m_timer, &QTimer::timeout, this, &ProfileScheduler::check);
    // The runner bounds how many run at once; the pool only has to hold the waiting ones.
    m_pool.setMaxThreadCount(64);
}

ProfileScheduler::~ProfileScheduler()
{
    stop();
}

void ProfileScheduler::start(std::chrono::milliseconds interval)
{
    m_stopping = false;
    m_timer.start(interval);
    QTimer::singleShot(0, this, &ProfileScheduler::check);
}

void ProfileScheduler::stop()
{
    m_timer.stop();
    m_stopping = true;
    m_pool.waitForDone();
}

void ProfileScheduler::runSoon(qint64 profileId, const QDateTime &askedAt)
{
    {
        std::lock_guard lock(m_mutex);
        m_soon.insert(profileId, askedAt);
    }
    QMetaObject::invokeMethod(this, &ProfileScheduler::check, Qt::QueuedConnection);
}

bool ProfileScheduler::due(const ProfileRecord &profile) const
{
    if (!profile.execution.automatic || m_runner.isRunning(profile.id))
        return false;
    std::optional<QDateTime> asked;
    {
        std::lock_guard lock(m_mutex);
        if (m_inFlight.contains(profile.id))
            return false;
        if (const auto soon = m_soon.constFind(profile.id); soon != m_soon.cend())
            asked = *soon;
    }
    Result<MaintenanceWindows> windows =
        MaintenanceWindows::parse(profile.execution.maintenanceWindows);
    if (!windows.ok() || !windows->isOpen(m_clock.now().toLocalTime().time()))
        return false;
    if (asked && !(profile.lastRunStarted.isValid() && profile.lastRunStarted >= *asked))
        return true;
    if (!profile.lastRunEnded.isValid())
        return true;
    // A run that started and never ended was cut off: it is due again at once.
    if (profile.lastRunStarted.isValid() && profile.lastRunStarted > profile.lastRunEnded)
        return true;
    return profile.lastRunEnded.addSecs(profile.execution.pauseSeconds) <= m_clock.now();
}

void ProfileScheduler::check()
{
    if (m_stopping || (m_ready && !m_ready()))
        return;

    Result<QList<ProfileRecord>> profiles = m_profiles.store().profiles();
    if (!profiles.ok()) {
        qCWarning(lcScheduler) << "Cannot read the profiles:" << profiles.error().toString();
        return;
    }
    for (const ProfileRecord &profile : profiles.value()) {
        {
            std::lock_guard lock(m_mutex);
            const auto soon = m_soon.constFind(profile.id);
            if (soon != m_soon.cend() && profile.lastRunStarted.isValid() &&
                profile.lastRunStarted >= *soon)
                m_soon.remove(profile.id); // a run started since it was asked for
        }
        if (!due(profile))
            continue;
        // The list may have been read while a run was still going (started after its last
        // end, so it would look cut off); that run has finished by now, and its end is
        // written before it counts as finished. Only a fresh record tells.
        Result<std::optional<ProfileRecord>> fresh = m_profiles.store().profile(profile.id);
        if (fresh.ok() && fresh->has_value() && due(fresh->value()))
            launch(fresh->value());
    }
}

void ProfileScheduler::launch(const ProfileRecord &profile)
{
    // Marked as started before the pool picks it up, so the next check does not start it again.
    if (Status marked = m_profiles.store().setRunStarted(profile.id, m_clock.now()); !marked.ok())
        return;
    ProfileRecord started = profile;
    started.lastRunStarted = m_clock.now();
    {
        std::lock_guard lock(m_mutex);
        m_inFlight.insert(profile.id);
        m_soon.remove(profile.id);
    }
    m_pool.start([this, started]() {
        RunProgress progress(m_stopping);
        Result<QJsonObject> ran = m_runner.run(started, {}, u"scheduler"_s, progress);
        if (!ran.ok() && ran.error().code != ErrorCode::Cancelled)
            qCWarning(lcScheduler).noquote()
                << u"Automatic run of profile %1 (%2) failed: %3"_s.arg(started.id)
                       .arg(started.name, ran.error().toString());
        // A run that failed before its job started still counts as a run for the pause;
        // one the stopping server cancelled is continued when it is back.
        if (!ran.ok() && !m_stopping)

            (void)m_profiles.store().setRunEnded(started.id, m_clock.now());
        std::lock_guard lock(m_mutex);
        m_inFlight.remove(started.id);
    });
}

} // namespace Mailkeep::Core
