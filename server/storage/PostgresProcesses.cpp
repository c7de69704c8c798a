#include "storage/PostgresProcesses.h"

#include "storage/StorageLogging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <thread>

#include <signal.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Mailkeep::Storage::PostgresProcesses {

namespace {

QByteArray readProcFile(qint64 pid, const char *entry)
{
    QFile file(u"/proc/%1/"_s.arg(pid) + QString::fromLatin1(entry));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QString canonical(const QString &path)
{
    const QString resolved = QFileInfo(path).canonicalFilePath();
    return resolved.isEmpty() ? QDir::cleanPath(QFileInfo(path).absoluteFilePath()) : resolved;
}

} // namespace

bool isAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    // "pid (comm) S ...": the state follows the last ')' since comm may contain anything.
    const QByteArray stat = readProcFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return false;
    const char state = stat.at(close + 2);
    return state != 'Z' && state != 'X';
}

namespace {

bool isPostgres(qint64 pid)
{
    const QByteArray command = readProcFile(pid, "comm").trimmed();
    return command == "postgres" || command == "postmaster";
}

// Empty when unreadable (another user's process and we are not root).
QString workingDirectory(qint64 pid)
{
    return QFileInfo(u"/proc/%1/cwd"_s.arg(pid)).symLinkTarget();
}

} // namespace

bool belongsToCluster(qint64 pid, const QString &clusterDirectory)
{
    if (pid <= 0 || pid == getpid() || !isPostgres(pid))
        return false;
    const QString cwd = workingDirectory(pid);
    return !cwd.isEmpty() && cwd == canonical(clusterDirectory);
}

QList<qint64> processesOfCluster(const QString &clusterDirectory)
{
    QList<qint64> pids;
    for (const QString &entry : QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const qint64 pid = entry.toLongLong(&numeric);
        if (numeric && isAlive(pid) && belongsToCluster(pid, clusterDirectory))
            pids.append(pid);
    }
    return pids;
}

bool waitForExit(qint64 pid, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (isAlive(pid)) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

bool stop(qint64 pid, std::chrono::milliseconds grace)
{
    const auto target = static_cast<pid_t>(pid);
    ::kill(target, SIGINT);
    if (waitForExit(pid, grace))
        return true;
    qCWarning(lcStorage) << "PostgreSQL process" << pid << "ignored SIGINT; sending SIGQUIT";
    ::kill(target, SIGQUIT);
    if (waitForExit(pid, 5s))
        return true;
    ::kill(target, SIGKILL);
    return waitForExit(pid, 5s);
}

qint64 readPidFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readLine().trimmed().toLongLong();
}

Status recoverStaleCluster(const QString &clusterDirectory, const QString &socketDirectory)
{
    const QString pidFile = clusterDirectory + u"/postmaster.pid"_s;
    const qint64 postmaster = readPidFile(pidFile);
    if (postmaster > 0 && isAlive(postmaster) && belongsToCluster(postmaster, clusterDirectory)) {
        qCWarning(lcStorage).noquote()
            << "A PostgreSQL server left behind by an earlier run (PID" << postmaster
            << ") still uses" << clusterDirectory << "- shutting it down";
        if (!stop(postmaster, 30s))
            return Error(ErrorCode::Unavailable,
                         u"A PostgreSQL server left behind by an earlier run (PID %1) cannot be "
                         "stopped."_s.arg(postmaster),
                         clusterDirectory);
    }
    if (postmaster > 0 && isAlive(postmaster) && isPostgres(postmaster) &&
        workingDirectory(postmaster).isEmpty()) {
        // Removing the lock of a live postmaster would let a second one corrupt the cluster.
        return Error(ErrorCode::PermissionDenied,
                     u"PostgreSQL process %1 may still use the cluster, but this account cannot "
                     "check it."_s.arg(postmaster),
                     clusterDirectory);
    }
    if (QFile::exists(pidFile)) {
        // Its process is gone, or the PID now belongs to another program: either way stale.
        qCInfo(lcStorage).noquote() << "Removing the stale" << pidFile << "(PID"
                                    << readPidFile(pidFile) << "is no postgres of this cluster)";
        QFile::remove(pidFile);
    }

    // Backends of a killed postmaster end when they notice it is gone; until then they keep
    // the old shared memory attached, and a new postmaster refuses to start.
    for (const qint64 child : processesOfCluster(clusterDirectory)) {
        if (!waitForExit(child, 10s) && !stop(child, 5s))
            return Error(
                ErrorCode::Unavailable,
                u"A PostgreSQL process of an earlier run (PID %1) cannot be stopped."_s.arg(child),
                clusterDirectory);
    }

    const QString lockFile = socketDirectory + u"/.s.PGSQL.5432.lock"_s;
    if (QFile::exists(lockFile)) {
        const qint64 owner = readPidFile(lockFile);
        const bool live = isAlive(owner) && isPostgres(owner);
        if (!live) { // a live postgres elsewhere may own it legitimately: leave that one alone
            qCInfo(lcStorage).noquote() << "Removing the stale socket lock" << lockFile;
            QFile::remove(lockFile);
            QFile::remove(socketDirectory + u"/.s.PGSQL.5432"_s);
        }
    }
    return {};
}

} // namespace Mailkeep::Storage::PostgresProcesses
