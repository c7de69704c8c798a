#pragma once

#include "core/profiles/ProfileRunner.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <atomic>

namespace Mailkeep::Core {

// Runs automatic profiles (SetProfileServerSideExecution): a profile is due when it has not
// run yet or its pause has passed since its last run ended, and one of its maintenance
// windows is open (server local time). Since the setting is stored, a restarted server picks
// its automatic profiles up again; a run a crash cut off starts anew, and the sources'
// checkpoints and the duplicate check make that continue where the committed mail ends.
// Lives in the main thread; runs go on a pool of their own.
class ProfileScheduler final : public QObject
{
    Q_OBJECT
public:
    ProfileScheduler(ProfileService &profiles, ProfileRunner &runner, const Clock &clock,
                     QObject *parent = nullptr);
    ~ProfileScheduler() override; // cancels the runs and waits for them

    void start(std::chrono::milliseconds interval = std::chrono::seconds(15));
    void stop();
    // The profile is due now, whatever its pause (set to automatic again: "restarts" it).
    // Any run started at or after `askedAt` answers the request, so take the time before
    // changing the profile: a run the timer starts meanwhile is not followed by a second one.
    // Thread-safe.
    void runSoon(qint64 profileId, const QDateTime &askedAt);
    QDateTime now() const { return m_clock.now(); }
    // Looks for due profiles once (the timer calls this).
    void check();
    // While this says no (the archive is locked), nothing is started.
    void setReadiness(std::function<bool()> ready) { m_ready = std::move(ready); }

private:
    class RunProgress;
    bool due(const ProfileRecord &profile) const;
    void launch(const ProfileRecord &profile);

    ProfileService &m_profiles;
    ProfileRunner &m_runner;
    const Clock &m_clock;
    QTimer m_timer;
    QThreadPool m_pool;
    std::atomic<bool> m_stopping{false};
    std::function<bool()> m_ready;

    mutable std::mutex m_mutex;
    // Launched and not finished (waiting for a worker or running).
    QSet<qint64> m_inFlight;
    // Profiles asked to run soon, and when that was asked.
    QHash<qint64, QDateTime> m_soon;
};

} // namespace Mailkeep::Core
