#pragma once

#include "storage/EmbeddedCluster.h"
#include "storage/PgConnection.h"

#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <memory>
#include <mutex>

// One throwaway PostgreSQL cluster per test binary, in a temporary folder under /tmp, started
// on first use with durability switched off (fsync, synchronous_commit, full_page_writes) and
// stopped after the last test (a GoogleTest environment), so no postgres outlives the binary.
// Tests get a fresh, empty database each, so they never see each other's rows.
class TestPostgres
{
public:
    static TestPostgres &instance();

    // The running cluster (started on first call; a start failure is reported as a test
    // failure and the cluster is then not running).
    Mailkeep::Storage::EmbeddedCluster &cluster();
    // Creates a new, uniquely named empty database and returns its connection string, or an
    // empty string after recording a test failure.
    QString createFreshDatabase();
    // Stops the cluster and removes its folder; called when the binary's tests are done.
    void shutdown();

private:
    TestPostgres() = default;
    Mailkeep::Status ensureStarted();

    std::mutex m_mutex;
    std::unique_ptr<QTemporaryDir> m_directory;
    std::unique_ptr<Mailkeep::Storage::EmbeddedCluster> m_cluster;
    QString m_startError; // a failed start is not retried by every test
    int m_databases = 0;
};

// Fixture: every test runs against its own new database.
class PostgresTest : public ::testing::Test
{
protected:
    void SetUp() override;
    void TearDown() override;

    const QString &conninfo() const { return m_conninfo; }
    Mailkeep::Storage::PgConnection &connection() { return *m_connection; }
    Mailkeep::Storage::EmbeddedCluster &cluster() { return TestPostgres::instance().cluster(); }

private:
    QString m_conninfo;
    std::unique_ptr<Mailkeep::Storage::PgConnection> m_connection;
};
