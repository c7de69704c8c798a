// What bench_ingest needs around the real server: starting and stopping it on a free port,
// calling its API (long-running calls followed to their end), and reading /proc and the disk.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QString>

#include <utility>

// A field of /proc/<pid>/status in KiB ("VmRSS:", "VmHWM:"), or -1.
long statusKiB(qint64 pid, const char *field);
// User plus system CPU time of the process so far.
double cpuSeconds(qint64 pid);
// What the folder takes on disk, counted in allocated blocks like du.
qint64 diskUsage(const QString &folder);
// The sum of the sizes of the files in the folder and below, as ls shows them; files, when
// given, receives how many there are.
qint64 fileBytes(const QString &folder, qint64 *files = nullptr);

class Server
{
public:
    ~Server() { stop(); }
    // Starts mailkeep-server on the data folder; the milliseconds until its API answered, or -1.
    qint64 start(const QString &dataDir);
    void stop();
    // Prints the warnings and errors the server and its PostgreSQL cluster logged.
    void reportLogs(const QString &dataDir);

    QProcess process;
    quint16 port = 0;

private:
    QList<QByteArray> m_complaints;
    qint64 m_complaintCount = 0;
    QByteArray m_partialLine;
};

class ApiClient
{
public:
    struct Outcome
    {
        bool ok = false;
        QString error;
        QJsonValue result;
    };
    using Arguments = QList<std::pair<QString, QString>>;

    // Signs in as admin with the initial password the server left in the data folder.
    ApiClient(quint16 port, const QString &dataDir);
    // Calls the function and, when it runs long, follows it through get-status to its end.
    Outcome invoke(const QString &function, const Arguments &arguments);

private:
    QJsonObject post(const QString &path, const Arguments &arguments, QString &error);

    QNetworkAccessManager m_network;
    quint16 m_port;
    QByteArray m_authorization;
};
