#include "IngestSupport.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QTcpServer>
#include <QThread>
#include <QUrl>

#include <cstdio>
#include <sys/stat.h>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int kShownComplaints = 10;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

bool isComplaint(const QByteArray &line)
{
    return line.contains(" warning ") || line.contains(" error ") || line.contains(" fatal ");
}

} // namespace

long statusKiB(qint64 pid, const char *field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').first().toLong();
    }
    return -1;
}

double cpuSeconds(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    // The command name in parentheses may hold spaces; the fields after it do not.
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    // utime and stime are fields 14 and 15 of the file, 12 and 13 after the name.
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) /
           static_cast<double>(sysconf(_SC_CLK_TCK));
}

qint64 diskUsage(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        struct stat info;
        if (::lstat(QFile::encodeName(it.next()).constData(), &info) == 0)
            total += static_cast<qint64>(info.st_blocks) * 512;
    }
    return total;
}

qint64 fileBytes(const QString &folder, qint64 *files)
{
    qint64 total = 0;
    qint64 count = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
        ++count;
    }
    if (files)
        *files = count;
    return total;
}

qint64 Server::start(const QString &dataDir)
{
    QElapsedTimer timer;
    timer.start();
    port = freePort();
    // The server logs to stderr; warnings and errors are kept for the report.
    QObject::connect(&process, &QProcess::readyReadStandardError, &process, [this] {
        m_partialLine += process.readAllStandardError();
        const qsizetype end = m_partialLine.lastIndexOf('\n');
        if (end < 0)
            return;
        for (const QByteArray &line : m_partialLine.first(end).split('\n')) {
            if (!isComplaint(line))
                continue;
            ++m_complaintCount;
            if (m_complaints.size() < kShownComplaints)
                m_complaints << line;
        }
        m_partialLine.remove(0, end + 1);
    });
    // MAILKEEP_SERVER_BINARY in the environment measures another build (e.g. a Release one).
    const QString binary =
        qEnvironmentVariable("MAILKEEP_SERVER_BINARY", QStringLiteral(MAILKEEP_SERVER_BINARY));
    process.start(binary, {u"--data-dir"_s, dataDir, u"--api-port"_s, QString::number(port),
                           u"--log-level"_s, u"warning"_s});
    QNetworkAccessManager network;
    while (timer.elapsed() < 120000 && process.state() != QProcess::NotRunning) {
        QNetworkRequest request(QUrl(u"https://127.0.0.1:%1/api/invoke/GetServerInfo"_s.arg(port)));
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

void Server::stop()
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    process.waitForFinished(120000);
}

void Server::reportLogs(const QString &dataDir)
{
    std::printf("  server log: %lld warning/error line(s)\n",
                static_cast<long long>(m_complaintCount));
    for (const QByteArray &line : std::as_const(m_complaints))
        std::printf("    %s\n", line.constData());
    QFile cluster(dataDir + u"/logs/postgresql/postgresql.log"_s);
    if (!cluster.open(QIODevice::ReadOnly))
        return;
    qint64 count = 0;
    QList<QByteArray> shown;
    for (const QByteArray &line : cluster.readAll().split('\n')) {
        if (line.contains("ERROR:") || line.contains("FATAL:") || line.contains("PANIC:")) {
            ++count;
            if (shown.size() < kShownComplaints)
                shown << line;
        }
    }
    std::printf("  PostgreSQL log: %lld ERROR/FATAL/PANIC line(s)\n",
                static_cast<long long>(count));
    for (const QByteArray &line : std::as_const(shown))
        std::printf("    %s\n", line.constData());
}

ApiClient::ApiClient(quint16 port, const QString &dataDir)
    : m_port(port)
{
    QFile passwordFile(dataDir + u"/initial-admin-password"_s);
    if (passwordFile.open(QIODevice::ReadOnly))
        m_authorization =
            "Basic " + QByteArray("admin:" + passwordFile.readAll().trimmed()).toBase64();
}

QJsonObject ApiClient::post(const QString &path, const Arguments &arguments, QString &error)
{
    QByteArray body;
    for (const auto &[name, value] : arguments)
        body += (body.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(name) + '=' +
                QUrl::toPercentEncoding(value);
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    request.setRawHeader("Authorization", m_authorization);
    request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
    QNetworkReply *reply = m_network.post(request, body);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                     [reply] { reply->ignoreSslErrors(); });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    reply->deleteLater();
    QByteArray answer = reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        error = u"HTTP %1 from %2: %3"_s.arg(status).arg(path, reply->errorString());
        return {};
    }
    if (answer.startsWith("\xEF\xBB\xBF"))
        answer.remove(0, 3); // the envelope starts with a byte-order mark
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(answer, &parseError);
    if (!document.isObject())
        error = u"unreadable answer from %1: %2"_s.arg(path, parseError.errorString());
    return document.object();
}

ApiClient::Outcome ApiClient::invoke(const QString &function, const Arguments &arguments)
{
    Outcome outcome;
    QJsonObject envelope = post(u"/api/invoke/"_s + function, arguments, outcome.error);
    while (outcome.error.isEmpty() && envelope[u"statusCode"_s].toString() == u"running"_s) {
        envelope = post(u"/api/get-status"_s,
                        {{u"token"_s, envelope[u"token"_s].toString()},
                         {u"lastKnownStatusVersion"_s,
                          QString::number(envelope[u"statusVersion"_s].toInteger())},
                         {u"millisecondsTimeout"_s, u"10000"_s}},
                        outcome.error);
    }
    if (!outcome.error.isEmpty())
        return outcome;
    const QString status = envelope[u"statusCode"_s].toString();
    outcome.ok = status == u"succeeded"_s;
    outcome.result = envelope[u"result"_s];
    if (!outcome.ok) {
        const QJsonObject error = envelope[u"error"_s].toObject();
        outcome.error = status + u": "_s + error[u"message"_s].toString();
        if (!error[u"details"_s].toString().isEmpty())
            outcome.error += u" ("_s + error[u"details"_s].toString() + u')';
    }
    return outcome;
}
