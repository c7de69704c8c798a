#include "storage/ServiceAccount.h"

#include "storage/StorageLogging.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <optional>
#include <sys/prctl.h>
#include <vector>

#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

struct Passwd
{
    QString name;
    uid_t uid = 0;
    gid_t gid = 0;
};

std::optional<Passwd> lookUp(const QByteArray *name, uid_t uid)
{
    long size = sysconf(_SC_GETPW_R_SIZE_MAX);
    std::vector<char> buffer(static_cast<size_t>(size > 0 ? size : 16384));
    passwd entry{};
    passwd *found = nullptr;
    const int rc = name
                       ? getpwnam_r(name->constData(), &entry, buffer.data(), buffer.size(), &found)
                       : getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found);
    if (rc != 0 || !found)
        return std::nullopt;
    return Passwd{QString::fromLocal8Bit(found->pw_name), found->pw_uid, found->pw_gid};
}

Status createSystemAccount(const QString &name)
{
    QString useradd = QStandardPaths::findExecutable(u"useradd"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    if (useradd.isEmpty())
        useradd = QStandardPaths::findExecutable(u"useradd"_s);
    if (useradd.isEmpty())
        return Error(
            ErrorCode::NotFound,
            u"Cannot create the account %1 for PostgreSQL: useradd is not installed."_s.arg(name));
    qCInfo(lcStorage).noquote() << "Creating the system account" << name << "for PostgreSQL";
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(useradd,
                  {u"--system"_s, u"--user-group"_s, u"--no-create-home"_s, u"--home-dir"_s,
                   u"/nonexistent"_s, u"--shell"_s, u"/usr/sbin/nologin"_s, name});
    const bool finished = process.waitForFinished(60000);
    const QString output = QString::fromLocal8Bit(process.readAll()).trimmed();
    // Exit code 9: the name was taken meanwhile, e.g. by a second server starting at once.
    if (!finished || process.exitStatus() != QProcess::NormalExit ||
        (process.exitCode() != 0 && process.exitCode() != 9))
        return Error(ErrorCode::PermissionDenied,
                     u"Cannot create the system account %1 that runs PostgreSQL."_s.arg(name),
                     output.isEmpty() ? process.errorString() : output);
    return {};
}

} // namespace

Result<ServiceAccount> ServiceAccount::resolve(const QString &serviceUser)
{
    if (geteuid() != 0) {
        const std::optional<Passwd> self = lookUp(nullptr, geteuid());
        return ServiceAccount{self ? self->name : QString::number(geteuid()), geteuid(), getegid(),
                              false};
    }
    static const QRegularExpression validName(u"^[a-z_][a-z0-9_-]{0,31}$"_s);
    if (!validName.match(serviceUser).hasMatch())
        return Error(ErrorCode::InvalidArgument,
                     u"The PostgreSQL service account name is not a valid user name."_s,
                     serviceUser);
    const QByteArray name = serviceUser.toLocal8Bit();
    std::optional<Passwd> account = lookUp(&name, 0);
    if (!account) {
        if (Status created = createSystemAccount(serviceUser); !created.ok())
            return created.error();
        account = lookUp(&name, 0);
        if (!account)
            return Error(
                ErrorCode::NotFound,
                u"The system account %1 for PostgreSQL was created but cannot be found."_s.arg(
                    serviceUser));
    }
    if (account->uid == 0)
        return Error(
            ErrorCode::InvalidArgument,
            u"PostgreSQL cannot run as the account %1: it has user ID 0."_s.arg(serviceUser));
    return ServiceAccount{account->name, account->uid, account->gid, true};
}

void ServiceAccount::prepare(QProcess &process, int outputFd) const
{
    process.setWorkingDirectory(u"/"_s); // the service account may not enter ours
    process.setStandardInputFile(QProcess::nullDevice());
    if (outputFd >= 0) {
        process.setProcessChannelMode(QProcess::ForwardedChannels); // replaced in the child
    } else {
        process.setStandardOutputFile(QProcess::nullDevice());
        process.setStandardErrorFile(QProcess::nullDevice());
    }
    // Everything the child needs is computed here: between fork and exec only
    // async-signal-safe calls are allowed.
    const uid_t childUid = uid;
    const gid_t childGid = gid;
    const bool drop = switchUser;
    const pid_t parent = getpid();
    process.setChildProcessModifier([childUid, childGid, drop, parent, outputFd] {
        static const char failed[] = "mailkeep: cannot switch to the PostgreSQL service account\n";
        if (outputFd >= 0) {
            dup2(outputFd, STDOUT_FILENO);
            dup2(outputFd, STDERR_FILENO);
        }
        if (drop) {
            if (setgid(childGid) != 0 || setgroups(1, &childGid) != 0 || setuid(childUid) != 0) {
                (void)!write(STDERR_FILENO, failed, sizeof failed - 1);
                _exit(126);
            }
        }
        // After the uid change, which clears it. SIGINT is PostgreSQL's fast shutdown.
        prctl(PR_SET_PDEATHSIG, SIGINT);
        if (getppid() != parent) // the parent died before the line above took effect
            _exit(125);
    });
}

Result<int> ServiceAccount::run(const QString &program, const QStringList &arguments, int outputFd,
                                std::chrono::milliseconds timeout) const
{
    QProcess process;
    prepare(process, outputFd);
    process.start(program, arguments);
    if (!process.waitForStarted(30000))
        return Error(ErrorCode::IoError, u"Cannot run %1."_s.arg(program), process.errorString());
    if (!process.waitForFinished(static_cast<int>(timeout.count()))) {
        process.kill();
        process.waitForFinished(5000);
        return Error(ErrorCode::Unavailable,
                     u"%1 did not finish within %2 seconds."_s.arg(program).arg(
                         std::chrono::duration_cast<std::chrono::seconds>(timeout).count()));
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

bool ServiceAccount::canEnter(const QString &directory) const
{
    if (!switchUser)
        return ::access(QFile::encodeName(directory).constData(), X_OK) == 0;
    Result<int> tested =
        run(u"/usr/bin/test"_s, {u"-x"_s, directory}, -1, std::chrono::seconds(30));
    return tested.ok() && tested.value() == 0;
}

} // namespace Mailkeep::Storage
