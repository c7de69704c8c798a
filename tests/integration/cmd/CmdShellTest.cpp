// The real mailkeep-cmd binary against a real server: options, exit codes, JSON arguments,
// --o, certificate pinning, credentials, client-side commands and an interrupted call.
#include "../api/ApiServerFixture.h"

#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

#include <csignal>
#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

struct CmdRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

class CmdShellTest : public ApiServerFixture
{
protected:
    QString binary() const
    {
        return qEnvironmentVariable("MAILKEEP_BINARY_DIR") + u"/bin/mailkeep-cmd"_s;
    }
    QString hostOption() const { return u"--h=127.0.0.1:%1"_s.arg(m_port); }
    QStringList logon(const QString &user = u"admin"_s, const QString &password = kAdminPassword)
    {
        return {hostOption(), u"--u="_s + user, u"--p="_s + password, u"--pkv3="_s + m_fingerprint,
                u"--nologo"_s};
    }

    // Runs the binary while this thread keeps serving the API; `whileRunning` may act on it
    // each time it writes to stderr.
    CmdRun run(const QStringList &arguments, const QHash<QString, QString> &environment = {},
               const QByteArray &input = {},
               const std::function<void(QProcess &, const QString &err)> &onError = {})
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"MAILKEEP_PASSWORD"_s);
        env.insert(u"MAILKEEP_CREDENTIALS"_s, m_home.filePath(u"credentials"_s));
        env.insert(u"HOME"_s, m_home.path());
        env.insert(u"LANG"_s, u"C"_s);
        for (auto it = environment.cbegin(); it != environment.cend(); ++it)
            env.insert(it.key(), it.value());
        process.setProcessEnvironment(env);
        CmdRun result;
        QObject::connect(&process, &QProcess::readyReadStandardError, [&]() {
            result.err += QString::fromUtf8(process.readAllStandardError());
            if (onError)
                onError(process, result.err);
        });
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        process.start(binary(), arguments);
        if (!process.waitForStarted(10000))
            return result;
        if (!input.isNull()) {
            process.write(input);
            process.closeWriteChannel();
        }
        loop.exec();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
            ADD_FAILURE() << "mailkeep-cmd did not end";
        }
        result.out = QString::fromUtf8(process.readAllStandardOutput());
        result.err += QString::fromUtf8(process.readAllStandardError());
        result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return result;
    }

    static QJsonValue json(const QString &text)
    {
        const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
        return document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    }

    QTemporaryDir m_home;
};

} // namespace

TEST_F(CmdShellTest, RunsOneServerFunctionAndPrintsItsJson)
{
    const CmdRun info = run(logon() << u"-c"_s << u"GetServerInfo"_s);
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    EXPECT_FALSE(json(info.out)[u"version"_s].toString().isEmpty()) << info.out.toStdString();
    EXPECT_TRUE(info.err.isEmpty()) << info.err.toStdString();

    QStringList withLogo = logon();
    withLogo.removeAll(u"--nologo"_s);
    const CmdRun logo = run(withLogo << u"-c"_s << u"GetServerInfo"_s);
    EXPECT_EQ(logo.exitCode, 0);
    EXPECT_TRUE(logo.out.startsWith(u"Mailkeep Management Shell"_s)) << logo.out.toStdString();
}

TEST_F(CmdShellTest, PassesEveryArgumentTypeIncludingJson)
{
    const CmdRun echo =
        run(logon() << u"-c"_s << u"TestEcho"_s << u"--text=two words, \"quoted\""_s
                    << u"--count=42"_s << u"--flag=true"_s
                    << u"--config={\"retention\": {\"days\": 30}, \"name\": \"a b\"}"_s
                    << u"--items=one,two"_s);
    ASSERT_EQ(echo.exitCode, 0) << echo.err.toStdString();
    const QJsonValue result = json(echo.out);
    EXPECT_EQ(result[u"text"_s].toString(), u"two words, \"quoted\""_s);
    EXPECT_EQ(result[u"count"_s].toInt(), 42);
    EXPECT_TRUE(result[u"flag"_s].toBool());
    EXPECT_EQ(result[u"config"_s][u"retention"_s][u"days"_s].toInt(), 30);
    EXPECT_EQ(result[u"config"_s][u"name"_s].toString(), u"a b"_s);
    EXPECT_EQ(result[u"items"_s].toArray().size(), 2);
    EXPECT_EQ(result[u"caller"_s].toString(), u"admin"_s);
    EXPECT_TRUE(echo.out.contains(u"\n    \""_s)) << "pretty-printed";

    // Argument names are case-sensitive; bad values are refused before anything is sent.
    EXPECT_EQ(run(logon() << u"-c"_s << u"TestEcho"_s << u"--Text=x"_s).exitCode, 2);
    const CmdRun badBool =
        run(logon() << u"-c"_s << u"TestEcho"_s << u"--text=x"_s << u"--flag=yes"_s);
    EXPECT_EQ(badBool.exitCode, 2);
    EXPECT_FALSE(badBool.err.isEmpty());
    const CmdRun badJson =
        run(logon() << u"-c"_s << u"TestEcho"_s << u"--text=x"_s << u"--config={oops"_s);
    EXPECT_EQ(badJson.exitCode, 2);
}

TEST_F(CmdShellTest, ExitCodesTellFailuresApart)
{
    const CmdRun missing = run(logon() << u"-c"_s << u"GetUserInfo"_s);
    EXPECT_EQ(missing.exitCode, 2);
    EXPECT_TRUE(missing.err.contains(u"Missing API argument userName."_s))
        << missing.err.toStdString();
    EXPECT_EQ(run(logon() << u"-c"_s << u"GetUserInfo"_s << u"userName=alice"_s).exitCode, 2);
    EXPECT_EQ(run(logon() << u"--bogus"_s << u"-c"_s << u"GetServerInfo"_s).exitCode, 2);
    EXPECT_EQ(run(logon() << u"-c"_s).exitCode, 2);

    const CmdRun unknown = run(logon() << u"-c"_s << u"getusers"_s);
    EXPECT_EQ(unknown.exitCode, 3);
    EXPECT_TRUE(unknown.err.contains(u"Did you mean GetUsers?"_s)) << unknown.err.toStdString();

    const CmdRun failed = run(logon() << u"-c"_s << u"GetUserInfo"_s << u"--userName=nobody"_s);
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_FALSE(failed.err.isEmpty());
    EXPECT_TRUE(failed.out.isEmpty());

    EXPECT_EQ(run(logon(u"admin"_s, u"wrong"_s) << u"-c"_s << u"GetServerInfo"_s).exitCode, 6);
    // The shell needs the login privilege windowsCmd; alice has only "api", carol the console.
    const CmdRun noShell = run(logon(u"alice"_s, kAlicePassword) << u"-c"_s << u"GetServerInfo"_s);
    EXPECT_EQ(noShell.exitCode, 6);
    EXPECT_TRUE(noShell.err.contains(u"windowsCmd"_s)) << noShell.err.toStdString();
    EXPECT_EQ(run(logon(u"carol"_s, kCarolPassword) << u"-c"_s << u"GetServerInfo"_s).exitCode, 6);
    QStringList closedPort = logon();
    closedPort[0] = u"--h=127.0.0.1:1"_s;
    const CmdRun unreachable = run(closedPort << u"-c"_s << u"GetServerInfo"_s);
    EXPECT_EQ(unreachable.exitCode, 4);
    EXPECT_FALSE(unreachable.err.isEmpty());
}

TEST_F(CmdShellTest, ThePinnedCertificateDecides)
{
    QStringList unpinned = logon();
    unpinned.removeAt(3);
    const CmdRun refused = run(unpinned << u"-c"_s << u"GetServerInfo"_s);
    EXPECT_EQ(refused.exitCode, 5);
    EXPECT_TRUE(refused.err.contains(m_fingerprint)) << "the message shows the fingerprint";

    QStringList wrong = logon();
    wrong[3] = u"--pkv3="_s + QString(m_fingerprint).replace(u'A', u'B').replace(u'0', u'1');
    ASSERT_NE(wrong[3], u"--pkv3="_s + m_fingerprint);
    EXPECT_EQ(run(wrong << u"-c"_s << u"GetServerInfo"_s).exitCode, 5);

    QStringList plain = logon();
    plain[3] = u"--pkv3="_s + QString(m_fingerprint).remove(u':').toLower();
    EXPECT_EQ(run(plain << u"-c"_s << u"GetServerInfo"_s).exitCode, 0)
        << "colons and case do not matter";
}

TEST_F(CmdShellTest, OutputFileTakesEverythingWithDateAndTime)
{
    QTemporaryDir folder;
    const CmdRun toFile = run(logon() << u"--o="_s + folder.filePath(u"run-{DATE}-{TIME}.log"_s)
                                      << u"-c"_s << u"GetUsers"_s);
    EXPECT_EQ(toFile.exitCode, 0);
    EXPECT_TRUE(toFile.out.isEmpty());
    EXPECT_TRUE(toFile.err.isEmpty());
    const QStringList files = QDir(folder.path()).entryList(QDir::Files);
    ASSERT_EQ(files.size(), 1);
    const QString today = QDate::currentDate().toString(u"yyyy-MM-dd"_s);
    EXPECT_TRUE(files[0].startsWith(u"run-"_s + today + u'-')) << files[0].toStdString();
    EXPECT_TRUE(QRegularExpression(u"^run-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}\\.log$"_s)
                    .match(files[0])
                    .hasMatch());
    QFile written(folder.filePath(files[0]));
    ASSERT_TRUE(written.open(QIODevice::ReadOnly));
    EXPECT_TRUE(written.readAll().contains("\"userName\": \"alice\""));

    // Errors go there too.
    const CmdRun failed = run(logon() << u"--o="_s + folder.filePath(u"failed.log"_s) << u"-c"_s
                                      << u"GetUserInfo"_s << u"--userName=nobody"_s);
    EXPECT_EQ(failed.exitCode, 1);
    EXPECT_TRUE(failed.err.isEmpty());
    QFile failedLog(folder.filePath(u"failed.log"_s));
    ASSERT_TRUE(failedLog.open(QIODevice::ReadOnly));
    EXPECT_FALSE(failedLog.readAll().trimmed().isEmpty());
}

TEST_F(CmdShellTest, PasswordFromTheEnvironmentOrAPrivateCredentialsFile)
{
    QStringList noPassword = logon();
    noPassword.removeAt(2);
    EXPECT_EQ(run(QStringList(noPassword) << u"-c"_s << u"GetServerInfo"_s,
                  {{u"MAILKEEP_PASSWORD"_s, kAdminPassword}})
                  .exitCode,
              0);
    EXPECT_EQ(run(QStringList(noPassword) << u"-c"_s << u"GetServerInfo"_s).exitCode, 2)
        << "no password anywhere, no terminal to ask on";

    QFile credentials(m_home.filePath(u"credentials"_s));
    ASSERT_TRUE(credentials.open(QIODevice::WriteOnly));
    credentials.write("# mailkeep-cmd credentials\nadmin@127.0.0.1 " + kAdminPassword.toUtf8() +
                      "\n");
    credentials.close();
    QStringList byCred = noPassword;
    byCred[1] = u"--cred=admin@127.0.0.1"_s;
    ASSERT_TRUE(credentials.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ReadOther));
    const CmdRun readable = run(QStringList(byCred) << u"-c"_s << u"GetServerInfo"_s);
    EXPECT_EQ(readable.exitCode, 2);
    EXPECT_TRUE(readable.err.contains(u"chmod 600"_s)) << readable.err.toStdString();
    ASSERT_TRUE(credentials.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    const CmdRun stored = run(QStringList(byCred) << u"-c"_s << u"GetServerInfo"_s);
    EXPECT_EQ(stored.exitCode, 0) << stored.err.toStdString();
    EXPECT_EQ(run(QStringList(noPassword) << u"-c"_s << u"GetServerInfo"_s).exitCode, 0)
        << "--u and --h find the entry too";
}

TEST_F(CmdShellTest, ClientSideCommands)
{
    const CmdRun users = run(logon() << u"-c"_s << u"user-list"_s);
    ASSERT_EQ(users.exitCode, 0) << users.err.toStdString();
    EXPECT_TRUE(users.out.contains(u"alice"_s));
    EXPECT_TRUE(users.out.contains(u"carol"_s));

    const CmdRun profiles = run(logon() << u"-c"_s << u"import-list"_s);
    EXPECT_EQ(profiles.exitCode, 0);
    EXPECT_TRUE(profiles.out.contains(u"There are no archiving profiles."_s));
    EXPECT_EQ(run(logon() << u"-c"_s << u"import-execute"_s << u"--name=Mailbox"_s).exitCode, 1);
    EXPECT_EQ(run(logon() << u"-c"_s << u"import-execute"_s).exitCode, 2);
    EXPECT_TRUE(run(logon() << u"-c"_s << u"export-list"_s)
                    .out.contains(u"There are no export profiles."_s));

    const QString property = u"public.arcclient.skipGraphContentConversionFailed"_s;
    EXPECT_TRUE(run(logon() << u"-c"_s << u"store-setprop"_s << u"--name="_s + property)
                    .out.contains(property + u" = false"_s));
    EXPECT_EQ(run(logon() << u"-c"_s << u"store-setprop"_s << u"--name="_s + property
                          << u"--value=true"_s)
                  .exitCode,
              0);
    EXPECT_EQ(json(run(logon() << u"-c"_s << u"GetGlobalProperties"_s).out)[property].toBool(),
              true)
        << "stored on the server";
    EXPECT_EQ(run(logon() << u"-c"_s << u"store-setprop"_s << u"--name=public.no.such"_s
                          << u"--value=true"_s)
                  .exitCode,
              2);
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    ASSERT_EQ(
        status(call(admin, u"SetUserLoginPrivileges"_s,
                    {{u"userName"_s, u"alice"_s}, {u"loginPrivileges"_s, u"api,windowsCmd"_s}})),
        u"succeeded"_s);
    EXPECT_EQ(run(logon(u"alice"_s, kAlicePassword)

                  << u"-c"_s << u"store-setprop"_s << u"--name="_s + property << u"--value=false"_s)
                  .exitCode,
              1)
        << "only administrators change global properties";

    const CmdRun help = run(logon() << u"-c"_s << u"help"_s);
    EXPECT_TRUE(help.out.contains(u"import-execute"_s));
    EXPECT_TRUE(help.out.contains(u"GetWorkerResults"_s));
    EXPECT_TRUE(run(logon() << u"-c"_s << u"help"_s << u"--command=GetUserInfo"_s)
                    .out.contains(u"--userName=<string>"_s));
}

TEST_F(CmdShellTest, CommandsFromStandardInput)
{
    const CmdRun piped =
        run(logon(), {}, "GetServerInfo\nTestEcho --text=\"from a pipe\"\nuser-list\n");
    ASSERT_EQ(piped.exitCode, 0) << piped.err.toStdString();
    EXPECT_TRUE(piped.out.contains(u"\"text\": \"from a pipe\""_s)) << piped.out.toStdString();
    EXPECT_TRUE(piped.out.contains(u"alice"_s));
    EXPECT_EQ(run(logon(), {}, "GetServerInfo\nNoSuchThing\nuser-list\n").exitCode, 3)
        << "the first failing line ends the run with its code";
    const CmdRun open = run(logon(), {}, "TestEcho --text=\"never closed\n");
    EXPECT_EQ(open.exitCode, 2);
    EXPECT_TRUE(open.err.contains(u"not closed"_s)) << open.err.toStdString();
}

TEST_F(CmdShellTest, SpeaksGermanInAGermanLocale)
{
    const CmdRun german = run({u"--bogus"_s}, {{u"LANG"_s, u"de_DE.UTF-8"_s}});
    EXPECT_EQ(german.exitCode, 2);
    EXPECT_TRUE(german.err.contains(u"Unbekannte Option --bogus"_s)) << german.err.toStdString();
}

TEST_F(CmdShellTest, CtrlCCancelsTheServerTask)

{
    bool sent = false;
    const CmdRun interrupted = run(logon() << u"-c"_s << u"TestGate"_s, {}, {},
                                   [&sent](QProcess &process, const QString &err) {
                                       if (!sent && err.contains(u"Waiting at the gate"_s)) {
                                           ::kill(static_cast<pid_t>(process.processId()), SIGINT);
                                           sent = true;
                                       }
                                   });
    EXPECT_TRUE(sent) << "the call showed its progress: " << interrupted.err.toStdString();
    EXPECT_EQ(interrupted.exitCode, 130) << interrupted.err.toStdString();
    EXPECT_TRUE(m_gateSawCancel) << "the server task was cancelled, not just abandoned";
}
