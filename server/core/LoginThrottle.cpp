#include "core/LoginThrottle.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
constexpr qsizetype kPurgeThreshold = 10000;
QString userKey(const QString &userName)
{
    return u"user:"_s + userName.toLower();
}
QString addressKey(const QString &address)
{
    return u"address:"_s + address;
}
} // namespace

LoginThrottle::LoginThrottle(const Clock &clock, LoginThrottleSettings settings)
    : m_clock(clock)
    , m_settings(settings)
{}

std::chrono::milliseconds LoginThrottle::penaltyFor(int failures) const
{
    if (failures <= 0)
        return std::chrono::milliseconds(0);
    const int doublings = std::min(failures - 1, 20);
    const std::chrono::milliseconds penalty(m_settings.baseDelay.count() << doublings);
    return std::min(penalty, m_settings.maximumDelay);
}

LoginThrottle::Entry &LoginThrottle::entry(const QString &key)
{
    Entry &found = m_entries[key];
    const qint64 forgetMs = std::chrono::milliseconds(m_settings.forgetAfter).count();
    if (found.failures > 0 && found.lastFailure.msecsTo(m_clock.now()) > forgetMs)
        found = Entry{};
    return found;
}

std::chrono::milliseconds LoginThrottle::waitBeforeAttempt(const QString &userName,
                                                           const QString &address)
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_clock.now();
    qint64 waitMs = 0;
    for (const QString &key : {userKey(userName), addressKey(address)}) {
        const Entry &e = entry(key);
        if (e.notBefore.isValid())
            waitMs = std::max(waitMs, now.msecsTo(e.notBefore));
    }
    return std::chrono::milliseconds(std::max<qint64>(0, waitMs));
}

std::chrono::milliseconds LoginThrottle::recordFailure(const QString &userName,
                                                       const QString &address)
{
    std::lock_guard lock(m_mutex);
    const QDateTime now = m_clock.now();
    int worst = 0;
    for (const QString &key : {userKey(userName), addressKey(address)}) {
        Entry &e = entry(key);
        ++e.failures;
        e.lastFailure = now;
        worst = std::max(worst, e.failures);
    }
    const auto penalty = penaltyFor(worst);
    for (const QString &key : {userKey(userName), addressKey(address)})
        m_entries[key].notBefore = now.addMSecs(penalty.count());
    return penalty;
}

void LoginThrottle::recordSuccess(const QString &userName, const QString &address)
{
    std::lock_guard lock(m_mutex);
    m_entries.remove(userKey(userName));
    m_entries.remove(addressKey(address));
}

int LoginThrottle::failureCount(const QString &userName, const QString &address)
{
    std::lock_guard lock(m_mutex);
    return std::max(entry(userKey(userName)).failures, entry(addressKey(address)).failures);
}

} // namespace Mailkeep::Core
