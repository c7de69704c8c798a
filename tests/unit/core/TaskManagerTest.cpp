#include "core/TaskManager.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>

#include <atomic>
#include <future>
#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace {

// Polls the status (processing events) until pred holds or 10 s pass.
template <typename Pred>
std::optional<TaskStatus> waitFor(TaskManager &tasks, const QString &token, Pred pred)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        const auto status = tasks.status(token);
        if (status && pred(*status))
            return status;
    }
    return tasks.status(token);
}

} // namespace

TEST(TaskManager, QuickTaskEndsAtVersionTwoWithResult)
{
    ManualClock clock;
    TaskManager tasks(clock);
    const QString token = tasks.start(u"admin"_s, [](TaskProgress &) -> Result<QJsonValue> {
        return QJsonValue(QJsonObject{{u"answer"_s, 42}});
    });
    EXPECT_EQ(token.size(), 43);
    const auto status = waitFor(tasks, token, [](const TaskStatus &s) { return s.finished(); });
    ASSERT_TRUE(status.has_value());
    EXPECT_EQ(status->code, Api::StatusCode::Succeeded);
    EXPECT_EQ(status->version, 2);
    EXPECT_EQ(status->owner, u"admin"_s);
    EXPECT_EQ(status->result.toObject()[u"answer"_s].toInt(), 42);
    const Api::Envelope envelope = status->toEnvelope();
    EXPECT_TRUE(envelope.token.isEmpty());
    EXPECT_FALSE(envelope.percentProgress.has_value());
}

TEST(TaskManager, ProgressRaisesTheVersionAndSignals)
{
    ManualClock clock;
    TaskManager tasks(clock);
    std::promise<void> release;
    auto released = release.get_future().share();
    QSignalSpy changed(&tasks, &TaskManager::statusChanged);
    const QString token =
        tasks.start(u"admin"_s, [released](TaskProgress &progress) -> Result<QJsonValue> {
            progress.report(50, u"Half way"_s);
            released.wait();
            return QJsonValue(true);
        });
    const auto running = waitFor(tasks, token, [](const TaskStatus &s) { return s.version >= 2; });
    ASSERT_TRUE(running.has_value());
    EXPECT_EQ(running->code, Api::StatusCode::Running);
    EXPECT_EQ(running->percent, 50);
    EXPECT_EQ(running->statusText, u"Half way"_s);
    const Api::Envelope envelope = running->toEnvelope();
    EXPECT_EQ(envelope.token, token);
    EXPECT_EQ(envelope.percentProgress, 50);
    release.set_value();
    const auto done = waitFor(tasks, token, [](const TaskStatus &s) { return s.finished(); });
    EXPECT_EQ(done->version, 3);
    QCoreApplication::processEvents();
    EXPECT_GE(changed.count(), 2);
    EXPECT_EQ(changed.first().first().toString(), token);
}

TEST(TaskManager, FailureAndExceptionBecomeFailedWithMessage)
{
    ManualClock clock;
    TaskManager tasks(clock);
    const QString failing = tasks.start(u"a"_s, [](TaskProgress &) -> Result<QJsonValue> {
        return Error(ErrorCode::NotFound, u"No such user."_s, u"userName=x"_s);
    });
    const QString throwing = tasks.start(
        u"a"_s, [](TaskProgress &) -> Result<QJsonValue> { throw std::runtime_error("boom"); });
    const auto failed = waitFor(tasks, failing, [](const TaskStatus &s) { return s.finished(); });
    EXPECT_EQ(failed->code, Api::StatusCode::Failed);
    EXPECT_EQ(failed->error->message, u"No such user."_s);
    EXPECT_EQ(failed->error->details, u"userName=x"_s);
    const auto thrown = waitFor(tasks, throwing, [](const TaskStatus &s) { return s.finished(); });
    EXPECT_EQ(thrown->code, Api::StatusCode::Failed);
    EXPECT_EQ(thrown->error->details, u"boom"_s);
}

TEST(TaskManager, CancelStopsACooperatingTask)
{
    ManualClock clock;
    TaskManager tasks(clock);
    std::atomic<bool> sawCancel = false;
    const QString token = tasks.start(u"a"_s, [&](TaskProgress &progress) -> Result<QJsonValue> {
        while (!progress.isCancellationRequested())
            std::this_thread::sleep_for(5ms);
        sawCancel = true;
        return Error(ErrorCode::Cancelled, u"Stopped."_s);
    });
    EXPECT_TRUE(tasks.requestCancel(token));
    const auto status = waitFor(tasks, token, [](const TaskStatus &s) { return s.finished(); });
    EXPECT_TRUE(sawCancel);
    EXPECT_EQ(status->code, Api::StatusCode::Cancelled);
    EXPECT_FALSE(tasks.requestCancel(u"no-such-token"_s));
}

TEST(TaskManager, FinishedTasksExpireAfterRetention)
{
    ManualClock clock;
    TaskManager tasks(clock, std::chrono::minutes(5));
    const QString token =
        tasks.start(u"a"_s, [](TaskProgress &) -> Result<QJsonValue> { return QJsonValue(1); });
    ASSERT_TRUE(waitFor(tasks, token, [](const TaskStatus &s) { return s.finished(); }));
    clock.advance(4 * 60 * 1000);
    EXPECT_TRUE(tasks.status(token).has_value());
    clock.advance(61 * 1000);
    EXPECT_FALSE(tasks.status(token).has_value());
    EXPECT_EQ(tasks.taskCount(), 0);
}

TEST(TaskManager, RunningTasksNeverExpire)
{
    ManualClock clock;
    TaskManager tasks(clock, std::chrono::minutes(5));
    std::promise<void> release;
    auto released = release.get_future().share();
    const QString token = tasks.start(u"a"_s, [released](TaskProgress &) -> Result<QJsonValue> {
        released.wait();
        return QJsonValue(1);
    });
    clock.advance(60 * 60 * 1000);
    tasks.purgeExpired();
    EXPECT_TRUE(tasks.status(token).has_value());
    release.set_value();
}
