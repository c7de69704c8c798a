#include "storage/EmbeddedCluster.h"

#include "storage/ClusterFiles.h"
#include "storage/PgConnection.h"
#include "storage/PgText.h"
#include "storage/PostgresProcesses.h"
#include "storage/ServiceAccount.h"
#include "storage/StorageLogging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cerrno>
#include <cstring>
#include <libpq-fe.h>
#include <sys/stat.h>

#include <signal.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Mailkeep::Storage {

namespace {

constexpr auto kSuperuser = "mailkeep";

QString absolute(const QString &path)
{
    return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

QString dataFolderOf(const QString &clusterDirectory)
{
    return QFileInfo(clusterDirectory).absolutePath();
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + u'/');
}

// unix_socket_directories is a comma-separated list; double quotes protect odd characters.
QString socketDirectorySetting(const QString &directory)
{
    if (!directory.contains(u',') && !directory.contains(u'"') && !directory.contains(u' '))
        return directory;
    QString quoted = directory;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

EmbeddedCluster::EmbeddedCluster(EmbeddedClusterOptions options)
    : m_options(std::move(options))
{
    m_options.clusterDirectory = absolute(m_options.clusterDirectory);
    const QString dataFolder = dataFolderOf(m_options.clusterDirectory);
    m_options.socketDirectory =
        m_options.socketDirectory.isEmpty()
            ? ClusterFiles::defaultSocketDirectory(m_options.clusterDirectory)
            : absolute(m_options.socketDirectory);
    m_options.logFile = m_options.logFile.isEmpty() ? dataFolder + u"/logs/postgresql.log"_s
                                                    : absolute(m_options.logFile);
}

EmbeddedCluster::~EmbeddedCluster()
{
    if (m_process) {
        if (Status stopped = stop(); !stopped.ok())
            qCWarning(lcStorage).noquote() << stopped.error().toString();
    }
}

bool EmbeddedCluster::isRunning() const
{
    // QProcess only notices an exit when it gets to look (event loop or waitFor...), so ask
    // the kernel as well.
    return m_process && m_process->state() != QProcess::NotRunning &&
           PostgresProcesses::isAlive(m_process->processId());
}

qint64 EmbeddedCluster::postmasterPid() const
{
    return isRunning() ? m_process->processId() : 0;
}

QString EmbeddedCluster::connectionString(const QString &database) const
{
    return u"host=%1 port=5432 user=%2 dbname=%3"_s.arg(
        ClusterFiles::conninfoValue(m_options.socketDirectory), QLatin1StringView(kSuperuser),
        ClusterFiles::conninfoValue(database));
}

Status EmbeddedCluster::start()
{
    if (isRunning())
        return {};
    forgetFinishedProcess();
    if (m_options.clusterDirectory.isEmpty() || m_options.clusterDirectory == u"/"_s)
        return Error(ErrorCode::InvalidArgument, u"No folder for the PostgreSQL cluster is set."_s);
    if (!ClusterFiles::socketPathFits(m_options.socketDirectory))
        return Error(ErrorCode::InvalidArgument,
                     u"The PostgreSQL socket folder path is too long for a Unix socket."_s,
                     m_options.socketDirectory);

    Result<QString> binaries =
        ClusterFiles::findBinaries(m_options.binDirectory, m_options.clusterDirectory);
    if (!binaries.ok())
        return binaries.error();
    m_binDirectory = binaries.value();
    Result<ServiceAccount> account = ServiceAccount::resolve(m_options.serviceUser);
    if (!account.ok())
        return account.error();

    if (Status prepared = prepareFolders(account.value()); !prepared.ok())
        return prepared;
    if (!QFile::exists(m_options.clusterDirectory + u"/PG_VERSION"_s)) {
        if (Status created = initialise(account.value()); !created.ok())
            return created;
    }
    if (Status recovered = PostgresProcesses::recoverStaleCluster(m_options.clusterDirectory,
                                                                  m_options.socketDirectory);
        !recovered.ok())
        return recovered;
    if (Status launched = launch(account.value()); !launched.ok())
        return launched;
    if (Status ready = waitUntilReady(); !ready.ok())
        return ready;
    return ensureDatabase(QString::fromLatin1(kSuperuser));
}

Status EmbeddedCluster::prepareFolders(const ServiceAccount &account)
{
    const QString dataFolder = dataFolderOf(m_options.clusterDirectory);
    const bool dataFolderIsNew = !QFileInfo::exists(dataFolder);
    if (!QDir().mkpath(dataFolder))
        return Error(ErrorCode::IoError, u"Cannot create the data folder %1."_s.arg(dataFolder));
    if (dataFolderIsNew && !account.switchUser)
        QFile::setPermissions(dataFolder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (Status secured = ClusterFiles::secureDataFolder(dataFolder, account); !secured.ok())
        return secured;

    if (Status socket =
            ClusterFiles::prepareOwnedDirectory(m_options.socketDirectory, account, 0700);
        !socket.ok())
        return socket;

    // The log folder goes to the service account only where that cannot hurt: inside the
    // data folder or when created here (never e.g. /var/log itself).
    const QString logFolder = QFileInfo(m_options.logFile).absolutePath();
    const bool logFolderIsNew = !QFileInfo::exists(logFolder);
    if (!QDir().mkpath(logFolder))
        return Error(ErrorCode::IoError, u"Cannot create the log folder %1."_s.arg(logFolder));
    if (account.switchUser && (logFolderIsNew || isInside(logFolder, dataFolder))) {
        if (Status owned = ClusterFiles::prepareOwnedDirectory(logFolder, account, 0750);
            !owned.ok())
            return owned;
    }

    // An existing cluster: PostgreSQL insists on owning its folder with mode 0700 (after a
    // restore by root, or when the account was recreated with another uid, it does not).
    const QByteArray cluster = QFile::encodeName(m_options.clusterDirectory);
    struct stat info
    {};
    if (::stat(cluster.constData(), &info) == 0) {
        if (account.switchUser && info.st_uid != account.uid) {
            if (Status owned = ClusterFiles::chownTree(m_options.clusterDirectory, account);
                !owned.ok())
                return owned;
        }
        ::chmod(cluster.constData(), 0700);
    }
    // Ownership and modes do not help when a folder further up is closed to the account.
    const QString reach =
        QFileInfo::exists(m_options.clusterDirectory) ? m_options.clusterDirectory : dataFolder;
    if (account.switchUser &&
        !(account.canEnter(reach) && account.canEnter(m_options.socketDirectory))) {
        return Error(ErrorCode::PermissionDenied,
                     u"The account %1 that runs PostgreSQL cannot reach the data folder %2: a "
                     "folder above it is closed to other users (like /root, mode 0700). Choose a "
                     "data folder outside /root, for example /var/lib/mailkeep."_s.arg(account.name,
                                                                                       dataFolder));
    }

    return {};
}

Status EmbeddedCluster::initialise(const ServiceAccount &account)
{
    const QDir cluster(m_options.clusterDirectory);
    if (cluster.exists() &&
        !cluster.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return Error(ErrorCode::InvalidArgument,
                     u"The folder %1 is not empty but holds no PostgreSQL cluster. Move it away "
                     "so a new cluster can be created there."_s.arg(m_options.clusterDirectory));

    // initdb works in a sibling folder that is renamed into place only when it succeeded, so
    // a crash half-way never leaves something that looks like a cluster.
    const QString staging = dataFolderOf(m_options.clusterDirectory) + u"/."_s +
                            QFileInfo(m_options.clusterDirectory).fileName() + u".initdb"_s;
    if (QFileInfo::exists(staging))
        QDir(staging).removeRecursively();
    if (Status made = ClusterFiles::prepareOwnedDirectory(staging, account, 0700); !made.ok())
        return made;

    Result<ClusterFiles::UniqueFd> log = ClusterFiles::openLogFile(m_options.logFile);
    if (!log.ok())
        return log.error();
    const qint64 offset = ClusterFiles::fileSize(m_options.logFile);
    ClusterFiles::appendToLog(log->get(),
                              u"---- %1 mailkeep: creating the cluster with initdb"_s.arg(
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
    qCInfo(lcStorage).noquote() << "Creating a PostgreSQL cluster in" << m_options.clusterDirectory;
    QStringList arguments = {u"-D"_s,
                             staging,
                             u"-U"_s,
                             QString::fromLatin1(kSuperuser),
                             u"--auth=trust"_s,
                             u"--encoding=UTF8"_s,
                             u"--locale=C.UTF-8"_s};
    if (m_options.extraSettings.contains(u"fsync=off"_s))
        arguments << u"--no-sync"_s;
    Result<int> exitCode = account.run(m_binDirectory + u"/initdb"_s, arguments, log->get(), 10min);
    if (!exitCode.ok() || exitCode.value() != 0) {
        QDir(staging).removeRecursively();
        return Error(ErrorCode::IoError, u"Creating the PostgreSQL cluster failed."_s,
                     exitCode.ok() ? ClusterFiles::logTail(m_options.logFile, offset)
                                   : exitCode.error().toString());
    }
    if (cluster.exists())
        QDir().rmdir(m_options.clusterDirectory); // empty, checked above
    if (::rename(QFile::encodeName(staging).constData(),
                 QFile::encodeName(m_options.clusterDirectory).constData()) != 0)
        return Error(
            ErrorCode::IoError,
            u"Cannot move the new PostgreSQL cluster to %1."_s.arg(m_options.clusterDirectory),
            QString::fromLocal8Bit(std::strerror(errno)));
    return {};
}

Status EmbeddedCluster::launch(const ServiceAccount &account)
{
    Result<ClusterFiles::UniqueFd> log = ClusterFiles::openLogFile(m_options.logFile);
    if (!log.ok())
        return log.error();
    m_logOffset = ClusterFiles::fileSize(m_options.logFile);
    ClusterFiles::appendToLog(log->get(),
                              u"---- %1 mailkeep: starting PostgreSQL"_s.arg(
                                  QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));

    // Not pg_ctl: as our direct child the postmaster gets PR_SET_PDEATHSIG, and its exit is
    // noticed at once.
    QStringList arguments = {
        u"-D"_s, m_options.clusterDirectory,
        u"-c"_s, u"listen_addresses="_s,
        u"-c"_s, u"unix_socket_directories="_s + socketDirectorySetting(m_options.socketDirectory),
        u"-c"_s, u"unix_socket_permissions=0700"_s,
        u"-c"_s, u"port=5432"_s,
        u"-c"_s, u"max_connections=60"_s};
    for (const QString &setting : m_options.extraSettings)
        arguments << u"-c"_s << setting;

    m_process = std::make_unique<QProcess>();
    account.prepare(*m_process, log->get());
    m_process->start(m_binDirectory + u"/postgres"_s, arguments);
    if (!m_process->waitForStarted(30000)) {
        const QString reason = m_process->errorString();
        m_process.reset();
        return Error(ErrorCode::IoError, u"Cannot start PostgreSQL."_s, reason);
    }
    qCInfo(lcStorage).noquote() << "PostgreSQL started, PID" << m_process->processId()
                                << "- socket folder" << m_options.socketDirectory;
    return {};
}

Status EmbeddedCluster::waitUntilReady()
{
    const QByteArray conninfo =
        (connectionString(u"postgres"_s) + u" connect_timeout=5"_s).toUtf8();
    const auto deadline = std::chrono::steady_clock::now() + m_options.startTimeout;
    for (;;) {
        if (PQping(conninfo.constData()) == PQPING_OK)
            return {};
        // Doubles as the 50 ms pause between attempts.
        if (m_process->waitForFinished(50)) {
            const int exitCode = m_process->exitCode();
            m_process.reset();
            return Error(
                ErrorCode::Unavailable,
                u"PostgreSQL stopped during start-up (exit code %1); see %2."_s.arg(exitCode).arg(
                    m_options.logFile),
                ClusterFiles::logTail(m_options.logFile, m_logOffset));
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            const QString tail = ClusterFiles::logTail(m_options.logFile, m_logOffset);
            (void)stop();
            return Error(ErrorCode::Unavailable,
                         u"PostgreSQL did not accept connections within %1 seconds; see %2."_s
                             .arg(m_options.startTimeout.count())
                             .arg(m_options.logFile),
                         tail);
        }
    }
}

Status EmbeddedCluster::ensureDatabase(const QString &name)
{
    Result<std::unique_ptr<PgConnection>> connection =
        PgConnection::open(connectionString(u"postgres"_s));
    if (!connection.ok())
        return connection.error();
    Result<PgResult> found =
        (*connection)->exec(u"SELECT 1 FROM pg_database WHERE datname = $1"_s, {name});
    if (!found.ok())
        return found.error();
    if (found->rowCount() > 0)
        return {};
    return createDatabase(name);
}

Status EmbeddedCluster::createDatabase(const QString &name, const QString &templateName)
{
    if (name.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"A database needs a name."_s);
    if (!isRunning())
        return Error(ErrorCode::Unavailable, u"The embedded PostgreSQL cluster is not running."_s);
    Result<std::unique_ptr<PgConnection>> connection =
        PgConnection::open(connectionString(u"postgres"_s));
    if (!connection.ok())
        return connection.error();
    QString sql = u"CREATE DATABASE "_s + PgText::quoteIdentifier(name);
    if (!templateName.isEmpty())
        sql += u" TEMPLATE "_s + PgText::quoteIdentifier(templateName);
    return (*connection)->execScript(sql);
}

Status EmbeddedCluster::stop()
{
    if (!m_process)
        return {};
    const qint64 pid = m_process->processId();
    // While QProcess has not reaped the child, its PID cannot have been reused: signalling
    // it is safe even if it has exited meanwhile.
    if (m_process->state() != QProcess::NotRunning) {
        const auto target = static_cast<pid_t>(pid);
        ::kill(target, SIGINT);
        if (!m_process->waitForFinished(30000) && m_process->state() != QProcess::NotRunning) {
            qCWarning(lcStorage) << "PostgreSQL did not stop within 30 s; sending SIGQUIT";
            ::kill(target, SIGQUIT);
            if (!m_process->waitForFinished(5000) && m_process->state() != QProcess::NotRunning) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
    }
    const bool stopped = m_process->state() == QProcess::NotRunning;
    if (!stopped)
        return Error(ErrorCode::Internal, u"PostgreSQL (PID %1) does not stop."_s.arg(pid));
    m_process.reset();
    qCInfo(lcStorage) << "PostgreSQL stopped, PID" << pid;
    return {};
}

void EmbeddedCluster::forgetFinishedProcess()
{
    // A postmaster that died (crash, SIGKILL) is reaped before a new one is started.
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning)
        m_process->waitForFinished(5000);
    if (m_process->state() == QProcess::NotRunning)
        m_process.reset();
}

Result<bool> EmbeddedCluster::serviceAccountCanEnter(const QString &serviceUser,
                                                     const QString &directory)
{
    Result<ServiceAccount> account = ServiceAccount::resolve(serviceUser);
    if (!account.ok())
        return account.error();
    return !account->switchUser || account->canEnter(directory);
}

} // namespace Mailkeep::Storage
