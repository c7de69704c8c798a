#include "support/TestPostgres.h"

using namespace Qt::Literals::StringLiterals;
using Mailkeep::Error;
using Mailkeep::ErrorCode;
using Mailkeep::Status;
using Mailkeep::Storage::EmbeddedCluster;
using Mailkeep::Storage::EmbeddedClusterOptions;
using Mailkeep::Storage::PgConnection;

namespace {

// Stops the cluster after the last test, while QCoreApplication still exists (a static's
// destructor would run after main() returned). Registered when this file is linked in, i.e.
// only in binaries that use TestPostgres.
class StopClusterEnvironment : public ::testing::Environment
{
public:
    void TearDown() override { TestPostgres::instance().shutdown(); }
};

[[maybe_unused]] ::testing::Environment *const stopClusterEnvironment =
    ::testing::AddGlobalTestEnvironment(new StopClusterEnvironment);

} // namespace

TestPostgres &TestPostgres::instance()
{
    // Never destroyed: shutdown() ends the cluster; destroying QProcess after main() is unsafe.
    static auto *const postgres = new TestPostgres;
    return *postgres;
}

Status TestPostgres::ensureStarted()
{
    if (m_cluster && m_cluster->isRunning())
        return {};
    if (!m_startError.isEmpty())
        return Error(ErrorCode::Unavailable, m_startError);
    if (!m_directory) {
        m_directory = std::make_unique<QTemporaryDir>(u"/tmp/mailkeep-test-pg-XXXXXX"_s);
        if (!m_directory->isValid()) {
            m_startError =
                u"Cannot create a temporary folder for PostgreSQL: "_s + m_directory->errorString();
            return Error(ErrorCode::IoError, m_startError);
        }
        EmbeddedClusterOptions options;
        options.clusterDirectory = m_directory->filePath(u"postgresql"_s);
        options.extraSettings = {u"fsync=off"_s, u"synchronous_commit=off"_s,
                                 u"full_page_writes=off"_s};
        m_cluster = std::make_unique<EmbeddedCluster>(options);
    }
    if (Status started = m_cluster->start(); !started.ok()) {
        m_startError = started.error().toString();
        return started;
    }
    return {};
}

EmbeddedCluster &TestPostgres::cluster()
{
    std::lock_guard lock(m_mutex);
    if (Status started = ensureStarted(); !started.ok())
        ADD_FAILURE() << "The test PostgreSQL cluster does not start: "
                      << started.error().toString().toStdString();
    if (!m_cluster) // no temporary folder: hand out a cluster that is not running
        m_cluster = std::make_unique<EmbeddedCluster>(EmbeddedClusterOptions{});
    return *m_cluster;
}

QString TestPostgres::createFreshDatabase()
{
    std::lock_guard lock(m_mutex);
    if (Status started = ensureStarted(); !started.ok()) {
        ADD_FAILURE() << "The test PostgreSQL cluster does not start: "
                      << started.error().toString().toStdString();
        return {};
    }
    const QString name = u"test_%1"_s.arg(++m_databases);
    if (Status created = m_cluster->createDatabase(name); !created.ok()) {
        ADD_FAILURE() << "Cannot create the test database " << name.toStdString() << ": "
                      << created.error().toString().toStdString();
        return {};
    }
    return m_cluster->connectionString(name);
}

void TestPostgres::shutdown()
{
    std::lock_guard lock(m_mutex);
    if (m_cluster) {
        if (Status stopped = m_cluster->stop(); !stopped.ok())
            ADD_FAILURE() << "The test PostgreSQL cluster does not stop: "
                          << stopped.error().toString().toStdString();
    }
    m_cluster.reset();
    m_directory.reset(); // removes the cluster's files
}

void PostgresTest::SetUp()
{
    m_conninfo = TestPostgres::instance().createFreshDatabase();
    ASSERT_FALSE(m_conninfo.isEmpty()) << "no test database";
    auto opened = PgConnection::open(m_conninfo);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    m_connection = std::move(opened.value());
}

void PostgresTest::TearDown()
{
    m_connection.reset();
}
