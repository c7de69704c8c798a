#include "core/SessionTracker.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

SessionTracker::SessionTracker(const Clock &clock, std::chrono::minutes idleTimeout)
    : m_clock(clock)
    , m_idleTimeout(idleTimeout)
{}

void SessionTracker::dropIdle(const QDateTime &now)
{
    const qint64 limitMs = std::chrono::milliseconds(m_idleTimeout).count();
    m_sessions.removeIf(
        [&](const auto &item) { return item.value().lastActivity.msecsTo(now) > limitMs; });
}

void SessionTracker::recordActivity(const QString &userName, const QString &clientAddress,
                                    ClientKind kind)
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_clock.now();
    dropIdle(now);
    const QString key = userName + u'\n' + clientAddress + u'\n' + clientKindName(kind);
    auto found = m_sessions.find(key);
    if (found == m_sessions.end())
        found = m_sessions.insert(key, Session{userName, clientAddress, kind, now, now});
    found->lastActivity = now;
}

QJsonArray SessionTracker::activeSessions()
{
    std::lock_guard lock(m_mutex);
    dropIdle(m_clock.now());
    QList<Session> sessions = m_sessions.values();
    std::sort(sessions.begin(), sessions.end(),
              [](const Session &a, const Session &b) { return a.started < b.started; });
    QJsonArray list;
    for (const Session &session : sessions) {
        list.append(QJsonObject{
            {u"userName"_s, session.userName},
            {u"clientAddress"_s, session.clientAddress},
            {u"clientKind"_s, clientKindName(session.kind)},
            {u"startTime"_s, session.started.toString(Qt::ISODateWithMs)},
            {u"lastActivityTime"_s, session.lastActivity.toString(Qt::ISODateWithMs)},
        });
    }
    return list;
}

} // namespace Mailkeep::Core
