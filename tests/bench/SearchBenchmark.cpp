// Measures search in the real mailkeep-server: N generated messages imported into a fresh data
// folder (ingest until stored and searchable), the size of the full-text index, and the latency
// of a fixed query mix over one keep-alive HTTPS connection; then, when notmuch is installed,
// `notmuch new` and `notmuch search` on the same messages for comparison. Prints figures;
// asserts nothing.
//
//   bench_search [N]          (default: 100000)
//   MAILKEEP_SERVER_BINARY=build-release/bin/mailkeep-server bench_search 20000
#include "BenchCorpus.h"
#include "IngestSupport.h"
#include "SearchMix.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr std::uint64_t kSeed = 20260501; // the seed bench_ingest uses: the same corpus
constexpr int kRunsPerKind = 50;
constexpr int kPageSize = 50;
constexpr double kTargetIndexShare = 40;      // % of the mbox
constexpr double kTargetP95Milliseconds = 50; // overall, snippets=false
constexpr double kTargetRateOverNotmuch = 3;  // ingest-to-searchable ÷ notmuch indexing

double mib(double bytes)
{
    return bytes / (1024.0 * 1024.0);
}

const char *verdict(bool met)
{
    return met ? "PASS" : "MISS";
}

struct Search
{
    bool ok = false;
    QString error;
    qint64 total = -1;
    qsizetype hits = 0;
    qsizetype snippets = 0; // hits with a nonempty snippet
    double milliseconds = 0;
};

Search search(ApiClient &api, const QString &query, bool snippets,
              const ApiClient::Arguments &more = {})
{
    Search result;
    QElapsedTimer timer;
    timer.start();
    const ApiClient::Outcome outcome =
        api.invoke(u"SearchMessages"_s,
                   ApiClient::Arguments{{u"query"_s, query},
                                        {u"limit"_s, QString::number(kPageSize)},
                                        {u"snippets"_s, snippets ? u"true"_s : u"false"_s}} +
                       more);
    result.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    result.ok = outcome.ok;
    result.error = outcome.error;
    const QJsonObject answer = outcome.result.toObject();
    result.total = answer[u"total"_s].toInteger(-1);
    const QJsonArray hits = answer[u"results"_s].toArray();
    result.hits = hits.size();
    for (const QJsonValue &hit : hits)
        result.snippets += hit[u"snippet"_s].toString().isEmpty() ? 0 : 1;
    return result;
}

void printLatency(const char *label, const Latency &latency, const char *tail = "")
{
    std::printf("    %-16s %8.1f %8.1f %8.1f %8.1f  %s\n", label, latency.p50, latency.p95,
                latency.p99, latency.max, tail);
}

// The console's message list: pages of 200 from all through the folder, newest first (read
// page by page on the server) and by subject (every envelope of the folder opened).
void browseFolder(ApiClient &api, qint64 messages)
{
    const auto page = [&](const QString &sort, qint64 offset, int *rows) {
        QElapsedTimer timer;
        timer.start();
        const ApiClient::Outcome outcome =
            api.invoke(u"GetMessages"_s, {{u"folder"_s, u"bench/Inbox"_s},
                                          {u"sort"_s, sort},
                                          {u"offset"_s, QString::number(offset)},
                                          {u"limit"_s, u"200"_s}});
        *rows = outcome.ok ? static_cast<int>(outcome.result.toArray().size()) : -1;
        return static_cast<double>(timer.nsecsElapsed()) / 1e6;
    };
    QList<double> byDate;
    QList<double> bySubject;
    int shortPages = 0;
    for (int i = 0; i < 20; ++i) {
        int rows = 0;
        byDate << page(u"date"_s, std::max<qint64>(0, messages - 200) * i / 19, &rows);
        shortPages += rows == 200 ? 0 : 1;
    }
    for (int i = 0; i < 3; ++i) {
        int rows = 0;
        bySubject << page(u"subject"_s, i * 1000, &rows);
        shortPages += rows == 200 ? 0 : 1;
    }
    printLatency("folder page", summarize(byDate),
                 qPrintable(u"GetMessages, 200 of %1 messages, newest first, offsets 0..end"_s.arg(
                     messages)));
    printLatency("  by subject", summarize(bySubject), "the same, sorted by subject");
    std::printf("  folder pages not full: %d\n", shortPages);
}

struct MixRun
{
    QList<QList<double>> perKind;
    QList<double> all;
    QList<qint64> firstTotals;
    QList<int> zeroHits;
    qsizetype hits = 0;
    qsizetype snippets = 0;
    int failures = 0;
    int wrongPages = 0;
};

// Every query of the mix once, kind after kind for each round, so that no kind has the caches to
// itself.
MixRun runMix(ApiClient &api, const QList<QueryKind> &mix, bool snippets)
{
    MixRun run;
    run.perKind.resize(mix.size());
    run.firstTotals.fill(-1, mix.size());
    run.zeroHits.fill(0, mix.size());
    for (int i = 0; i < kRunsPerKind; ++i) {
        for (qsizetype kind = 0; kind < mix.size(); ++kind) {
            const QString &query = mix.at(kind).queries.at(i).mailkeep;
            const Search result = search(api, query, snippets);
            if (!result.ok) {
                if (++run.failures <= 5)
                    std::printf("    SearchMessages(%s) failed: %s\n", qPrintable(query),
                                qPrintable(result.error));
                continue;
            }
            run.perKind[kind] << result.milliseconds;
            run.all << result.milliseconds;
            if (i == 0)
                run.firstTotals[kind] = result.total;
            run.zeroHits[kind] += result.total == 0 ? 1 : 0;
            run.hits += result.hits;
            run.snippets += result.snippets;
            // A page holds the first kPageSize of the total, no more and no fewer.
            if (result.hits != qMin<qint64>(result.total, kPageSize) && ++run.wrongPages <= 5)
                std::printf("    SearchMessages(%s): total %lld but %lld results on the page\n",
                            qPrintable(query), static_cast<long long>(result.total),
                            static_cast<long long>(result.hits));
        }
    }
    return run;
}

qint64 indexBytes(const QString &dataDir, qint64 *files = nullptr)
{
    return fileBytes(dataDir + u"/index"_s, files);
}

void compareWithNotmuch(const QString &notmuch, const Corpus &corpus, const QString &folder,
                        const QList<QueryKind> &mix, const MixRun &ours, double rate)
{
    const QString config = writeNotmuchConfig(corpus.maildir, folder);
    const NotmuchRun indexed = runNotmuchNew(notmuch, config);
    if (!indexed.ok)
        return;
    const double peerRate = corpus.stats.messages / indexed.seconds;
    const double ratio = rate / peerRate;
    std::printf("  notmuch new: %.2f s, %.0f messages/s, peak RSS %.1f MB\n", indexed.seconds,
                peerRate, static_cast<double>(indexed.peakKiB) / 1024.0);
    std::printf("  Mailkeep ingest-to-searchable / notmuch indexing: %.2f [target >= %.0f: %s]\n",
                ratio, kTargetRateOverNotmuch, verdict(ratio >= kTargetRateOverNotmuch));
    const qint64 database = fileBytes(corpus.maildir + u"/.notmuch"_s);
    std::printf("  notmuch database: %.1f MB = %.0f bytes/message, %.1f %% of the mbox\n",
                mib(static_cast<double>(database)),
                static_cast<double>(database) / static_cast<double>(corpus.stats.messages),
                100.0 * static_cast<double>(database) / static_cast<double>(corpus.mboxBytes));
    QList<double> starts;
    for (int i = 0; i < 20; ++i)
        starts << runNotmuch(notmuch, config, {u"--version"_s}).milliseconds;
    // One count per kind warms the database up, as the warm-up call does for Mailkeep.
    QList<qint64> counts;
    for (const QueryKind &kind : mix) {
        const QString query = kind.queries.first().notmuch;
        counts << (query.isEmpty() ? -1
                                   : runNotmuch(notmuch, config, {u"count"_s, query})
                                         .output.trimmed()
                                         .toLongLong());
    }
    QList<QList<double>> perKind(mix.size());
    QList<double> all;
    QList<int> zeroHits(mix.size(), 0);
    for (int i = 0; i < kRunsPerKind; ++i) {
        for (qsizetype kind = 0; kind < mix.size(); ++kind) {
            const QString &query = mix.at(kind).queries.at(i).notmuch;
            if (query.isEmpty())
                continue;
            const NotmuchCall call =
                runNotmuch(notmuch, config, {u"search"_s, u"--limit=%1"_s.arg(kPageSize), query});
            if (!call.ok)
                continue;
            perKind[kind] << call.milliseconds;
            all << call.milliseconds;
            zeroHits[kind] += call.output.trimmed().isEmpty() ? 1 : 0;
        }
    }
    std::printf("  notmuch search --limit=%d, one process per query: latency INCLUDES process "
                "start (`notmuch --version` alone: p50 %.1f ms)\n",
                kPageSize, summarize(starts).p50);
    std::printf("    %-16s %8s %8s %8s %8s  first query: Mailkeep total / notmuch count; "
                "queries without hits (Mailkeep, notmuch)\n",
                "kind", "p50 ms", "p95 ms", "p99 ms", "max ms");
    for (qsizetype kind = 0; kind < mix.size(); ++kind) {
        const BenchQuery &first = mix.at(kind).queries.first();
        if (first.notmuch.isEmpty()) {
            std::printf("    %-16s %8s %8s %8s %8s  (notmuch has no such query)\n",
                        qPrintable(mix.at(kind).name), "-", "-", "-", "-");
            continue;
        }
        const QByteArray tail = u"%1 -> %2 / %3 -> %4; %5, %6"_s.arg(first.mailkeep)
                                    .arg(ours.firstTotals.at(kind))
                                    .arg(first.notmuch)
                                    .arg(counts.at(kind))
                                    .arg(ours.zeroHits.at(kind))
                                    .arg(zeroHits.at(kind))
                                    .toUtf8();
        printLatency(qPrintable(mix.at(kind).name), summarize(perKind.at(kind)), tail.constData());
    }
    printLatency("overall", summarize(all));
    std::printf("  (notmuch stems English words, counts a message once per Message-ID and "
                "searches other header fields than Mailkeep, so the totals differ somewhat)\n");
}

// One benchmark round; false when something broke (as opposed to a target missed).
bool runOnce(int count, const QString &notmuch)
{
    QTemporaryDir folder(QDir::tempPath() + u"/mailkeep-bench-search-XXXXXX"_s);
    // Started as root the server runs PostgreSQL as a service account, which must pass here.
    QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                             QFile::ExeGroup | QFile::ExeOther);
    std::printf("\nN = %d\n", count);
    Corpus corpus;
    CorpusFacts facts;
    if (!generateCorpus(kSeed, count, folder.path(), !notmuch.isEmpty(), corpus,
                        [&facts](const QByteArray &message) { facts.inspect(message); })) {
        std::printf("  cannot write the messages to %s\n", qPrintable(folder.path()));
        return false;
    }
    std::printf("  generated in %.1f s: mbox %.1f MB, %lld exact and %lld transport duplicates, "
                "%lld with attachments%s\n",
                static_cast<double>(corpus.milliseconds) / 1000.0,
                mib(static_cast<double>(corpus.mboxBytes)),
                static_cast<long long>(corpus.stats.exactDuplicates),
                static_cast<long long>(corpus.stats.transportDuplicates),
                static_cast<long long>(corpus.stats.withAttachments),
                notmuch.isEmpty() ? "" : ", and the same as a Maildir");
    std::fflush(stdout);

    const QString dataDir = folder.path() + u"/data"_s;
    Server server;
    const qint64 started = server.start(dataDir);
    if (started < 0) {
        std::printf("  the server did not start\n");
        return false;
    }
    const qint64 pid = server.process.processId();
    ApiClient api(server.port, dataDir);
    for (const auto &[function, arguments] : QList<std::pair<QString, ApiClient::Arguments>>{
             {u"CreateUser"_s, {{u"userName"_s, u"bench"_s}, {u"privileges"_s, u"login"_s}}},
             // The admin searches every archive only with Archive Access on.
             {u"SetComplianceConfiguration"_s,
              {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}}}}) {
        const ApiClient::Outcome outcome = api.invoke(function, arguments);
        if (!outcome.ok) {
            std::printf("  %s failed: %s\n", qPrintable(function), qPrintable(outcome.error));
            return false;
        }
    }

    const double cpuBefore = cpuSeconds(pid);
    QElapsedTimer wall;
    wall.start();
    const ApiClient::Outcome import = api.invoke(
        u"ImportEmailFiles"_s,
        {{u"userName"_s, u"bench"_s}, {u"path"_s, corpus.mbox}, {u"targetFolder"_s, u"Inbox"_s}});
    const double seconds = static_cast<double>(wall.nsecsElapsed()) / 1e9;
    const double cpu = cpuSeconds(pid) - cpuBefore;
    if (!import.ok) {
        std::printf("  ImportEmailFiles failed after %.1f s: %s\n", seconds,
                    qPrintable(import.error));
        return false;
    }
    // Right after the import: everything archived must be found already.
    const Search everything = search(api, QString(), false);
    const Search inFolder = search(api, QString(), false, {{u"folder"_s, u"bench/Inbox"_s}});
    const ApiClient::Outcome indexes = api.invoke(u"GetStoreIndexes"_s, {});
    const qint64 archived = import.result[u"archived"_s].toInteger();
    const double rate = count / seconds;
    qint64 documents = 0;
    qint64 pending = 0;
    for (const QJsonValue &store : indexes.result.toArray()) {
        documents += store[u"documents"_s].toInteger();
        pending += store[u"pending"_s].toInteger();
    }
    std::printf("  server start %lld ms; import %.2f s wall, server CPU %.1f s: archived %lld, "
                "alreadyArchived %lld, duplicatesSkipped %lld, failed %lld\n",
                static_cast<long long>(started), seconds, cpu, static_cast<long long>(archived),
                static_cast<long long>(import.result[u"alreadyArchived"_s].toInteger()),
                static_cast<long long>(import.result[u"duplicatesSkipped"_s].toInteger()),
                static_cast<long long>(import.result[u"failed"_s].toInteger()));
    std::printf("  ingest, stored and searchable: %.0f messages/s, %.1f MB/s of mbox\n", rate,
                mib(static_cast<double>(corpus.mboxBytes)) / seconds);
    const bool searchable =
        everything.ok && everything.total == archived && inFolder.total == archived && pending == 0;
    std::printf("  searchable when the import returned: %s (empty query: total %lld in %.1f ms, "
                "in bench/Inbox %lld; GetStoreIndexes: %lld documents, %lld pending; archived "
                "%lld)%s%s\n",
                searchable ? "yes" : "NO", static_cast<long long>(everything.total),
                everything.milliseconds, static_cast<long long>(inFolder.total),
                static_cast<long long>(documents), static_cast<long long>(pending),
                static_cast<long long>(archived), everything.ok ? "" : " ",
                qPrintable(everything.error));
    qint64 files = 0;
    const qint64 liveIndex = indexBytes(dataDir, &files);
    std::fflush(stdout);

    const QList<QueryKind> mix = searchMix(facts, kRunsPerKind);
    for (const QueryKind &kind : mix)
        search(api, kind.queries.first().mailkeep, false); // warm-up, not counted
    const MixRun plain = runMix(api, mix, false);
    std::printf("  SearchMessages latency, client side over one keep-alive HTTPS connection, "
                "snippets=false, limit=%d, newest first, %d queries per kind after one warm-up "
                "call per kind:\n",
                kPageSize, kRunsPerKind);
    std::printf("    %-16s %8s %8s %8s %8s  first query -> total; queries without hits\n", "kind",
                "p50 ms", "p95 ms", "p99 ms", "max ms");
    for (qsizetype kind = 0; kind < mix.size(); ++kind) {
        const QByteArray tail = u"%1 -> %2; %3 of %4"_s.arg(mix.at(kind).queries.first().mailkeep)
                                    .arg(plain.firstTotals.at(kind))
                                    .arg(plain.zeroHits.at(kind))
                                    .arg(kRunsPerKind)
                                    .toUtf8();
        printLatency(qPrintable(mix.at(kind).name), summarize(plain.perKind.at(kind)),
                     tail.constData());
    }
    const Latency overall = summarize(plain.all);
    const QByteArray target =
        u"[target p95 <= %1 ms: %2]"_s.arg(kTargetP95Milliseconds)
            .arg(QLatin1StringView(verdict(overall.p95 <= kTargetP95Milliseconds)))
            .toUtf8();
    printLatency("overall", overall, target.constData());
    const MixRun withSnippets = runMix(api, mix, true);
    printLatency("snippets=true", summarize(withSnippets.all),
                 qPrintable(u"overall, the same queries; %1 of %2 hits with a snippet"_s
                                .arg(withSnippets.snippets)
                                .arg(withSnippets.hits)));
    std::printf("  failed calls: %d; pages not matching their total: %d\n",
                plain.failures + withSnippets.failures, plain.wrongPages + withSnippets.wrongPages);
    browseFolder(api, inFolder.total);
    const long peakKiB = statusKiB(pid, "VmHWM:");
    server.stop();

    const qint64 finalIndex = indexBytes(dataDir, &files);
    const double share =
        100.0 * static_cast<double>(finalIndex) / static_cast<double>(corpus.mboxBytes);
    std::printf("  index: %.1f MB in %lld files after shutdown (%.1f MB while running) = %.0f "
                "bytes/message, %.1f %% of the mbox [target <= %.0f %%: %s]\n",
                mib(static_cast<double>(finalIndex)), static_cast<long long>(files),
                mib(static_cast<double>(liveIndex)),
                archived > 0 ? static_cast<double>(finalIndex) / static_cast<double>(archived) : 0,
                share, kTargetIndexShare, verdict(share <= kTargetIndexShare));
    std::printf("  peak server RSS: %.1f MB\n", static_cast<double>(peakKiB) / 1024.0);
    server.reportLogs(dataDir);
    std::fflush(stdout);
    if (!notmuch.isEmpty())
        compareWithNotmuch(notmuch, corpus, folder.path(), mix, plain, rate);
    std::fflush(stdout);
    return searchable && plain.failures == 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    if (argc > 2 || count <= 0) {
        std::fprintf(stderr, "usage: bench_search [N]\n");
        return 2;
    }
    const QString notmuch = QStandardPaths::findExecutable(u"notmuch"_s);
    std::printf("mailkeep-server search benchmark (generator seed %llu)%s\n",
                static_cast<unsigned long long>(kSeed),
                notmuch.isEmpty() ? ", notmuch not installed" : "");
    return runOnce(count, notmuch) ? 0 : 1;
}
