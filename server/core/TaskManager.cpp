#include "core/TaskManager.h"

#include "crypto/SecureRandom.h"

#include <QTimer>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

struct TaskManager::Task
{
    TaskStatus status;
    std::atomic<bool> cancelRequested{false};
    QDateTime finishedAt;
};

class TaskManager::Progress final : public TaskProgress
{
public:
    Progress(TaskManager &manager, std::shared_ptr<Task> task)
        : m_manager(manager)
        , m_task(std::move(task))
    {}
    void report(int percent, const QString &text) override
    {
        std::lock_guard lock(m_manager.m_mutex);
        m_task->status.percent = std::clamp(percent, 0, 100);
        m_task->status.statusText = text;
        m_manager.changed(*m_task);
    }
    bool isCancellationRequested() const override { return m_task->cancelRequested.load(); }

private:
    TaskManager &m_manager;
    std::shared_ptr<Task> m_task;
};

Api::Envelope TaskStatus::toEnvelope() const
{
    Api::Envelope envelope;
    envelope.statusVersion = version;
    envelope.statusCode = code;
    if (code == Api::StatusCode::Running) {
        envelope.token = token;
        envelope.percentProgress = percent;
        envelope.statusText = statusText;
    } else {
        envelope.result = result;
        envelope.error = error;
    }
    return envelope;
}

TaskManager::TaskManager(const Clock &clock, std::chrono::seconds retention, int maxThreads,
                         QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_retention(retention)
{
    m_pool.setMaxThreadCount(maxThreads);
    auto *sweeper = new QTimer(this);
    connect(sweeper, &QTimer::timeout, this, &TaskManager::purgeExpired);
    sweeper->start(std::chrono::seconds(30));
}

TaskManager::~TaskManager()
{
    {
        std::lock_guard lock(m_mutex);
        for (const auto &task : std::as_const(m_tasks))
            task->cancelRequested = true;
    }
    m_pool.waitForDone();
}

QString TaskManager::start(const QString &owner, TaskWork work)
{
    auto task = std::make_shared<Task>();
    task->status.token = Crypto::SecureRandom::token();
    task->status.owner = owner;
    task->status.version = 1;
    task->status.statusText = u"Running"_s;
    {
        std::lock_guard lock(m_mutex);
        m_tasks.insert(task->status.token, task);
    }
    m_pool.start([this, task, work = std::move(work)] { run(task, work); });
    return task->status.token;
}

void TaskManager::run(const std::shared_ptr<Task> &task, const TaskWork &work)
{
    Progress progress(*this, task);
    Result<QJsonValue> outcome = Error(ErrorCode::Internal, u"The function did not run."_s);
    try {
        outcome = work(progress);
    } catch (const std::exception &exception) {
        // Adapters turn library exceptions into Errors; this is the last line of defence.
        outcome = Error(ErrorCode::Internal, u"The function failed unexpectedly."_s,
                        QString::fromUtf8(exception.what()));
    }
    std::lock_guard lock(m_mutex);
    TaskStatus &status = task->status;
    if (outcome.ok()) {
        status.code = Api::StatusCode::Succeeded;
        status.result = outcome.value();
    } else if (outcome.error().code == ErrorCode::Cancelled || task->cancelRequested) {
        status.code = Api::StatusCode::Cancelled;
    } else {
        status.code = Api::StatusCode::Failed;
        status.error = Api::ApiError{outcome.error().message, outcome.error().details};
    }
    task->finishedAt = m_clock.now();
    changed(*task);
}

void TaskManager::changed(Task &task)
{
    ++task.status.version;
    QMetaObject::invokeMethod(
        this, [this, token = task.status.token] { Q_EMIT statusChanged(token); },
        Qt::QueuedConnection);
}

bool TaskManager::expired(const Task &task) const
{
    return task.status.finished() &&
           task.finishedAt.secsTo(m_clock.now()) >= static_cast<qint64>(m_retention.count());
}

std::optional<TaskStatus> TaskManager::status(const QString &token)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_tasks.constFind(token);
    if (found == m_tasks.cend())
        return std::nullopt;
    if (expired(**found)) {
        m_tasks.erase(found);
        return std::nullopt;
    }
    return (*found)->status;
}

bool TaskManager::requestCancel(const QString &token)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_tasks.constFind(token);
    if (found == m_tasks.cend() || expired(**found))
        return false;
    (*found)->cancelRequested = true;
    return true;
}

void TaskManager::discard(const QString &token)
{
    std::lock_guard lock(m_mutex);
    const auto found = m_tasks.constFind(token);
    if (found != m_tasks.cend() && (*found)->status.finished())
        m_tasks.erase(found);
}

void TaskManager::purgeExpired()
{
    std::lock_guard lock(m_mutex);
    m_tasks.removeIf([this](const auto &item) { return expired(*item.value()); });
}

int TaskManager::taskCount()
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_tasks.size());
}

} // namespace Mailkeep::Core
