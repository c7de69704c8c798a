// EmbeddedCluster after a server was killed: a postmaster killed with SIGKILL, a stale
// postmaster.pid whose PID now belongs to another process, an orphaned postmaster still
// running, and postgres shutting itself down when the server dies.
#include "ClusterTestHelpers.h"
#include "storage/PgConnection.h"

#include <QCoreApplication>
#include <QProcess>
#include <QProcessEnvironment>

#include <grp.h>
#include <signal.h>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;
using namespace ClusterTest;
using namespace std::chrono_literals;

namespace {

bool canQuery(const EmbeddedCluster &cluster)
{
    auto connection = PgConnection::open(cluster.connectionString());
    return connection.ok() && (*connection)->exec(u"SELECT 1"_s).ok();
}

// Replaces the PID on the first line of postmaster.pid.
void rewritePidFile(const QString &path, qint64 pid)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = file.readAll().split('\n');
    file.close();
    lines[0] = QByteArray::number(pid);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join('\n'));
}

using EmbeddedClusterRecoveryTest = SharedClusterTest;

constexpr auto kChildDirectoryVariable = "MAILKEEP_TEST_CLUSTER_DIR";

} // namespace

TEST_F(EmbeddedClusterRecoveryTest, StartsAfterPostmasterWasKilled)
{
    EmbeddedCluster cluster(options());
    ASSERT_TRUE(cluster.start().ok());
    const qint64 killed = cluster.postmasterPid();
    ASSERT_EQ(::kill(static_cast<pid_t>(killed), SIGKILL), 0);
    ASSERT_TRUE(waitUntilGone(killed, 10s));
    EXPECT_FALSE(cluster.isRunning());
    EXPECT_TRUE(QFile::exists(clusterDirectory() + u"/postmaster.pid"_s)) << "left behind";

    Status restarted = cluster.start();
    ASSERT_TRUE(restarted.ok()) << str(restarted);
    EXPECT_NE(cluster.postmasterPid(), killed);
    EXPECT_TRUE(canQuery(cluster));
}

TEST_F(EmbeddedClusterRecoveryTest, StalePidFileNamingAnotherLiveProcess)
{
    {
        EmbeddedCluster cluster(options());
        ASSERT_TRUE(cluster.start().ok());
        const qint64 killed = cluster.postmasterPid();
        ASSERT_EQ(::kill(static_cast<pid_t>(killed), SIGKILL), 0);
        ASSERT_TRUE(waitUntilGone(killed, 10s));
    }
    // The PID in the stale file now belongs to an unrelated process of the account postgres
    // runs as; PostgreSQL alone would refuse to start ("lock file already exists"). (It takes
    // processes it may not signal for dead, hence the same account.)
    QProcess sleeper;
    if (geteuid() == 0) {
        const uid_t uid = serviceUid();
        const gid_t gid = getpwnam("mailkeep")->pw_gid;
        ASSERT_NE(uid, 0u);
        sleeper.setChildProcessModifier([uid, gid] {
            if (setgid(gid) != 0 || setgroups(1, &gid) != 0 || setuid(uid) != 0)
                _exit(1);
        });
    }
    sleeper.start(u"sleep"_s, {u"30"_s});
    ASSERT_TRUE(sleeper.waitForStarted());
    rewritePidFile(clusterDirectory() + u"/postmaster.pid"_s, sleeper.processId());

    EmbeddedCluster cluster(options());
    Status started = cluster.start();
    EXPECT_TRUE(started.ok()) << str(started);
    EXPECT_TRUE(canQuery(cluster));
    EXPECT_TRUE(isAlive(sleeper.processId())) << "the unrelated process was left alone";
    sleeper.kill();
    sleeper.waitForFinished();
}

TEST_F(EmbeddedClusterRecoveryTest, OrphanedPostmasterIsShutDownFirst)
{
    // The first object plays a server that was killed: its postgres still runs.
    auto forgotten = std::make_unique<EmbeddedCluster>(options());
    ASSERT_TRUE(forgotten->start().ok());
    const qint64 orphan = forgotten->postmasterPid();

    EmbeddedCluster successor(options());
    Status started = successor.start();
    ASSERT_TRUE(started.ok()) << str(started);
    EXPECT_FALSE(isAlive(orphan)) << "the orphan was stopped";
    EXPECT_NE(successor.postmasterPid(), orphan);
    EXPECT_TRUE(canQuery(successor));

    EXPECT_FALSE(forgotten->isRunning());
    forgotten.reset(); // must not disturb the successor's postgres
    EXPECT_TRUE(successor.isRunning());
    EXPECT_TRUE(canQuery(successor));
}

// Not a test of its own: the body of the child process ServerKilledWithSigkill starts.
TEST(EmbeddedClusterChild, DISABLED_StartAndWaitToBeKilled)
{
    const QString directory = qEnvironmentVariable(kChildDirectoryVariable);
    if (directory.isEmpty())
        GTEST_SKIP() << "run by ServerKilledWithSigkill only";
    EmbeddedCluster cluster(optionsFor(directory));
    Status started = cluster.start();
    ASSERT_TRUE(started.ok()) << str(started);
    QFile pidFile(directory + u".pid"_s);
    ASSERT_TRUE(pidFile.open(QIODevice::WriteOnly));
    pidFile.write(QByteArray::number(cluster.postmasterPid()));
    pidFile.close();
    QThread::sleep(120); // until the parent test kills this process
}

TEST_F(EmbeddedClusterRecoveryTest, PostgresStopsCleanlyWhenServerIsKilledWithSigkill)
{
    QFile::remove(clusterDirectory() + u".pid"_s);
    QProcess server;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kChildDirectoryVariable), clusterDirectory());
    server.setProcessEnvironment(environment);
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.setStandardOutputFile(QProcess::nullDevice());
    server.start(
        QCoreApplication::applicationFilePath(),
        {u"--gtest_filter=EmbeddedClusterChild.*"_s, u"--gtest_also_run_disabled_tests"_s});
    ASSERT_TRUE(server.waitForStarted());

    qint64 postmaster = 0;
    for (int i = 0; i < 1200 && postmaster == 0; ++i) { // up to 60 s
        QThread::msleep(50);
        QFile pidFile(clusterDirectory() + u".pid"_s);
        if (pidFile.open(QIODevice::ReadOnly))
            postmaster = pidFile.readAll().toLongLong();
        ASSERT_NE(server.state(), QProcess::NotRunning) << "the child failed to start a cluster";
    }
    ASSERT_GT(postmaster, 0);
    ASSERT_TRUE(isAlive(postmaster));

    server.kill(); // SIGKILL: the server gets no chance to stop its cluster
    server.waitForFinished();
    EXPECT_TRUE(waitUntilGone(postmaster, 30s)) << "PR_SET_PDEATHSIG ended postgres";
    EXPECT_FALSE(QFile::exists(clusterDirectory() + u"/postmaster.pid"_s))
        << "postgres shut down cleanly (SIGINT), it was not killed";
    QFile::remove(clusterDirectory() + u".pid"_s);
}
