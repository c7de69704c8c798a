#pragma once

#include "model/Result.h"

#include <QList>
#include <QString>

#include <chrono>

// Finding and ending PostgreSQL processes that this server object did not start itself, e.g.
// those of an earlier server run that was killed. Linux only (/proc). Internal to
// EmbeddedCluster.
namespace Mailkeep::Storage::PostgresProcesses {

// The process exists and has not exited (zombies count as gone).
bool isAlive(qint64 pid);
// The process is a postgres whose working directory is clusterDirectory: PostgreSQL changes
// into its data folder, which tells a cluster's processes from a reused PID.
bool belongsToCluster(qint64 pid, const QString &clusterDirectory);
// Every postgres process of that cluster.
QList<qint64> processesOfCluster(const QString &clusterDirectory);

// Polls until the process is gone.
bool waitForExit(qint64 pid, std::chrono::milliseconds timeout);
// Fast shutdown for a process that is not our child: SIGINT, after grace SIGQUIT, 5 s later
// SIGKILL. True once it is gone.
bool stop(qint64 pid, std::chrono::milliseconds grace);

// The PID on the first line of postmaster.pid or .s.PGSQL.5432.lock; 0 when unreadable.
qint64 readPidFile(const QString &path);

// Clears what a killed server left behind, before a postmaster is started: stops a still
// running postmaster of this cluster, waits for its orphaned children, and removes a stale
// postmaster.pid and socket lock (whose PID may meanwhile belong to an unrelated process,
// which would make PostgreSQL refuse to start).
Status recoverStaleCluster(const QString &clusterDirectory, const QString &socketDirectory);

} // namespace Mailkeep::Storage::PostgresProcesses
