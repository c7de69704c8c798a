#pragma once

#include "core/TaskManager.h"

#include <QMultiHash>
#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

namespace Mailkeep::Http {

// Parks a request until a task's status moves, then answers it. Lives in the HTTP thread; the
// TaskManager tells it about changes through its statusChanged signal.
class LongPoll : public QObject
{
    Q_OBJECT

public:
    enum class Until
    {
        Changed,  // the status version differs from the one the client knows
        Finished, // the task ended (used for the first, inline wait of an invoke)
    };
    // nullopt: the task expired or vanished while waiting.
    using Answer = std::function<void(const std::optional<Core::TaskStatus> &status)>;

    explicit LongPoll(Core::TaskManager &tasks, QObject *parent = nullptr);
    ~LongPoll() override;

    // Answers at once when the condition already holds; otherwise when it becomes true or when
    // the timeout passes, whichever is first, with the status at that moment.
    void wait(const QString &token, Until until, qint64 knownVersion,
              std::chrono::milliseconds timeout, Answer answer);
    int waitingCount() const { return static_cast<int>(m_waiters.size()); }

private:
    struct Waiter;
    void onStatusChanged(const QString &token);
    bool satisfied(const Waiter &waiter, const std::optional<Core::TaskStatus> &status) const;
    void finish(Waiter *waiter);

    Core::TaskManager &m_tasks;
    QMultiHash<QString, Waiter *> m_waiters;
};

} // namespace Mailkeep::Http
