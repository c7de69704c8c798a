// The real server killed in the middle of an automatic IMAP profile's run: started again, it
// picks the profile up at once and continues where the committed mail ends, so every message
// of the mailbox is in the archive exactly once.
#include "support/TestDovecot.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kMessages = 5000;

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

QJsonObject post(quint16 port, const QString &password, const QString &path, const QByteArray &body)
{
    QProcess process;
    process.start(u"curl"_s, {u"-sk"_s, u"--max-time"_s, u"60"_s, u"-u"_s, u"admin:"_s + password,
                              u"--data-binary"_s, QString::fromUtf8(body),
                              u"https://127.0.0.1:%1%2"_s.arg(port).arg(path)});
    process.waitForFinished(70000);
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// Calls the function; a call that runs longer than a second (a busy machine) is followed
// through get-status to its end.
QJsonObject call(quint16 port, const QString &password, const QString &function,
                 const QList<std::pair<QString, QString>> &arguments = {})
{
    QByteArray body;
    for (const auto &[name, value] : arguments)
        body += (body.isEmpty() ? "" : "&") + name.toUtf8() + '=' + QUrl::toPercentEncoding(value);
    QJsonObject envelope = post(port, password, u"/api/invoke/"_s + function, body);
    for (int i = 0; i < 60 && envelope[u"statusCode"_s].toString() == u"running"_s; ++i)
        envelope =
            post(port, password, u"/api/get-status"_s,
                 "token=" + envelope[u"token"_s].toString().toUtf8() + "&lastKnownStatusVersion=" +
                     QByteArray::number(envelope[u"statusVersion"_s].toInt()) +
                     "&millisecondsTimeout=10000");
    return envelope;
}

class ProfileResumeTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(QFile::exists(serverBinary())) << serverBinary().toStdString();
        QFile::setPermissions(m_folder.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                   QFile::ExeOwner | QFile::ExeGroup |
                                                   QFile::ExeOther);
        m_dataDir = m_folder.path() + u"/data"_s;
        m_port = freePort();
        const Status started = m_dovecot.start({{u"alice"_s, u"alice-imap-Pa55"_s}});
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
        // The mailbox filled as Dovecot's own Maildir, which it takes as it is.
        const QString cur = m_dovecot.homeOf(u"alice"_s) + u"/Maildir/cur"_s;
        ASSERT_TRUE(QDir().mkpath(cur));
        for (const QString &sub : {u"/Maildir/new"_s, u"/Maildir/tmp"_s})
            QDir().mkpath(m_dovecot.homeOf(u"alice"_s) + sub);
        for (int i = 0; i < kMessages; ++i) {
            QFile file(cur + u"/%1.M%2P1.test:2,S"_s.arg(1767225600 + i).arg(i));
            ASSERT_TRUE(file.open(QIODevice::WriteOnly));
            file.write("From: sender@example.org\r\nTo: alice@example.org\r\nSubject: message " +
                       QByteArray::number(i) + "\r\nMessage-ID: <m" + QByteArray::number(i) +
                       "@example.org>\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\n\r\nNumber " +
                       QByteArray::number(i) + "\r\n");
        }
        ASSERT_TRUE(m_dovecot.handOver(m_dovecot.homeOf(u"alice"_s)).ok());
    }
    void TearDown() override
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.terminate();
            m_server.waitForFinished(60000);
        }
        if (HasFailure())
            std::cerr << "--- server output ---\n" << m_output.toStdString() << std::endl;
    }
    bool launch()
    {
        m_server.setProcessChannelMode(QProcess::MergedChannels);
        m_server.start(serverBinary(), {u"--data-dir"_s, m_dataDir, u"--api-port"_s,
                                        QString::number(m_port), u"--listen"_s, u"127.0.0.1"_s});
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 120000) {
            m_server.waitForReadyRead(200);
            m_output += m_server.readAll();
            if (m_server.state() == QProcess::NotRunning)
                return false;
            QFile password(m_dataDir + u"/initial-admin-password"_s);
            if (password.open(QIODevice::ReadOnly)) {
                m_password = QString::fromUtf8(password.readAll()).trimmed();
                if (call(m_port, m_password, u"GetServerInfo"_s)[u"statusCode"_s] == u"succeeded"_s)
                    return true;
            }
        }
        return false;
    }
    int archived()
    {
        for (const QJsonValue &row :
             call(m_port, m_password, u"GetFolderStatistics"_s)[u"result"_s].toArray()) {
            if (row[u"folder"_s].toString() == u"alice/Inbox"_s)
                return row[u"messageCount"_s].toInt();
        }
        return 0;
    }
    QJsonArray runs()
    {
        return call(m_port, m_password, u"GetWorkerResults"_s,
                    {{u"fromIncluding"_s, u"2000-01-01T00:00:00"_s},
                     {u"toExcluding"_s, u"2100-01-01T00:00:00"_s},
                     {u"timeZoneID"_s, u"UTC"_s}})[u"result"_s]
            .toArray();
    }

    TestDovecot m_dovecot;
    QTemporaryDir m_folder{QDir::tempPath() + u"/mailkeep-resume-test-XXXXXX"_s};
    QString m_dataDir;
    quint16 m_port = 0;
    QProcess m_server;
    QByteArray m_output;
    QString m_password;
};

} // namespace

TEST_F(ProfileResumeTest, AnAutomaticProfileKilledMidRunResumesWithoutLossOrDuplicates)
{
    ASSERT_TRUE(launch());
    ASSERT_EQ(call(m_port, m_password, u"CreateUser"_s,
                   {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"login"_s}})[u"statusCode"_s],
              u"succeeded"_s);
    const QJsonObject profile{{u"name"_s, u"Alice"_s},
                              {u"type"_s, u"imapMailbox"_s},
                              {u"userName"_s, u"alice"_s},
                              {u"host"_s, u"127.0.0.1"_s},
                              {u"port"_s, m_dovecot.port()},
                              {u"security"_s, u"none"_s},
                              {u"password"_s, u"alice-imap-Pa55"_s}};
    const QJsonObject created =
        call(m_port, m_password, u"CreateProfile"_s,
             {{u"properties"_s,
               QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact))}});
    ASSERT_EQ(created[u"statusCode"_s], u"succeeded"_s);
    const QString id = QString::number(created[u"result"_s][u"id"_s].toInteger());
    ASSERT_EQ(call(m_port, m_password, u"SetProfileServerSideExecution"_s,
                   {{u"id"_s, id},
                    {u"automatic"_s, u"true"_s},
                    {u"automaticPauseBetweenExecutions"_s, u"3600"_s}})[u"statusCode"_s],
              u"succeeded"_s);

    // Killed once some batches are in.
    QElapsedTimer timer;
    timer.start();
    int before = 0;
    while (timer.elapsed() < 60000 && (before = archived()) < 300)
        QThread::msleep(20);
    ASSERT_GE(before, 250) << "the run started and committed a batch";
    ASSERT_LT(before, kMessages) << "the kill came before the end";
    m_server.kill();
    ASSERT_TRUE(m_server.waitForFinished(10000));

    // Started again, it goes on by itself: no call starts it.
    ASSERT_TRUE(launch());
    timer.restart();
    QJsonArray results;
    while (timer.elapsed() < 120000) {
        results = runs();
        if (!results.isEmpty() && results.at(0)[u"result"_s].toString() != u"running"_s &&
            results.at(0)[u"result"_s].toString() != u"threadAbort"_s)
            break;
        QThread::msleep(100);
    }
    ASSERT_EQ(results.size(), 2) << QJsonDocument(results).toJson().toStdString();
    EXPECT_EQ(results.at(0)[u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(results.at(1)[u"result"_s].toString(), u"threadAbort"_s);
    EXPECT_EQ(results.at(0)[u"startedBy"_s].toString(), u"scheduler"_s);
    EXPECT_EQ(archived(), kMessages) << "every message once";
    EXPECT_LT(results.at(0)[u"itemsArchived"_s].toInt() + results.at(0)[u"itemsSkipped"_s].toInt(),
              kMessages)
        << "the second run started where the first one's committed mail ended";
}
