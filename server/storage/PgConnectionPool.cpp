#include "storage/PgConnectionPool.h"

#include "storage/StorageLogging.h"

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

PgLease::PgLease(PgConnectionPool *pool, std::unique_ptr<PgConnection> connection)
    : m_pool(pool)
    , m_connection(std::move(connection))
{}

PgLease::PgLease(PgLease &&other) noexcept
    : m_pool(std::exchange(other.m_pool, nullptr))
    , m_connection(std::move(other.m_connection))
{}

PgLease &PgLease::operator=(PgLease &&other) noexcept
{
    if (this != &other) {
        giveBack();
        m_pool = std::exchange(other.m_pool, nullptr);
        m_connection = std::move(other.m_connection);
    }
    return *this;
}

PgLease::~PgLease()
{
    giveBack();
}

void PgLease::giveBack()
{
    if (m_pool && m_connection)
        m_pool->giveBack(std::move(m_connection));
    m_pool = nullptr;
}

PgConnectionPool::PgConnectionPool(QString conninfo, int maxConnections)
    : m_conninfo(std::move(conninfo))
    , m_maxConnections(std::max(1, maxConnections))
{}

PgConnectionPool::~PgConnectionPool()
{
    std::lock_guard lock(m_mutex);
    if (m_open != static_cast<int>(m_idle.size()))
        qCWarning(lcStorage) << "Connection pool destroyed while"
                             << m_open - static_cast<int>(m_idle.size())
                             << "connections are still leased";
}

Result<PgLease> PgConnectionPool::acquire(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (!m_idle.empty()) {
            std::unique_ptr<PgConnection> connection = std::move(m_idle.back());
            m_idle.pop_back();
            return PgLease(this, std::move(connection));
        }
        if (m_open < m_maxConnections)
            break;
        if (m_returned.wait_until(lock, deadline) == std::cv_status::timeout && m_idle.empty() &&
            m_open >= m_maxConnections) {
            return Error(ErrorCode::Unavailable, u"No database connection became free in time."_s,
                         u"all %1 connections stayed in use for %2 ms"_s.arg(m_maxConnections)
                             .arg(timeout.count()));
        }
    }
    // Reserve the slot, then connect without holding the lock: connecting takes a round trip
    // and other threads may return or take connections meanwhile.
    ++m_open;
    lock.unlock();
    Result<std::unique_ptr<PgConnection>> opened = PgConnection::open(m_conninfo);
    if (!opened.ok()) {
        lock.lock();
        --m_open;
        lock.unlock();
        m_returned.notify_one(); // the slot is free again for a waiter to try
        return opened.error();
    }
    return PgLease(this, std::move(opened.value()));
}

void PgConnectionPool::giveBack(std::unique_ptr<PgConnection> connection)
{
    // Whatever the borrower left open must not leak into the next borrower's work.
    if (connection->isHealthy() && !connection->isIdle())
        (void)connection->execScript(u"ROLLBACK"_s);
    if (!connection->isIdle()) {
        qCInfo(lcStorage) << "Closing a database connection that is no longer usable";
        connection.reset();
    }
    {
        std::lock_guard lock(m_mutex);
        if (connection)
            m_idle.push_back(std::move(connection));
        else
            --m_open;
    }
    m_returned.notify_one();
}

int PgConnectionPool::openConnections() const
{
    std::lock_guard lock(m_mutex);
    return m_open;
}

int PgConnectionPool::idleConnections() const
{
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_idle.size());
}

} // namespace Mailkeep::Storage
