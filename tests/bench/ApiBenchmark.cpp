// Measures the real mailkeep-server: first start (initdb included) and restart times, latency and
// throughput of authenticated API calls over keep-alive HTTPS connections, and the server's
// resident memory. Prints figures; asserts nothing.
//
//   bench_api [calls per connection, default 500] [connections, default 8]
//   MAILKEEP_SERVER_BINARY=build-release/bin/mailkeep-server bench_api
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

long residentKiB(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

struct Server
{
    QProcess process;
    quint16 port = 0;
};

// Starts the server and returns the milliseconds until its API answered.
qint64 start(Server &server, const QString &dataDir)
{
    QElapsedTimer timer;
    timer.start();
    server.process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // MAILKEEP_SERVER_BINARY in the environment measures another build (e.g. a Release one).
    const QString binary =
        qEnvironmentVariable("MAILKEEP_SERVER_BINARY", QStringLiteral(MAILKEEP_SERVER_BINARY));
    server.process.start(binary, {u"--data-dir"_s, dataDir, u"--api-port"_s,
                                  QString::number(server.port), u"--log-level"_s, u"warning"_s});
    QNetworkAccessManager network;
    while (timer.elapsed() < 120000) {
        QNetworkRequest request(
            QUrl(u"https://127.0.0.1:%1/api/invoke/GetServerInfo"_s.arg(server.port)));
        QNetworkReply *reply = network.post(request, QByteArray());
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply] { reply->ignoreSslErrors(); });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status == 401)
            return timer.elapsed();
        QThread::msleep(20);
    }
    return -1;
}

void stop(Server &server)
{
    server.process.terminate();
    server.process.waitForFinished(60000);
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[static_cast<size_t>(p * (values.size() - 1))];
}

// `connections` clients, each sending `calls` requests one after another on its own connection.
void measureCalls(quint16 port, const QByteArray &authorization, int calls, int connections)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> clients;
    std::vector<double> latencies;
    int outstanding = 0;
    int failures = 0;
    QEventLoop loop;
    QElapsedTimer wall;
    wall.start();
    std::function<void(QNetworkAccessManager *, int)> send = [&](QNetworkAccessManager *network,
                                                                 int left) {
        if (left == 0) {
            if (--outstanding == 0)
                loop.quit();
            return;
        }
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/api/invoke/GetServerInfo"_s.arg(port)));
        request.setRawHeader("Authorization", authorization);
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        auto *timer = new QElapsedTimer;
        timer->start();
        QNetworkReply *reply = network->post(request, QByteArray());
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply] { reply->ignoreSslErrors(); });
        QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, timer, network, left] {
            latencies.push_back(static_cast<double>(timer->nsecsElapsed()) / 1e6);
            delete timer;
            if (!reply->readAll().contains("\"succeeded\""))
                ++failures;
            reply->deleteLater();
            send(network, left - 1);
        });
    };
    for (int i = 0; i < connections; ++i) {
        clients.push_back(std::make_unique<QNetworkAccessManager>());
        ++outstanding;
        send(clients.back().get(), calls);
    }
    loop.exec();
    const double seconds = static_cast<double>(wall.elapsed()) / 1000.0;
    std::printf("  %d connection(s) x %d calls: %.0f calls/s, latency p50 %.2f ms, p95 %.2f ms, "
                "p99 %.2f ms, failures %d\n",
                connections, calls, static_cast<double>(latencies.size()) / seconds,
                percentile(latencies, 0.5), percentile(latencies, 0.95),
                percentile(latencies, 0.99), failures);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int calls = argc > 1 ? std::atoi(argv[1]) : 500;
    const int connections = argc > 2 ? std::atoi(argv[2]) : 8;
    QTemporaryDir folder(QDir::tempPath() + u"/mailkeep-bench-XXXXXX"_s);
    QFile::setPermissions(folder.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                             QFile::ExeGroup | QFile::ExeOther);
    const QString dataDir = folder.path() + u"/data"_s;

    Server first;
    first.port = freePort();
    std::printf("mailkeep-server API benchmark\n");
    std::printf("  first start (initdb, migrations, certificate): %lld ms\n",
                static_cast<long long>(start(first, dataDir)));
    stop(first);
    Server server;
    server.port = freePort();
    std::printf("  restart: %lld ms\n", static_cast<long long>(start(server, dataDir)));
    std::printf("  resident memory after start: %ld KiB\n",
                residentKiB(server.process.processId()));

    QFile passwordFile(dataDir + u"/initial-admin-password"_s);
    passwordFile.open(QIODevice::ReadOnly);
    const QByteArray authorization =
        "Basic " + QByteArray(QByteArray("admin:") + passwordFile.readAll().trimmed()).toBase64();
    measureCalls(server.port, authorization, calls, 1);
    measureCalls(server.port, authorization, calls, connections);
    std::printf("  resident memory after the calls: %ld KiB\n",
                residentKiB(server.process.processId()));
    std::fflush(stdout);
    stop(server);
    return 0;
}
