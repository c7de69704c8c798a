#pragma once

#include "api/Envelope.h"
#include "model/Clock.h"
#include "model/Result.h"

#include <QHash>
#include <QJsonValue>
#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>

namespace Mailkeep::Core {

// What a running function may do with its task: say how far it is, ask whether to stop.
class TaskProgress
{
public:
    virtual ~TaskProgress() = default;
    virtual void report(int percent, const QString &text) = 0;
    virtual bool isCancellationRequested() const = 0;
};

using TaskWork = std::function<Result<QJsonValue>(TaskProgress &progress)>;

// A copy of a task's state at one status version.
struct TaskStatus
{
    QString token;
    QString owner;
    qint64 version = 0;
    Api::StatusCode code = Api::StatusCode::Running;
    int percent = 0;
    QString statusText;
    QJsonValue result;
    std::optional<Api::ApiError> error;

    bool finished() const { return code != Api::StatusCode::Running; }
    Api::Envelope toEnvelope() const;
};

// Runs every API call as a task on a worker thread. A task is known by an unguessable token,
// has a status version that grows with every change (start, progress, end), can be asked to
// stop, and is forgotten some minutes after it ended. statusChanged() is emitted in the
// manager's own thread, so HTTP long-polls can wait on it without locks.
class TaskManager : public QObject
{
    Q_OBJECT

public:
    explicit TaskManager(const Clock &clock,
                         std::chrono::seconds retention = std::chrono::minutes(5),
                         int maxThreads = 8, QObject *parent = nullptr);
    ~TaskManager() override; // asks every task to stop and waits for them

    QString start(const QString &owner, TaskWork work);
    std::optional<TaskStatus> status(const QString &token);
    bool requestCancel(const QString &token);
    // The caller got the final answer inline; nobody will poll for it.
    void discard(const QString &token);
    void purgeExpired();
    int taskCount();

Q_SIGNALS:
    void statusChanged(const QString &token);

private:
    struct Task;
    class Progress;
    void run(const std::shared_ptr<Task> &task, const TaskWork &work);
    void changed(Task &task); // call with m_mutex held
    bool expired(const Task &task) const;

    const Clock &m_clock;
    std::chrono::seconds m_retention;
    QThreadPool m_pool;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Task>> m_tasks;
};

} // namespace Mailkeep::Core
