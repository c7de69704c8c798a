#pragma once

#include "model/Result.h"
#include "storage/PgConnection.h"

#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace Mailkeep::Storage {

class PgConnectionPool;

// A connection borrowed from a pool; goes back when the lease is destroyed. Movable. A lease
// must not outlive its pool.
class PgLease
{
public:
    PgLease(PgLease &&other) noexcept;
    PgLease &operator=(PgLease &&other) noexcept;
    PgLease(const PgLease &) = delete;
    PgLease &operator=(const PgLease &) = delete;
    ~PgLease();

    PgConnection &operator*() const { return *m_connection; }
    PgConnection *operator->() const { return m_connection.get(); }

private:
    friend class PgConnectionPool;
    PgLease(PgConnectionPool *pool, std::unique_ptr<PgConnection> connection);
    void giveBack();

    PgConnectionPool *m_pool = nullptr;
    std::unique_ptr<PgConnection> m_connection;
};

// A bounded set of connections shared by threads. Thread-safe. Connections are opened on
// demand up to maxConnections; when all are leased, acquire() waits for one to come back.
// A connection returned inside a transaction is rolled back first; one that is broken is
// closed rather than reused, so the next acquire() opens a fresh one.
class PgConnectionPool
{
public:
    PgConnectionPool(QString conninfo, int maxConnections);
    ~PgConnectionPool(); // every lease must have been returned
    PgConnectionPool(const PgConnectionPool &) = delete;
    PgConnectionPool &operator=(const PgConnectionPool &) = delete;

    // A connection, or Unavailable when none became free within timeout or opening one failed.
    Result<PgLease> acquire(std::chrono::milliseconds timeout = std::chrono::seconds(10));

    int maxConnections() const { return m_maxConnections; }
    // Connections that exist, leased or idle.
    int openConnections() const;
    int idleConnections() const;

private:
    friend class PgLease;
    void giveBack(std::unique_ptr<PgConnection> connection);

    const QString m_conninfo;
    const int m_maxConnections;
    mutable std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<PgConnection>> m_idle;
    int m_open = 0; // leased + idle + being opened
};

} // namespace Mailkeep::Storage
