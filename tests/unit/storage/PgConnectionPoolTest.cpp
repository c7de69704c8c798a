// PgConnectionPool: bounded, blocking with timeout, reusing and discarding connections, and
// safe to share between threads.
#include "storage/PgConnectionPool.h"

#include "support/TestPostgres.h"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <set>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;
using namespace std::chrono_literals;

using PgConnectionPoolTest = PostgresTest;

TEST_F(PgConnectionPoolTest, OpensLazilyAndReusesReturnedConnections)
{
    PgConnectionPool pool(conninfo(), 3);
    EXPECT_EQ(pool.openConnections(), 0);
    int firstPid = 0;
    {
        Result<PgLease> lease = pool.acquire();
        ASSERT_TRUE(lease.ok()) << lease.error().toString().toStdString();
        firstPid = (*lease)->backendPid();
        EXPECT_TRUE((**lease).exec(u"SELECT 1"_s).ok());
        EXPECT_EQ(pool.openConnections(), 1);
        EXPECT_EQ(pool.idleConnections(), 0);
    }
    EXPECT_EQ(pool.idleConnections(), 1) << "the lease gave its connection back";
    Result<PgLease> again = pool.acquire();
    ASSERT_TRUE(again.ok());
    EXPECT_EQ((*again)->backendPid(), firstPid) << "the same session is reused";
    EXPECT_EQ(pool.openConnections(), 1);
}

TEST_F(PgConnectionPoolTest, TimesOutWhenAllConnectionsAreLeased)
{
    PgConnectionPool pool(conninfo(), 2);
    Result<PgLease> first = pool.acquire();
    Result<PgLease> second = pool.acquire();
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE((*first)->backendPid(), (*second)->backendPid());

    const auto started = std::chrono::steady_clock::now();
    Result<PgLease> third = pool.acquire(150ms);
    const auto waited = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(third.ok());
    EXPECT_EQ(third.error().code, ErrorCode::Unavailable);
    EXPECT_GE(waited, 150ms);
    EXPECT_LT(waited, 5s);
    EXPECT_EQ(pool.openConnections(), 2) << "never more than the maximum";
}

TEST_F(PgConnectionPoolTest, WaiterGetsConnectionWhenOneIsReturned)
{
    PgConnectionPool pool(conninfo(), 1);
    std::optional<PgLease> held;
    {
        Result<PgLease> lease = pool.acquire();
        ASSERT_TRUE(lease.ok());
        held.emplace(std::move(lease.value()));
    }
    std::atomic<bool> got{false};
    std::thread waiter([&] {
        Result<PgLease> lease = pool.acquire(10s);
        got = lease.ok() && (*lease)->exec(u"SELECT 1"_s).ok();
    });
    std::this_thread::sleep_for(200ms);
    EXPECT_FALSE(got.load()) << "nothing is free yet";
    held.reset();
    waiter.join();
    EXPECT_TRUE(got.load());
}

TEST_F(PgConnectionPoolTest, OpenTransactionIsRolledBackOnReturn)
{
    ASSERT_TRUE(connection().execScript(u"CREATE TABLE t (x int)"_s).ok());
    PgConnectionPool pool(conninfo(), 1);
    {
        Result<PgLease> lease = pool.acquire();
        ASSERT_TRUE(lease.ok());
        ASSERT_TRUE((*lease)->execScript(u"BEGIN; INSERT INTO t VALUES (1)"_s).ok());
    }
    Result<PgLease> lease = pool.acquire();
    ASSERT_TRUE(lease.ok());
    EXPECT_TRUE((*lease)->isIdle());
    Result<PgResult> count = (*lease)->exec(u"SELECT count(*) FROM t"_s);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(count->toInt64(0, 0), 0);
}

TEST_F(PgConnectionPoolTest, BrokenConnectionIsDroppedAndReplaced)
{
    PgConnectionPool pool(conninfo(), 1);
    int killedPid = 0;
    {
        Result<PgLease> lease = pool.acquire();
        ASSERT_TRUE(lease.ok());
        killedPid = (*lease)->backendPid();
        ASSERT_TRUE(connection().exec(u"SELECT pg_terminate_backend($1)"_s, {killedPid}).ok());
        EXPECT_FALSE((*lease)->exec(u"SELECT 1"_s).ok());
    }
    EXPECT_EQ(pool.openConnections(), 0) << "the broken connection was closed, not kept";
    Result<PgLease> fresh = pool.acquire();
    ASSERT_TRUE(fresh.ok());
    EXPECT_NE((*fresh)->backendPid(), killedPid);
    EXPECT_TRUE((*fresh)->exec(u"SELECT 1"_s).ok());
}

TEST_F(PgConnectionPoolTest, UnreachableServerFailsAcquireAndFreesTheSlot)
{
    PgConnectionPool pool(u"host=/nonexistent port=5432 dbname=x"_s, 1);
    Result<PgLease> lease = pool.acquire(100ms);
    ASSERT_FALSE(lease.ok());
    EXPECT_EQ(lease.error().code, ErrorCode::Unavailable);
    EXPECT_EQ(pool.openConnections(), 0);
}

TEST_F(PgConnectionPoolTest, ConcurrentUseNeverExceedsTheMaximum)
{
    ASSERT_TRUE(connection().execScript(u"CREATE TABLE hits (thread int, n int)"_s).ok());
    constexpr int kThreads = 8, kRounds = 15, kMax = 3;
    PgConnectionPool pool(conninfo(), kMax);
    std::atomic<int> failures{0}, leased{0}, mostLeased{0};
    std::mutex pidsMutex;
    std::set<int> pids;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int n = 0; n < kRounds; ++n) {
                Result<PgLease> lease = pool.acquire(30s);
                if (!lease.ok()) {
                    ++failures;
                    continue;
                }
                const int now = ++leased;
                int seen = mostLeased.load();
                while (now > seen && !mostLeased.compare_exchange_weak(seen, now)) {
                }
                if (!(*lease)->exec(u"INSERT INTO hits VALUES ($1, $2)"_s, {t, n}).ok())
                    ++failures;
                {
                    std::lock_guard lock(pidsMutex);
                    pids.insert((*lease)->backendPid());
                }
                --leased;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
    EXPECT_LE(mostLeased.load(), kMax);
    EXPECT_LE(static_cast<int>(pids.size()), kMax);
    EXPECT_LE(pool.openConnections(), kMax);
    Result<PgResult> count = connection().exec(u"SELECT count(*) FROM hits"_s);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(count->toInt64(0, 0), kThreads * kRounds);
}
