// Measures ingest in the real mailkeep-server: N generated messages in one mbox file, imported
// with ImportEmailFiles into a fresh data folder. Prints throughput, the server's peak memory and
// what the mail takes in the database, and, when notmuch is installed, `notmuch new` on the same
// messages for comparison. Prints figures; asserts nothing.
//
//   bench_ingest [N ...]          (default: 10000 100000)
//   MAILKEEP_SERVER_BINARY=build-release/bin/mailkeep-server bench_ingest 10000
#include "BenchCorpus.h"
#include "IngestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr std::uint64_t kSeed = 20260501;
constexpr double kTargetMessagesPerSecond = 1500;
constexpr double kTargetPeakMiB = 300;

double mib(double bytes)
{
    return bytes / (1024.0 * 1024.0);
}

const char *verdict(bool met)
{
    return met ? "PASS" : "MISS";
}

struct StoreFigures
{
    qint64 count = 0;
    qint64 messages = 0;
    qint64 raw = 0;
    qint64 stored = 0;
    qint64 size = 0;
};

StoreFigures storeFigures(const QJsonValue &stores)
{
    StoreFigures figures;
    for (const QJsonValue &store : stores.toArray()) {
        ++figures.count;
        figures.messages += store[u"messageCount"_s].toInteger();
        figures.raw += store[u"rawSize"_s].toInteger();
        figures.stored += store[u"storedSize"_s].toInteger();
        figures.size += store[u"size"_s].toInteger();
    }
    return figures;
}

// One benchmark round; false when something broke (as opposed to a target missed).
bool runOnce(int count, const QString &notmuch)
{
    QTemporaryDir folder(QDir::tempPath() + u"/mailkeep-bench-ingest-XXXXXX"_s);
    // Started as root the server runs PostgreSQL as a service account, which must pass here.
    QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                             QFile::ExeGroup | QFile::ExeOther);
    std::printf("\nN = %d\n", count);
    Corpus corpus;
    if (!generateCorpus(kSeed, count, folder.path(), !notmuch.isEmpty(), corpus)) {
        std::printf("  cannot write the messages to %s\n", qPrintable(folder.path()));
        return false;
    }
    const MailGenerator::Stats &stats = corpus.stats;
    std::printf(
        "  generated in %.1f s: mbox %.1f MB, %lld exact and %lld transport duplicates, "
        "%lld with attachments, largest %.1f MB\n",
        static_cast<double>(corpus.milliseconds) / 1000.0,
        mib(static_cast<double>(corpus.mboxBytes)), static_cast<long long>(stats.exactDuplicates),
        static_cast<long long>(stats.transportDuplicates),
        static_cast<long long>(stats.withAttachments), mib(static_cast<double>(stats.largest)));
    std::fflush(stdout);

    const QString dataDir = folder.path() + u"/data"_s;
    Server server;
    const qint64 started = server.start(dataDir);
    if (started < 0) {
        std::printf("  the server did not start\n");
        return false;
    }
    const qint64 pid = server.process.processId();
    const QString cluster = QFileInfo(dataDir + u"/postgresql"_s).canonicalFilePath();
    const qint64 clusterBefore = diskUsage(cluster);
    ApiClient api(server.port, dataDir);
    const ApiClient::Outcome user =
        api.invoke(u"CreateUser"_s, {{u"userName"_s, u"bench"_s}, {u"privileges"_s, u"login"_s}});
    if (!user.ok) {
        std::printf("  CreateUser failed: %s\n", qPrintable(user.error));
        return false;
    }

    // Resident memory every 100 ms while the import runs; VmHWM gives the peak in between.
    QList<long> samples;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &sampler,
                     [&] { samples << statusKiB(pid, "VmRSS:"); });
    const double cpuBefore = cpuSeconds(pid);
    const long peakBeforeKiB = statusKiB(pid, "VmHWM:");
    QElapsedTimer wall;
    wall.start();
    sampler.start(100);
    const ApiClient::Outcome import = api.invoke(
        u"ImportEmailFiles"_s,
        {{u"userName"_s, u"bench"_s}, {u"path"_s, corpus.mbox}, {u"targetFolder"_s, u"Inbox"_s}});
    const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    sampler.stop();
    const double cpu = cpuSeconds(pid) - cpuBefore;
    const long peakKiB = statusKiB(pid, "VmHWM:");
    if (!import.ok) {
        std::printf("  ImportEmailFiles failed after %.1f s: %s\n", seconds,
                    qPrintable(import.error));
        return false;
    }
    const ApiClient::Outcome refreshed = api.invoke(u"RefreshAllStoreStatistics"_s, {});
    const ApiClient::Outcome stores = api.invoke(u"GetStores"_s, {{u"includeSize"_s, u"true"_s}});
    const qint64 clusterAfter = diskUsage(cluster);
    const qint64 walAfter = diskUsage(cluster + u"/pg_wal"_s);
    server.stop();
    if (!refreshed.ok || !stores.ok) {
        std::printf("  store statistics failed: %s\n",
                    qPrintable(refreshed.ok ? stores.error : refreshed.error));
        return false;
    }

    const QJsonObject summary = import.result.toObject();
    const auto field = [&summary](const char *name) {
        return summary[QLatin1StringView(name)].toInteger();
    };
    const qint64 archived = field("archived");
    const double rate = count / seconds;
    const double peakMiB = static_cast<double>(peakKiB) / 1024.0;
    long sampledKiB = 0;
    for (const long sample : samples)
        sampledKiB = qMax(sampledKiB, sample);
    std::printf("  server start %lld ms; import %.2f s wall, server CPU %.1f s\n",
                static_cast<long long>(started), seconds, cpu);
    std::printf("  throughput: %.0f messages/s [target >= %.0f: %s], %.1f MB/s of mbox\n", rate,
                kTargetMessagesPerSecond, verdict(rate >= kTargetMessagesPerSecond),
                mib(static_cast<double>(corpus.mboxBytes)) / seconds);
    std::printf("  peak server RSS: %.1f MB (VmHWM; %.1f MB before the import, highest 100 ms "
                "sample %.1f MB) [target <= %.0f MB: %s]\n",
                peakMiB, static_cast<double>(peakBeforeKiB) / 1024.0,
                static_cast<double>(sampledKiB) / 1024.0, kTargetPeakMiB,
                verdict(peakMiB <= kTargetPeakMiB));
    QStringList course;
    for (int quarter = 1; quarter <= 4 && !samples.isEmpty(); ++quarter)
        course << QString::number(samples.at((samples.size() - 1) * quarter / 4) / 1024);
    std::printf("  RSS at 25/50/75/100 %% of the import: %s MB\n", qPrintable(course.join(u", ")));
    std::printf("  result: archived %lld, alreadyArchived %lld, duplicatesSkipped %lld, flagged "
                "%lld, failed %lld (expected %lld / %lld / %lld / - / 0)\n",
                static_cast<long long>(archived), static_cast<long long>(field("alreadyArchived")),
                static_cast<long long>(field("duplicatesSkipped")),
                static_cast<long long>(field("flagged")), static_cast<long long>(field("failed")),
                static_cast<long long>(count - stats.exactDuplicates - stats.transportDuplicates),
                static_cast<long long>(stats.exactDuplicates),
                static_cast<long long>(stats.transportDuplicates));
    const QJsonArray failures = summary[u"failures"_s].toArray();
    for (qsizetype i = 0; i < qMin<qsizetype>(3, failures.size()); ++i)
        std::printf("    failure: %s: %s\n", qPrintable(failures.at(i)[u"item"_s].toString()),
                    qPrintable(failures.at(i)[u"reason"_s].toString()));
    const StoreFigures figures = storeFigures(stores.result);
    std::printf("  stores: %lld, %lld messages, raw %.1f MB, stored %.1f MB (storage ratio "
                "%.3f), database %.1f MB = %.0f bytes/message\n",
                static_cast<long long>(figures.count), static_cast<long long>(figures.messages),
                mib(static_cast<double>(figures.raw)), mib(static_cast<double>(figures.stored)),
                figures.raw > 0 ? static_cast<double>(figures.stored) / figures.raw : 0.0,
                mib(static_cast<double>(figures.size)),
                archived > 0 ? static_cast<double>(figures.size) / archived : 0.0);
    std::printf("  PostgreSQL folder: %.1f MB before, %.1f MB after the import (+%.1f MB, "
                "%.0f bytes/message; write-ahead log %.1f MB)\n",
                mib(static_cast<double>(clusterBefore)), mib(static_cast<double>(clusterAfter)),
                mib(static_cast<double>(clusterAfter - clusterBefore)),
                archived > 0 ? static_cast<double>(clusterAfter - clusterBefore) / archived : 0.0,
                mib(static_cast<double>(walAfter)));
    server.reportLogs(dataDir);
    std::fflush(stdout);

    if (!notmuch.isEmpty()) {
        const NotmuchRun peer =
            runNotmuchNew(notmuch, writeNotmuchConfig(corpus.maildir, folder.path()));
        if (!peer.ok)
            return false;
        const double peerRate = count / peer.seconds;
        std::printf("  notmuch new: %.2f s, %.0f messages/s, peak RSS %.1f MB; "
                    "Mailkeep/notmuch %.2f\n",
                    peer.seconds, peerRate, static_cast<double>(peer.peakKiB) / 1024.0,
                    rate / peerRate);
        std::printf("  (notmuch builds a Xapian index; Mailkeep parses, deduplicates, "
                    "compresses, encrypts and commits to PostgreSQL, and indexes when the index "
                    "exists)\n");
    }
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> counts;
    for (int i = 1; i < argc; ++i) {
        const int count = std::atoi(argv[i]);
        if (count <= 0) {
            std::fprintf(stderr, "usage: bench_ingest [N ...]\n");
            return 2;
        }
        counts << count;
    }
    if (counts.isEmpty())
        counts = {10000, 100000};
    const QString notmuch = QStandardPaths::findExecutable(u"notmuch"_s);
    std::printf("mailkeep-server ingest benchmark (generator seed %llu)\n",
                static_cast<unsigned long long>(kSeed));
    bool ok = true;
    for (const int count : counts)
        ok = runOnce(count, notmuch) && ok;
    return ok ? 0 : 1;
}
