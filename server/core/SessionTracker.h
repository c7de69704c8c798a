#pragma once

#include "core/Identity.h"
#include "model/Clock.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

#include <chrono>
#include <mutex>

namespace Mailkeep::Core {

// The API is stateless (Basic auth on every request), so a "session" is a user working from one
// address with one kind of client; it ends after a quiet period. GetActiveSessions lists them.
class SessionTracker
{
public:
    explicit SessionTracker(const Clock &clock,
                            std::chrono::minutes idleTimeout = std::chrono::minutes(15));

    void recordActivity(const QString &userName, const QString &clientAddress, ClientKind kind);
    // [{"userName", "clientAddress", "clientKind", "startTime", "lastActivityTime"}], oldest first.
    QJsonArray activeSessions();

private:
    struct Session
    {
        QString userName;
        QString clientAddress;
        ClientKind kind = ClientKind::Api;
        QDateTime started;
        QDateTime lastActivity;
    };
    void dropIdle(const QDateTime &now);

    const Clock &m_clock;
    std::chrono::minutes m_idleTimeout;
    std::mutex m_mutex;
    QHash<QString, Session> m_sessions;
};

} // namespace Mailkeep::Core
