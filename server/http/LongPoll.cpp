#include "http/LongPoll.h"

#include <QTimer>

namespace Mailkeep::Http {

struct LongPoll::Waiter
{
    QString token;
    Until until = Until::Changed;
    qint64 knownVersion = 0;
    Answer answer;
    QTimer timer;
};

LongPoll::LongPoll(Core::TaskManager &tasks, QObject *parent)
    : QObject(parent)
    , m_tasks(tasks)
{
    connect(&m_tasks, &Core::TaskManager::statusChanged, this, &LongPoll::onStatusChanged);
}

LongPoll::~LongPoll()
{
    qDeleteAll(m_waiters);
}

bool LongPoll::satisfied(const Waiter &waiter, const std::optional<Core::TaskStatus> &status) const
{
    if (!status)
        return true;
    if (waiter.until == Until::Finished)
        return status->finished();
    return status->version != waiter.knownVersion || status->finished();
}

void LongPoll::wait(const QString &token, Until until, qint64 knownVersion,
                    std::chrono::milliseconds timeout, Answer answer)
{
    const std::optional<Core::TaskStatus> status = m_tasks.status(token);
    auto *waiter = new Waiter;
    waiter->token = token;
    waiter->until = until;
    waiter->knownVersion = knownVersion;
    waiter->answer = std::move(answer);
    if (satisfied(*waiter, status) || timeout.count() <= 0) {
        waiter->answer(status);
        delete waiter;
        return;
    }
    m_waiters.insert(token, waiter);
    waiter->timer.setSingleShot(true);
    connect(&waiter->timer, &QTimer::timeout, this, [this, waiter] { finish(waiter); });
    waiter->timer.start(timeout);
}

void LongPoll::onStatusChanged(const QString &token)
{
    const QList<Waiter *> waiting = m_waiters.values(token);
    if (waiting.isEmpty())
        return;
    const std::optional<Core::TaskStatus> status = m_tasks.status(token);
    for (Waiter *waiter : waiting) {
        if (satisfied(*waiter, status))
            finish(waiter);
    }
}

void LongPoll::finish(Waiter *waiter)
{
    m_waiters.remove(waiter->token, waiter);
    waiter->timer.stop();
    const Answer answer = std::move(waiter->answer);
    const QString token = waiter->token;
    delete waiter;
    answer(m_tasks.status(token));
}

} // namespace Mailkeep::Http
