// Measures IMAP archiving in the real mailkeep-server: N generated messages in the inbox of a
// local Dovecot, archived by an imapMailbox profile (fetched, stored, indexed). In the same
// run, when isync is installed, mbsync pulls the same mailbox into a Maildir, for comparison.
// Prints figures; asserts nothing.
//
//   bench_imap [N]          (default: 20000)
#include "BenchCorpus.h"
#include "IngestSupport.h"
#include "support/TestDovecot.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using Mailkeep::Testing::TestDovecot;

namespace {

constexpr std::uint64_t kSeed = 20260601;
constexpr double kTargetRatio = 0.8;
const QString kPassword = u"bench-imap-Pa55"_s;

// The generated Maildir's files into the Dovecot user's inbox.
bool fillInbox(TestDovecot &dovecot, const QString &maildir, qint64 &bytes)
{
    const QString inbox = dovecot.homeOf(u"bench"_s) + u"/Maildir"_s;
    for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s})
        QDir().mkpath(inbox + u'/' + sub);
    QDirIterator it(maildir + u"/cur"_s, QDir::Files);
    int n = 0;
    while (it.hasNext()) {
        const QString path = it.next();
        bytes += it.fileInfo().size();
        // Dovecot's own naming, so it takes the files as they are.
        const QString name = u"%1.M%2P1.bench:2,S"_s.arg(1767225600 + n).arg(n);
        if (!QFile::rename(path, inbox + u"/cur/"_s + name))
            return false;
        ++n;
    }
    return dovecot.handOver(dovecot.homeOf(u"bench"_s)).ok();
}

// One mbsync pull into a new Maildir below `folder`; its seconds, or -1.
double runMbsync(const QString &mbsync, const TestDovecot &dovecot, const QString &folder,
                 const QString &name, qint64 &files)
{
    const QString local = folder + u'/' + name;
    QDir().mkpath(local);
    const QString config = local + u".rc"_s;
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return -1;
    file.write(u"IMAPAccount bench\nHost 127.0.0.1\nPort %1\nUser bench\nPass %2\nSSLType None\n"
               "AuthMechs LOGIN\n\nIMAPStore remote\nAccount bench\n\nMaildirStore local\n"
               "Path %3/\nInbox %3/INBOX\n\nChannel bench\nFar :remote:\nNear :local:\n"
               "Patterns INBOX\nCreate Near\nSync Pull\nSyncState *\n"_s.arg(dovecot.port())
                   .arg(kPassword, local)
                   .toUtf8());
    file.close();
    QElapsedTimer timer;
    timer.start();
    QProcess process;
    process.start(mbsync, {u"-q"_s, u"-c"_s, config, u"bench"_s});
    if (!process.waitForFinished(3600 * 1000) || process.exitCode() != 0) {
        std::printf("  mbsync failed: %s\n", process.readAllStandardError().constData());
        return -1;
    }
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    fileBytes(local, &files);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20000;
    std::printf("mailkeep-server IMAP benchmark (generator seed %llu)\n\nN = %d\n",
                static_cast<unsigned long long>(kSeed), count);
    QTemporaryDir folder(QDir::tempPath() + u"/mailkeep-bench-imap-XXXXXX"_s);
    QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                             QFile::ExeGroup | QFile::ExeOther);
    Corpus corpus;
    if (!generateCorpus(kSeed, count, folder.path(), true, corpus)) {
        std::printf("  cannot generate the messages\n");
        return 1;
    }
    QFile::remove(corpus.mbox);
    TestDovecot dovecot;
    if (Mailkeep::Status started = dovecot.start({{u"bench"_s, kPassword}}); !started.ok()) {
        std::printf("  Dovecot does not start: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    qint64 bytes = 0;
    if (!fillInbox(dovecot, corpus.maildir, bytes)) {
        std::printf("  cannot fill the inbox\n");
        return 1;
    }
    // Dovecot indexes the folder and the files come into the page cache before either peer
    // starts, so neither pays for that.
    QElapsedTimer timer;
    timer.start();
    (void)dovecot.doveadm(
        {u"mailbox"_s, u"status"_s, u"-u"_s, u"bench"_s, u"messages"_s, u"INBOX"_s});
    (void)dovecot.doveadm(
        {u"fetch"_s, u"-u"_s, u"bench"_s, u"size.physical"_s, u"mailbox"_s, u"INBOX"_s});
    std::printf("  inbox: %d messages, %.1f MB, indexed by Dovecot in %.1f s\n", count,
                static_cast<double>(bytes) / 1e6, static_cast<double>(timer.elapsed()) / 1000.0);

    // The machine's speed drifts (it is shared): mbsync runs before and after Mailkeep, and
    // Mailkeep is compared with the mean of the two.
    const QString mbsync = QStandardPaths::findExecutable(u"mbsync"_s);
    QList<double> mbsyncRates;
    auto pullWithMbsync = [&](const QString &name) {
        if (mbsync.isEmpty())
            return true;
        qint64 files = 0;
        const double seconds = runMbsync(mbsync, dovecot, folder.path(), name, files);
        if (seconds < 0)
            return false;
        mbsyncRates << static_cast<double>(count) / seconds;
        std::printf("  mbsync pull into a Maildir (%s): %.2f s, %lld files: %.0f messages/s\n",
                    qPrintable(name), seconds, static_cast<long long>(files), mbsyncRates.last());
        return true;
    };
    if (!pullWithMbsync(u"before"_s))
        return 1;

    // Mailkeep: a profile run on a fresh server.
    const QString data = folder.filePath(u"data"_s);
    Server server;
    if (server.start(data) < 0) {
        std::printf("  the server does not start\n");
        return 1;
    }
    ApiClient api(server.port, data);
    api.invoke(u"CreateUser"_s, {{u"userName"_s, u"bench"_s}, {u"privileges"_s, u"login"_s}});
    const QJsonObject profile{{u"name"_s, u"bench"_s},         {u"type"_s, u"imapMailbox"_s},
                              {u"userName"_s, u"bench"_s},     {u"host"_s, u"127.0.0.1"_s},
                              {u"port"_s, dovecot.port()},     {u"security"_s, u"none"_s},
                              {u"imapUserName"_s, u"bench"_s}, {u"password"_s, kPassword}};
    const ApiClient::Outcome created =
        api.invoke(u"CreateProfile"_s,
                   {{u"properties"_s,
                     QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact))}});
    if (!created.ok) {
        std::printf("  CreateProfile failed: %s\n", qPrintable(created.error));
        return 1;
    }
    const double cpuBefore = cpuSeconds(server.process.processId());
    timer.restart();
    const ApiClient::Outcome ran = api.invoke(
        u"RunProfile"_s, {{u"id"_s, QString::number(created.result[u"id"_s].toInteger())}});
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (!ran.ok) {
        std::printf("  RunProfile failed: %s\n", qPrintable(ran.error));
        return 1;
    }
    const int archived = ran.result[u"archived"_s].toInt();
    const int skipped =
        ran.result[u"alreadyArchived"_s].toInt() + ran.result[u"duplicatesSkipped"_s].toInt();
    const double rate = (archived + skipped) / seconds;
    std::printf("  Mailkeep imapMailbox run: %.2f s, %d archived + %d duplicates recognised, "
                "%d failed: %.0f messages/s, %.1f MB/s (server CPU %.1f s, peak RSS %.1f MB)\n",
                seconds, archived, skipped, ran.result[u"failed"_s].toInt(), rate,
                static_cast<double>(bytes) / 1e6 / seconds,
                cpuSeconds(server.process.processId()) - cpuBefore,
                static_cast<double>(statusKiB(server.process.processId(), "VmHWM:")) / 1024.0);

    // The same pull with nothing stored: every message is fetched and its date read, then left
    // for "a later run" by an age filter no message meets. What the IMAP client costs alone.
    QJsonObject fetchOnly = profile;
    fetchOnly.insert(u"name"_s, u"bench fetch only"_s);
    fetchOnly.insert(u"targetFolder"_s, u"fetch only"_s);
    fetchOnly.insert(u"olderThanDays"_s, 1000000);
    const ApiClient::Outcome createdFetchOnly =
        api.invoke(u"CreateProfile"_s,
                   {{u"properties"_s,
                     QString::fromUtf8(QJsonDocument(fetchOnly).toJson(QJsonDocument::Compact))}});
    if (createdFetchOnly.ok) {
        const double cpuBeforeFetch = cpuSeconds(server.process.processId());
        timer.restart();
        const ApiClient::Outcome fetched =
            api.invoke(u"RunProfile"_s,
                       {{u"id"_s, QString::number(createdFetchOnly.result[u"id"_s].toInteger())}});
        const double fetchSeconds = static_cast<double>(timer.elapsed()) / 1000.0;
        if (fetched.ok)
            std::printf("  the same pull, nothing stored (IMAP client and date parse only): "
                        "%.2f s, %.0f messages/s (server CPU %.1f s)\n",
                        fetchSeconds, count / fetchSeconds,
                        cpuSeconds(server.process.processId()) - cpuBeforeFetch);
    }
    server.stop();
    server.reportLogs(data);

    if (mbsync.isEmpty()) {
        std::printf("  mbsync not installed (isync): no comparison\n");
        return 0;
    }
    // What PostgreSQL and the index left to write goes to disk first: mbsync syncs its files.
    ::sync();
    if (!pullWithMbsync(u"after"_s))

        return 1;
    const double mbsyncRate = (mbsyncRates.first() + mbsyncRates.last()) / 2;
    std::printf("  mbsync, mean of both pulls: %.0f messages/s\n", mbsyncRate);
    std::printf("  Mailkeep (fetch, store, index) / mbsync (fetch, write files): %.2f [target >= "
                "%.1f: %s]\n",
                rate / mbsyncRate, kTargetRatio,
                rate / mbsyncRate >= kTargetRatio ? "PASS" : "MISS");
    return 0;
}
