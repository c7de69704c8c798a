#pragma once

#include "model/Clock.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <mutex>

namespace Mailkeep::Core {

struct LoginThrottleSettings
{
    std::chrono::milliseconds baseDelay{250}; // penalty after the first failure
    std::chrono::milliseconds maximumDelay{16000};
    std::chrono::minutes forgetAfter{15}; // a quiet key starts again from zero
};

// Failed logins slow down progressively, counted per user name and per client address: the
// n-th failure in a row costs baseDelay * 2^(n-1), capped. Guessing many passwords for one
// account from many addresses, or many accounts from one address, both get slow.
class LoginThrottle
{
public:
    explicit LoginThrottle(const Clock &clock, LoginThrottleSettings settings = {});

    // How long an attempt for this user from this address must wait before it is checked.
    std::chrono::milliseconds waitBeforeAttempt(const QString &userName, const QString &address);
    // Records a failure; returns the penalty the failed attempt itself must serve.
    std::chrono::milliseconds recordFailure(const QString &userName, const QString &address);
    void recordSuccess(const QString &userName, const QString &address);
    int failureCount(const QString &userName, const QString &address);

private:
    struct Entry
    {
        int failures = 0;
        QDateTime lastFailure;
        QDateTime notBefore;
    };
    std::chrono::milliseconds penaltyFor(int failures) const;
    Entry &entry(const QString &key);

    const Clock &m_clock;
    LoginThrottleSettings m_settings;
    std::mutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace Mailkeep::Core
