#pragma once

#include "model/Result.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <memory>

class QProcess;

namespace Mailkeep::Storage {

struct ServiceAccount;

struct EmbeddedClusterOptions
{
    QString clusterDirectory; // PGDATA, e.g. <data-dir>/postgresql
    // Empty: <parent of clusterDirectory>/run, or a private /tmp/mailkeep-pg-<hash> folder
    // when a socket path there would exceed the 107 bytes of sun_path.
    QString socketDirectory;
    // postgres' stdout and stderr are appended here. Empty: <parent>/logs/postgresql.log.
    QString logFile;
    // The account postgres runs as when this process is root (created if missing).
    QString serviceUser = QStringLiteral("mailkeep");
    // Empty: $MAILKEEP_PG_BINDIR, else the newest /usr/lib/postgresql/<N>/bin, else $PATH.
    QString binDirectory;
    // "name=value" settings passed to postgres as -c. With fsync=off among them initdb skips
    // its final sync as well (tests).
    QStringList extraSettings;
    std::chrono::seconds startTimeout{60};
};

// A private PostgreSQL cluster in the server's data folder, used when no external database is
// configured. It listens on a Unix socket only, in a folder only its account may enter, so
// "trust" authentication is safe. The superuser is "mailkeep"; start() creates the database
// "mailkeep".
//
// start() survives a previous server run that was killed: a postmaster still running on the
// cluster is shut down first, and stale lock files are removed.
//
// Threads: use an object from one thread only, and call start() from a thread that lives as
// long as the cluster runs (normally the main thread): postgres gets PR_SET_PDEATHSIG, which
// Linux fires when the *thread* that started it ends; it then shuts down cleanly, which also
// covers this process being killed with SIGKILL.
class EmbeddedCluster
{
public:
    explicit EmbeddedCluster(EmbeddedClusterOptions options);
    // stop()s a running cluster (destroying a running QProcess would SIGKILL it).
    ~EmbeddedCluster();
    EmbeddedCluster(const EmbeddedCluster &) = delete;
    EmbeddedCluster &operator=(const EmbeddedCluster &) = delete;

    // Creates the cluster on first use, starts postgres and waits until it accepts
    // connections. A no-op when it runs already.
    Status start();
    // Fast shutdown: SIGINT, after 30 s SIGQUIT, then SIGKILL; returns once postgres is gone.
    Status stop();

    bool isRunning() const;
    qint64 postmasterPid() const; // 0 when not running
    QString clusterDirectory() const { return m_options.clusterDirectory; }
    QString socketDirectory() const { return m_options.socketDirectory; }
    QString logFile() const { return m_options.logFile; }
    // "host=<socket dir> port=5432 user=mailkeep dbname=<database>", values quoted as needed.
    QString connectionString(const QString &database = QStringLiteral("mailkeep")) const;
    // CREATE DATABASE, optionally as a copy of templateName; names are quoted identifiers.
    Status createDatabase(const QString &name, const QString &templateName = {});

    // Whether the account postgres would run as (see EmbeddedClusterOptions::serviceUser) can
    // enter directory. Always true when this process is not root. May create the account.
    static Result<bool> serviceAccountCanEnter(const QString &serviceUser,
                                               const QString &directory);

private:
    Status prepareFolders(const ServiceAccount &account);
    Status initialise(const ServiceAccount &account);
    Status launch(const ServiceAccount &account);
    Status waitUntilReady();
    Status ensureDatabase(const QString &name);
    void forgetFinishedProcess();

    EmbeddedClusterOptions m_options; // with every path resolved
    QString m_binDirectory;
    std::unique_ptr<QProcess> m_process;
    qint64 m_logOffset = 0; // where this start's lines begin in the log
};

} // namespace Mailkeep::Storage
