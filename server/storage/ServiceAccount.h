#pragma once

#include "model/Result.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <sys/types.h>

class QProcess;

namespace Mailkeep::Storage {

// The account the embedded PostgreSQL runs as. PostgreSQL refuses to run as root, so a root
// server hands its cluster to a system account; any other user simply runs it as itself.
// Internal to the embedded cluster.
struct ServiceAccount
{
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
    bool switchUser = false; // this process is root: children drop to uid/gid

    // Root: the named system account, created with useradd when missing. Otherwise the
    // account of this process (serviceUser is then ignored).
    static Result<ServiceAccount> resolve(const QString &serviceUser);

    // Sets process up to run as this account: stdin /dev/null, stdout and stderr on outputFd
    // (or /dev/null when negative), working directory "/", and PR_SET_PDEATHSIG SIGINT so
    // it shuts down cleanly when the thread that started it goes away.
    void prepare(QProcess &process, int outputFd) const;

    // Runs a program as this account to its end; its exit code, -1 when it crashed.
    Result<int> run(const QString &program, const QStringList &arguments, int outputFd,
                    std::chrono::milliseconds timeout) const;

    // Whether this account can enter directory: every folder above it must let it through.
    bool canEnter(const QString &directory) const;
};

} // namespace Mailkeep::Storage
