// Starts the real mailkeep-server binary on a temporary data folder and talks to it with curl,
// as an administrator would: first start, SIGTERM, SIGKILL and recovery.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <csignal>
#include <gtest/gtest.h>
#include <sys/types.h>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QString serverBinary()
{
    return qEnvironmentVariable("MAILKEEP_BINARY_DIR") + u"/bin/mailkeep-server"_s;
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool processAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) != 0)
        return false;
    // A zombie is as good as gone.
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly))
        return !status.readAll().contains("State:\tZ");
    return true;
}

bool waitUntilGone(qint64 pid, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (processAlive(pid)) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QThread::msleep(50);
    }
    return true;
}

struct CurlResult
{
    int exitCode = -1;
    QByteArray httpCode;
    QByteArray body;
};

CurlResult curl(quint16 port, const QString &path, const QString &user = {},
                const QString &password = {}, const QByteArray &form = {})
{
    QStringList arguments{u"-sk"_s, u"-X"_s, u"POST"_s,           u"-o"_s,
                          u"-"_s,   u"-w"_s, u"\n%{http_code}"_s, u"--max-time"_s,
                          u"20"_s};
    if (!user.isEmpty())
        arguments << u"-u"_s << user + u':' + password;
    if (!form.isEmpty())
        arguments << u"--data-binary"_s << QString::fromUtf8(form);
    arguments << u"https://127.0.0.1:%1%2"_s.arg(port).arg(path);
    QProcess process;
    process.start(u"curl"_s, arguments);
    process.waitForFinished(30000);
    CurlResult result;
    result.exitCode = process.exitCode();
    const QByteArray output = process.readAllStandardOutput();
    const qsizetype split = output.lastIndexOf('\n');
    result.body = output.left(split);
    result.httpCode = output.mid(split + 1).trimmed();
    return result;
}

class ServerBinaryTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QFile::exists(serverBinary())) << serverBinary().toStdString();
        ASSERT_TRUE(m_folder.isValid());
        // QTemporaryDir is 0700; as root the cluster's account must be able to pass through.
        QFile::setPermissions(m_folder.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                   QFile::ExeOwner | QFile::ExeGroup |
                                                   QFile::ExeOther);
        m_dataDir = m_folder.path() + u"/data"_s;
        m_port = freePort();
    }

    void TearDown() override
    {
        if (m_server && m_server->state() != QProcess::NotRunning) {
            m_server->terminate();
            m_server->waitForFinished(60000);
        }
        if (HasFailure())
            std::cerr << "--- server output ---\n" << m_output.toStdString() << std::endl;
    }

    std::unique_ptr<QProcess> launch()
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessChannelMode(QProcess::MergedChannels);
        process->start(serverBinary(), {u"--data-dir"_s, m_dataDir, u"--api-port"_s,
                                        QString::number(m_port), u"--listen"_s, u"127.0.0.1"_s});
        process->waitForStarted();
        return process;
    }

    // Ready when the API answers with its 401 challenge.
    bool waitUntilReady(QProcess &process, int timeoutMs = 120000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            // waitFor* lets QProcess read its pipe and notice an exit (no event loop here).
            process.waitForReadyRead(200);
            m_output += process.readAll();
            if (process.state() == QProcess::NotRunning)
                return false;
            if (curl(m_port, u"/api/invoke/GetServerInfo"_s).httpCode == "401")
                return true;
        }
        return false;
    }

    QString adminPassword() const
    {
        QFile file(m_dataDir + u"/initial-admin-password"_s);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(file.readAll()).trimmed();
    }

    qint64 postmasterPid() const
    {
        QFile file(m_dataDir + u"/postgresql/postmaster.pid"_s);
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return file.readLine().trimmed().toLongLong();
    }

    QTemporaryDir m_folder{QDir::tempPath() + u"/mailkeep-server-test-XXXXXX"_s};
    QString m_dataDir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_server;
    QByteArray m_output;
};

} // namespace

TEST_F(ServerBinaryTest, VersionAndHelp)
{
    QProcess process;
    process.start(serverBinary(), {u"--version"_s});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitCode(), 0);
    EXPECT_TRUE(process.readAllStandardOutput().startsWith("mailkeep-server "));
    process.start(serverBinary(), {u"--help"_s});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_TRUE(process.readAllStandardOutput().contains("--database-url"));
    process.start(serverBinary(), {u"--api-port"_s, u"99999"_s});
    ASSERT_TRUE(process.waitForFinished(10000));
    EXPECT_EQ(process.exitCode(), 2);
    EXPECT_TRUE(process.readAllStandardError().contains("99999"));
}

TEST_F(ServerBinaryTest, FirstStartServesTheApiAndStopsCleanly)
{
    m_server = launch();
    ASSERT_TRUE(waitUntilReady(*m_server));

    const QString password = adminPassword();
    ASSERT_GE(password.size(), 16);
    const QFile::Permissions permissions =
        QFile::permissions(m_dataDir + u"/initial-admin-password"_s);
    EXPECT_EQ(permissions &
                  (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
              QFile::Permissions());
    for (const QString &secret : {u"/tls/server.key"_s, u"/master.key"_s, u"/recovery-key"_s}) {
        ASSERT_TRUE(QFile::exists(m_dataDir + secret)) << secret.toStdString();
        EXPECT_EQ(QFile::permissions(m_dataDir + secret) & (QFile::ReadGroup | QFile::ReadOther),
                  QFile::Permissions())
            << secret.toStdString();
    }

    const CurlResult info = curl(m_port, u"/api/invoke/GetServerInfo"_s, u"admin"_s, password);
    EXPECT_EQ(info.httpCode, "200");
    EXPECT_TRUE(info.body.startsWith("\xEF\xBB\xBF{\"error\":null,\"token\":null"));
    EXPECT_TRUE(info.body.contains("\"statusCode\":\"succeeded\"")) << info.body.toStdString();
    EXPECT_TRUE(info.body.contains("\"version\":\"" MAILKEEP_VERSION "\""));

    const CurlResult stores = curl(m_port, u"/api/invoke/GetStores"_s, u"admin"_s, password);
    EXPECT_TRUE(stores.body.contains("\"requestedState\":\"current\""))
        << stores.body.toStdString();

    const CurlResult metadata = curl(m_port, u"/api/get-metadata"_s, u"admin"_s, password);
    EXPECT_TRUE(metadata.body.startsWith("[{")) << metadata.body.left(100).toStdString();

    EXPECT_EQ(curl(m_port, u"/api/invoke/GetServerInfo"_s, u"admin"_s, u"wrong"_s).httpCode, "401");

    // A second server on the same data folder is refused.
    QProcess second;
    second.setProcessChannelMode(QProcess::MergedChannels);
    second.start(serverBinary(),
                 {u"--data-dir"_s, m_dataDir, u"--api-port"_s, QString::number(freePort())});
    ASSERT_TRUE(second.waitForFinished(30000));
    EXPECT_NE(second.exitCode(), 0);
    EXPECT_TRUE(second.readAll().contains("Another mailkeep-server"));

    const qint64 postmaster = postmasterPid();
    ASSERT_GT(postmaster, 0);
    EXPECT_TRUE(processAlive(postmaster));
    m_server->terminate(); // SIGTERM
    ASSERT_TRUE(m_server->waitForFinished(60000));
    m_output += m_server->readAll();
    EXPECT_EQ(m_server->exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(m_server->exitCode(), 0);
    EXPECT_TRUE(waitUntilGone(postmaster, 5000)) << "PostgreSQL must stop with the server";
    EXPECT_FALSE(QFile::exists(m_dataDir + u"/postgresql/postmaster.pid"_s));
}

TEST_F(ServerBinaryTest, RecoversAfterBeingKilled)
{
    m_server = launch();
    ASSERT_TRUE(waitUntilReady(*m_server));
    const QString password = adminPassword();
    const qint64 firstPostmaster = postmasterPid();
    ASSERT_GT(firstPostmaster, 0);

    m_server->kill(); // SIGKILL: no clean shutdown, postmaster.pid stays behind
    ASSERT_TRUE(m_server->waitForFinished(10000));
    m_output += m_server->readAll();

    m_server = launch();
    ASSERT_TRUE(waitUntilReady(*m_server)) << "restart after SIGKILL must recover";
    EXPECT_FALSE(processAlive(firstPostmaster)) << "the orphaned cluster was replaced";
    EXPECT_EQ(adminPassword(), password) << "no second administrator on restart";
    const CurlResult info = curl(m_port, u"/api/invoke/GetServerInfo"_s, u"admin"_s, password);
    EXPECT_TRUE(info.body.contains("\"statusCode\":\"succeeded\"")) << info.body.toStdString();
}

TEST_F(ServerBinaryTest, ClusterMovesOutWhenRootsServiceAccountCannotReachTheDataFolder)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "only a root server hands its cluster to another account";
    // A data folder below a closed folder, as a checkout in /root would be.
    const QString closed = m_folder.path() + u"/closed"_s;
    ASSERT_TRUE(QDir().mkpath(closed));
    QFile::setPermissions(closed, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_dataDir = closed + u"/data"_s;

    m_server = launch();
    ASSERT_TRUE(waitUntilReady(*m_server));
    const QFileInfo link(m_dataDir + u"/postgresql"_s);
    ASSERT_TRUE(link.isSymLink());
    const QString clusterHome = QFileInfo(link.symLinkTarget()).absolutePath();
    EXPECT_TRUE(clusterHome.startsWith(u"/var/lib/mailkeep-clusters/"_s))
        << clusterHome.toStdString();
    const CurlResult info =
        curl(m_port, u"/api/invoke/GetServerInfo"_s, u"admin"_s, adminPassword());
    EXPECT_TRUE(info.body.contains("\"statusCode\":\"succeeded\"")) << info.body.toStdString();

    m_server->terminate();
    ASSERT_TRUE(m_server->waitForFinished(60000));
    EXPECT_EQ(m_server->exitCode(), 0);
    QDir(clusterHome).removeRecursively();
}

namespace {

QJsonObject envelopeOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body.startsWith("\xEF\xBB\xBF") ? body.mid(3) : body).object();
}

// An mbox of count small, distinct messages.
void writeMbox(const QString &path, int count)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < count; ++i) {
        const QByteArray n = QByteArray::number(i);
        file.write(
            "From sender@example.org Mon Nov 23 10:00:00 2026\nFrom: Sender " + n + " <s" + n +
            "@example.org>\nTo: archive@example.org\nSubject: Message " + n + "\nMessage-ID: <" +
            n + "@example.org>\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n\n" +
            QByteArray("Line of text for message ") + n + ".\n" + QByteArray(400, 'x') + "\n\n");
    }
}

} // namespace

TEST_F(ServerBinaryTest, ImportKilledMidwayIsCompletedByRunningItAgain)
{
    constexpr int kMessages = 20000;
    const QString mbox = m_folder.path() + u"/big.mbox"_s;
    writeMbox(mbox, kMessages);
    QFile::setPermissions(mbox, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    const QByteArray request =
        "userName=admin&targetFolder=Big&path=" + QUrl::toPercentEncoding(mbox);

    m_server = launch();
    ASSERT_TRUE(waitUntilReady(*m_server));
    const QString password = adminPassword();
    QJsonObject envelope = envelopeOf(
        curl(m_port, u"/api/invoke/ImportEmailFiles"_s, u"admin"_s, password, request).body);
    ASSERT_EQ(envelope[u"statusCode"_s].toString(), u"running"_s)
        << "the import must still run when the server is killed";
    const QByteArray token = envelope[u"token"_s].toString().toUtf8();
    // Kill it once some batches are committed, well before the end.
    for (int i = 0; i < 600 && envelope[u"percentProgress"_s].toInt() < 15; ++i) {
        envelope =
            envelopeOf(curl(m_port, u"/api/get-status"_s, u"admin"_s, password,
                            "token=" + token + "&lastKnownStatusVersion=-1&millisecondsTimeout=0")
                           .body);
        ASSERT_EQ(envelope[u"statusCode"_s].toString(), u"running"_s);
        QThread::msleep(50);
    }
    m_server->kill();
    ASSERT_TRUE(m_server->waitForFinished(10000));

    m_server = launch();
    ASSERT_TRUE(waitUntilReady(*m_server));
    envelope = envelopeOf(
        curl(m_port, u"/api/invoke/ImportEmailFiles"_s, u"admin"_s, password, request).body);
    for (int i = 0; i < 600 && envelope[u"statusCode"_s].toString() == u"running"_s; ++i) {
        envelope = envelopeOf(curl(m_port, u"/api/get-status"_s, u"admin"_s, password,
                                   "token=" + envelope[u"token"_s].toString().toUtf8() +
                                       "&lastKnownStatusVersion=" +
                                       QByteArray::number(envelope[u"statusVersion"_s].toInt()) +
                                       "&millisecondsTimeout=10000")
                                  .body);
    }
    ASSERT_EQ(envelope[u"statusCode"_s].toString(), u"succeeded"_s);
    const QJsonObject summary = envelope[u"result"_s].toObject();
    // The second run continued at the checkpoint the first committed with its last batch:
    // nothing before it is read again, nothing after it had been committed.
    const QJsonArray resumed = summary[u"resumed"_s].toArray();
    ASSERT_EQ(resumed.size(), 1) << "the first run had committed batches";
    const qint64 offset = resumed[0][u"offset"_s].toInteger();
    EXPECT_GT(offset, 0);
    EXPECT_LT(offset, QFileInfo(mbox).size());
    EXPECT_GT(summary[u"archived"_s].toInt(), 0) << "the first run had not finished";
    EXPECT_LT(summary[u"archived"_s].toInt(), kMessages);
    EXPECT_EQ(summary[u"alreadyArchived"_s].toInt(), 0);
    EXPECT_EQ(summary[u"failed"_s].toInt(), 0);

    // The run the kill cut off is closed as threadAbort; the second one succeeded.
    const QJsonArray runs =
        envelopeOf(curl(m_port, u"/api/invoke/GetWorkerResults"_s, u"admin"_s, password,
                        "fromIncluding=2000-01-01T00:00:00&toExcluding=2100-01-01T00:00:00"
                        "&timeZoneID=$Local")
                       .body)[u"result"_s]
            .toArray();
    ASSERT_EQ(runs.size(), 2);
    EXPECT_EQ(runs[0][u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(runs[0][u"itemsArchived"_s].toInt(), summary[u"archived"_s].toInt());
    EXPECT_EQ(runs[1][u"result"_s].toString(), u"threadAbort"_s);

    // Every message exactly once.
    ASSERT_TRUE(curl(m_port, u"/api/invoke/SetUserPrivilegesOnFolder"_s, u"admin"_s, password,
                     "userName=admin&folder=admin&privileges=read")
                    .body.contains("succeeded"));
    // The whole folder at once may take longer than a second on a busy machine: then the
    // answer is a status token, followed to the end.
    QJsonObject listed = envelopeOf(
        curl(m_port, u"/api/invoke/GetMessages"_s, u"admin"_s, password, "folder=admin/Big").body);
    for (int i = 0; i < 120 && listed[u"statusCode"_s].toString() == u"running"_s; ++i)
        listed = envelopeOf(curl(m_port, u"/api/get-status"_s, u"admin"_s, password,
                                 "token=" + listed[u"token"_s].toString().toUtf8() +
                                     "&lastKnownStatusVersion=" +
                                     QByteArray::number(listed[u"statusVersion"_s].toInt()) +
                                     "&millisecondsTimeout=10000")
                                .body);
    ASSERT_EQ(listed[u"statusCode"_s].toString(), u"succeeded"_s);
    const QJsonArray messages = listed[u"result"_s].toArray();
    EXPECT_EQ(messages.size(), kMessages);
    QSet<QString> subjects;
    for (const QJsonValue &message : messages)
        subjects.insert(message[u"subject"_s].toString());
    EXPECT_EQ(subjects.size(), kMessages);
}
