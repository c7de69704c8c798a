#pragma once

#include <QDateTime>

#include <atomic>

namespace Mailkeep {

// The time seam: services ask a Clock, tests hand them a ManualClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    static SystemClock &instance();
};

// A clock that only moves when told to. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(const QDateTime &start = QDateTime::currentDateTimeUtc())
        : m_msecs(start.toMSecsSinceEpoch())
    {}
    QDateTime now() const override
    {
        return QDateTime::fromMSecsSinceEpoch(m_msecs.load(), Qt::UTC);
    }
    void advance(qint64 milliseconds) { m_msecs += milliseconds; }

private:
    std::atomic<qint64> m_msecs;
};

} // namespace Mailkeep
