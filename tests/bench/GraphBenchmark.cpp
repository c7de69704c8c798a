// Measures Microsoft 365 archiving through Graph in the real mailkeep-server: a mailbox of N
// generated messages in the fake Microsoft 365 with 50 ms added to every request and Outlook's
// real limits per app and mailbox (4 requests at once, 10,000 in 10 minutes), archived by a
// microsoft365Mailbox profile. Prints messages/s and the ratio to the ceiling those limits
// allow one mailbox. Asserts nothing.
//
//   bench_graph [N] [latency ms]          (default: 10000 50)
#include "BenchCorpus.h"
#include "IngestSupport.h"
#include "support/TestMicrosoft365.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using Mailkeep::Testing::TestMicrosoft365;

namespace {

constexpr std::uint64_t kSeed = 20261201;
constexpr double kTargetShare = 0.9;
constexpr int kParallel = 4;
constexpr int kBudget = 10000;
constexpr double kWindowSeconds = 600;
constexpr int kPageSize = 100; // messages per delta page the server asks for
const QString kTenant = u"8f2c1a7e-4b3d-4e5f-9a6b-1c2d3e4f5a6b"_s;
const QString kApp = u"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"_s;
const QString kMailbox = u"bench@contoso.onmicrosoft.com"_s;

// The least time Outlook's limits allow for `requests` requests of `latency` seconds each:
// 4 at once, and no more than 10,000 in any 10 minutes.
double ceilingSeconds(qint64 requests, double latency)
{
    const double rate = kParallel / latency;
    if (requests <= kBudget)
        return static_cast<double>(requests) / rate;
    return kWindowSeconds + static_cast<double>(requests - kBudget) / rate;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 10000;
    const int latencyMs = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 50;
    std::printf("mailkeep-server Microsoft Graph benchmark (generator seed %llu)\n\nN = %d, "
                "%d ms per request, limits: %d at once, %d requests per %.0f s\n",
                static_cast<unsigned long long>(kSeed), count, latencyMs, kParallel, kBudget,
                kWindowSeconds);
    QTemporaryDir folder(QDir::tempPath() + u"/mailkeep-bench-graph-XXXXXX"_s);
    Corpus corpus;
    if (!generateCorpus(kSeed, count, folder.path(), true, corpus)) {
        std::printf("  cannot generate the messages\n");
        return 1;
    }
    QFile::remove(corpus.mbox);
    QJsonArray messages;
    qint64 bytes = 0;
    QDirIterator files(corpus.maildir + u"/cur"_s, QDir::Files);
    while (files.hasNext()) {
        messages.append(QJsonObject{{u"file"_s, files.next()}});
        bytes += files.fileInfo().size();
    }

    TestMicrosoft365 fake;
    if (Mailkeep::Status started = fake.start(); !started.ok()) {
        std::printf("  the fake Microsoft 365 does not start: %s\n",
                    qPrintable(started.error().toString()));
        return 1;
    }
    const QString data = folder.filePath(u"data"_s);
    QDir().mkpath(data);
    QFile config(data + u"/mailkeep-server.conf"_s);
    if (!config.open(QIODevice::WriteOnly))
        return 1;
    config.write(u"[microsoft365]\nglobalLoginUrl=%1\nglobalGraphUrl=%1\ncaCertificates=%2\n"_s
                     .arg(fake.baseUrl(), fake.caFile())
                     .toUtf8());
    config.close();
    Server server;
    if (server.start(data) < 0) {
        std::printf("  the server does not start\n");
        return 1;
    }
    ApiClient api(server.port, data);
    api.invoke(u"CreateUser"_s, {{u"userName"_s, u"bench"_s}, {u"privileges"_s, u"login"_s}});
    const ApiClient::Outcome credential =
        api.invoke(u"CreateCredential"_s, {{u"type"_s, u"Office365_Modern"_s},
                                           {u"description"_s, u"bench"_s},
                                           {u"tenantId"_s, kTenant},
                                           {u"applicationId"_s, kApp}});
    if (!credential.ok) {
        std::printf("  CreateCredential failed: %s\n", qPrintable(credential.error));
        return 1;
    }
    const QString credentialId = QString::number(credential.result[u"id"_s].toInteger());
    const QString certificate =
        api.invoke(u"GetCredentialCertificate"_s, {{u"id"_s, credentialId}})
            .result[u"certificate"_s]
            .toString();
    const QJsonObject scenario{
        {u"latencyMs"_s, latencyMs},
        {u"tenants"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, kTenant},
             {u"apps"_s,
              QJsonArray{QJsonObject{{u"appId"_s, kApp},
                                     {u"certificates"_s, QJsonArray{certificate}},
                                     {u"roles"_s,
                                      QJsonObject{{u"graph"_s, QJsonArray{u"Mail.ReadWrite"_s}}}}}}},
             {u"users"_s,
              QJsonArray{QJsonObject{
                  {u"id"_s, u"22222222-aaaa-4bbb-8ccc-000000000001"_s},
                  {u"userPrincipalName"_s, kMailbox},
                  {u"mailbox"_s,
                   QJsonObject{{u"folders"_s,
                                QJsonArray{QJsonObject{{u"displayName"_s, u"Inbox"_s},
                                                       {u"messages"_s, messages}}}}}}}}}}}}};
    if (Mailkeep::Status loaded = fake.loadScenario(scenario); !loaded.ok()) {
        std::printf("  the scenario does not load: %s\n", qPrintable(loaded.error().toString()));
        return 1;
    }
    const QJsonObject profile{{u"name"_s, u"bench"_s},
                              {u"type"_s, u"microsoft365Mailbox"_s},
                              {u"credentialId"_s, credentialId.toLongLong()},
                              {u"mailbox"_s, kMailbox},
                              {u"userName"_s, u"bench"_s}};
    const ApiClient::Outcome created = api.invoke(
        u"CreateProfile"_s,
        {{u"properties"_s, QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact))}});
    if (!created.ok) {
        std::printf("  CreateProfile failed: %s\n", qPrintable(created.error));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    const ApiClient::Outcome ran = api.invoke(
        u"RunProfile"_s, {{u"id"_s, QString::number(created.result[u"id"_s].toInteger())}});
    const double seconds = static_cast<double>(timer.elapsed()) / 1000.0;
    if (!ran.ok) {
        std::printf("  RunProfile failed: %s\n", qPrintable(ran.error));
        return 1;
    }
    const int archived = ran.result[u"archived"_s].toInt();
    const int duplicates =
        ran.result[u"alreadyArchived"_s].toInt() + ran.result[u"duplicatesSkipped"_s].toInt();
    const int failed = ran.result[u"failed"_s].toInt();
    const QJsonObject graph = ran.result[u"graph"_s].toObject();
    const double rate = (archived + duplicates) / seconds;
    // Each message is one $value request; a delta page per 100; the folder list and the four
    // well-known folders; one last, empty delta page.
    const qint64 fewest = count + static_cast<qint64>(std::ceil(count / double(kPageSize))) + 6;
    const double ceiling = ceilingSeconds(fewest, latencyMs / 1000.0);
    std::printf("  mailbox: %d messages, %.1f MB\n", count, static_cast<double>(bytes) / 1e6);
    std::printf("  run: %.1f s, %d archived + %d duplicates recognised, %d failed: %.1f "
                "messages/s\n",
                seconds, archived, duplicates, failed, rate);
    std::printf("  requests: %lld (fewest possible %lld), throttled answers %lld, %.1f s waited, "
                "at most %d in flight\n",
                static_cast<long long>(graph[u"requests"_s].toInteger()),
                static_cast<long long>(fewest),
                static_cast<long long>(graph[u"throttled"_s].toInteger()),
                graph[u"throttledSeconds"_s].toDouble(), graph[u"mostInFlight"_s].toInt());
    const Mailkeep::Result<QJsonObject> seen = fake.throttling();
    if (seen.ok()) {
        for (auto it = seen->begin(); it != seen->end(); ++it)
            std::printf("  the fake saw: at most %d at once, %d refused for concurrency, %d for "
                        "the budget\n",
                        it.value()[u"maxInFlight"_s].toInt(),
                        it.value()[u"refusedForConcurrency"_s].toInt(),
                        it.value()[u"refusedForBudget"_s].toInt());
    }
    const double share = ceiling / seconds;
    std::printf("  ceiling for one mailbox: %.1f s (%.1f messages/s); reached %.0f %% [target >= "
                "%.0f %%, zero failures: %s]\n",
                ceiling, count / ceiling, 100 * share, 100 * kTargetShare,
                share >= kTargetShare && failed == 0 ? "PASS" : "MISS");
    server.stop();
    server.reportLogs(data);
    return 0;
}
