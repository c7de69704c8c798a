// EmbeddedCluster life cycle: first start creates the cluster, stop really ends postgres,
// data survives a restart, and as root postgres runs as the service account.
#include "ClusterTestHelpers.h"
#include "storage/PgConnection.h"

#include <QDir>
#include <QFileInfo>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;
using namespace ClusterTest;
using namespace std::chrono_literals;

namespace {

using EmbeddedClusterTest = SharedClusterTest;

} // namespace

TEST_F(EmbeddedClusterTest, StartConnectStopAndRestartKeepsData)
{
    qint64 pid = 0;
    {
        EmbeddedCluster cluster(options());
        Status started = cluster.start();
        ASSERT_TRUE(started.ok()) << str(started);
        EXPECT_TRUE(QFile::exists(clusterDirectory() + u"/PG_VERSION"_s));
        EXPECT_TRUE(cluster.isRunning());
        pid = cluster.postmasterPid();
        ASSERT_GT(pid, 0);
        ASSERT_TRUE(cluster.start().ok()) << "starting a running cluster is a no-op";
        EXPECT_EQ(cluster.postmasterPid(), pid);

        auto connection = PgConnection::open(cluster.connectionString());
        ASSERT_TRUE(connection.ok()) << connection.error().toString().toStdString();
        ASSERT_TRUE((*connection)
                        ->execScript(u"CREATE TABLE kept (note text);"
                                     " INSERT INTO kept VALUES ('still here')"_s)
                        .ok());
        connection.value().reset();

        ASSERT_TRUE(cluster.stop().ok());
        EXPECT_FALSE(cluster.isRunning());
        EXPECT_EQ(cluster.postmasterPid(), 0);
        EXPECT_FALSE(QFileInfo::exists(u"/proc/%1"_s.arg(pid))) << "postmaster gone and reaped";
        auto refused = PgConnection::open(cluster.connectionString());
        ASSERT_FALSE(refused.ok());
        EXPECT_EQ(refused.error().code, ErrorCode::Unavailable);
        EXPECT_FALSE(QFile::exists(clusterDirectory() + u"/postmaster.pid"_s)) << "clean shutdown";

        QFile log(cluster.logFile());
        ASSERT_TRUE(log.open(QIODevice::ReadOnly)) << "postgres writes into the log file";
        EXPECT_TRUE(log.readAll().contains("database system is ready to accept connections"));
    }

    EmbeddedCluster again(options());
    ASSERT_TRUE(again.start().ok());
    EXPECT_NE(again.postmasterPid(), pid);
    auto connection = PgConnection::open(again.connectionString());
    ASSERT_TRUE(connection.ok());
    Result<PgResult> rows = (*connection)->exec(u"SELECT note FROM kept"_s);
    ASSERT_TRUE(rows.ok()) << rows.error().toString().toStdString();
    ASSERT_EQ(rows->rowCount(), 1);
    EXPECT_EQ(rows->text(0, 0), u"still here"_s);
}

TEST_F(EmbeddedClusterTest, DestructorStopsPostgres)
{
    qint64 pid = 0;
    {
        EmbeddedCluster cluster(options());
        ASSERT_TRUE(cluster.start().ok());
        pid = cluster.postmasterPid();
    }
    EXPECT_FALSE(isAlive(pid));
    EXPECT_FALSE(QFile::exists(clusterDirectory() + u"/postmaster.pid"_s)) << "clean shutdown";
}

TEST_F(EmbeddedClusterTest, CreateDatabaseQuotesNamesAndCopiesTemplates)
{
    EmbeddedCluster cluster(options());
    ASSERT_TRUE(cluster.start().ok());
    ASSERT_TRUE(cluster.createDatabase(u"Template \"One\""_s).ok());
    {
        auto source = PgConnection::open(cluster.connectionString(u"Template \"One\""_s));
        ASSERT_TRUE(source.ok()) << source.error().toString().toStdString();
        ASSERT_TRUE((*source)->execScript(u"CREATE TABLE copied (id int)"_s).ok());
    }
    ASSERT_TRUE(cluster.createDatabase(u"copy of it"_s, u"Template \"One\""_s).ok());
    auto copy = PgConnection::open(cluster.connectionString(u"copy of it"_s));
    ASSERT_TRUE(copy.ok()) << copy.error().toString().toStdString();
    EXPECT_TRUE((*copy)->exec(u"SELECT * FROM copied"_s).ok());
    Status duplicate = cluster.createDatabase(u"copy of it"_s);
    EXPECT_FALSE(duplicate.ok());
}

TEST_F(EmbeddedClusterTest, RunsAsServiceAccountWhenRoot)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "only a root server hands PostgreSQL to a service account";
    EmbeddedCluster cluster(options());
    ASSERT_TRUE(cluster.start().ok());
    const uid_t service = serviceUid();
    ASSERT_NE(service, 0u) << "the account mailkeep exists now";
    EXPECT_NE(realUid(cluster.postmasterPid()), 0);
    EXPECT_EQ(realUid(cluster.postmasterPid()), service);

    struct stat info
    {};
    ASSERT_EQ(::stat(QFile::encodeName(clusterDirectory()).constData(), &info), 0);
    EXPECT_EQ(info.st_uid, service);
    EXPECT_EQ(info.st_mode & 07777, 0700u);
    ASSERT_EQ(::stat(QFile::encodeName(cluster.socketDirectory()).constData(), &info), 0);
    EXPECT_EQ(info.st_uid, service);
    EXPECT_EQ(info.st_mode & 07777, 0700u);
    ASSERT_EQ(::stat(QFile::encodeName(s_folder->path()).constData(), &info), 0);
    EXPECT_EQ(info.st_uid, 0u) << "the data folder stays root's";
    EXPECT_EQ(info.st_gid, getpwnam("mailkeep")->pw_gid);
    EXPECT_EQ(info.st_mode & 07777, 0710u);
}

TEST(EmbeddedClusterSetupTest, UnreachableDataFolderIsExplained)
{
    if (geteuid() != 0)
        GTEST_SKIP() << "as a normal user PostgreSQL runs as that user and reaches its folders";
    QTemporaryDir closed(u"/tmp/mk-closed-XXXXXX"_s); // mode 0700, owned by root, like /root
    ASSERT_TRUE(closed.isValid());
    EmbeddedCluster cluster(optionsFor(closed.filePath(u"data/postgresql"_s)));
    Status started = cluster.start();
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().code, ErrorCode::PermissionDenied);
    EXPECT_TRUE(started.error().message.contains(u"outside /root"_s)) << str(started);
    EXPECT_FALSE(QFile::exists(closed.filePath(u"data/postgresql/PG_VERSION"_s)));
    EXPECT_FALSE(cluster.isRunning());
}

TEST(EmbeddedClusterSetupTest, MissingPostgresIsReported)
{
    QTemporaryDir folder;
    EmbeddedClusterOptions options = optionsFor(folder.filePath(u"postgresql"_s));
    options.binDirectory = folder.path(); // no initdb, no postgres
    EmbeddedCluster cluster(options);
    Status started = cluster.start();
    ASSERT_FALSE(started.ok());
    EXPECT_EQ(started.error().code, ErrorCode::NotFound);
    EXPECT_TRUE(started.error().message.contains(u"not installed"_s)) << str(started);
}

TEST(EmbeddedClusterSetupTest, SocketFolderDefaultsAndLongPathFallback)
{
    EmbeddedCluster shortPath(optionsFor(u"/var/lib/mailkeep/postgresql"_s));
    EXPECT_EQ(shortPath.socketDirectory(), u"/var/lib/mailkeep/run"_s);
    EXPECT_EQ(shortPath.logFile(), u"/var/lib/mailkeep/logs/postgresql.log"_s);
    EXPECT_EQ(shortPath.connectionString(),
              u"host=/var/lib/mailkeep/run port=5432 user=mailkeep dbname=mailkeep"_s);

    const QString deep = u"/srv/"_s + QString(100, u'x') + u"/postgresql"_s;
    EmbeddedCluster longPath(optionsFor(deep));
    EXPECT_TRUE(longPath.socketDirectory().startsWith(u"/tmp/mailkeep-pg-"_s))
        << longPath.socketDirectory().toStdString();
    EXPECT_LE((longPath.socketDirectory() + u"/.s.PGSQL.5432"_s).toUtf8().size(), 107);
    EXPECT_EQ(EmbeddedCluster(optionsFor(deep)).socketDirectory(), longPath.socketDirectory())
        << "the same cluster always gets the same folder";
    EXPECT_NE(EmbeddedCluster(optionsFor(deep + u"2"_s)).socketDirectory(),
              longPath.socketDirectory());
}

TEST(EmbeddedClusterSetupTest, ConnectionStringQuotesOddValues)
{
    EmbeddedClusterOptions options = optionsFor(u"/srv/data/postgresql"_s);
    options.socketDirectory = u"/tmp/a b'c\\d"_s;
    EmbeddedCluster cluster(options);
    EXPECT_EQ(cluster.connectionString(u"my db"_s),
              u"host='/tmp/a b\\'c\\\\d' port=5432 user=mailkeep dbname='my db'"_s);
}
