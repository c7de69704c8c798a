#include "storage/ClusterFiles.h"

#include "storage/ServiceAccount.h"
#include "storage/StorageLogging.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <utility>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage::ClusterFiles {

namespace {

constexpr qsizetype kMaxSocketPath = 107; // sizeof(sockaddr_un::sun_path) minus the NUL

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool hasBinaries(const QString &directory)
{
    return QFileInfo(directory + u"/initdb"_s).isExecutable() &&
           QFileInfo(directory + u"/postgres"_s).isExecutable();
}

int clusterMajorVersion(const QString &clusterDirectory)
{
    QFile file(clusterDirectory + u"/PG_VERSION"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return file.readAll().trimmed().toInt();
}

Error notInstalled(const QStringList &searched)
{
    return Error(ErrorCode::NotFound,
                 u"PostgreSQL is not installed: initdb and postgres were not found. Install "
                 "PostgreSQL (Debian: apt install postgresql) or set MAILKEEP_PG_BINDIR."_s,
                 u"searched: "_s + searched.join(u", "_s));
}

} // namespace

UniqueFd::~UniqueFd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

UniqueFd &UniqueFd::operator=(UniqueFd &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.release();
    }
    return *this;
}

int UniqueFd::release()
{
    return std::exchange(m_fd, -1);
}

Result<QString> findBinaries(const QString &configured, const QString &clusterDirectory)
{
    for (const QString &fixed : {configured, qEnvironmentVariable("MAILKEEP_PG_BINDIR")}) {
        if (fixed.isEmpty())
            continue;
        if (hasBinaries(fixed))
            return fixed;
        return notInstalled({fixed});
    }

    const QDir installed(u"/usr/lib/postgresql"_s);
    QList<int> versions;
    for (const QString &entry : installed.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool numeric = false;
        const int version = entry.toInt(&numeric);
        if (numeric && hasBinaries(installed.filePath(entry) + u"/bin"_s))
            versions.append(version);
    }
    std::sort(versions.begin(), versions.end(), std::greater<>());
    const int clusterVersion = clusterMajorVersion(clusterDirectory);
    if (versions.contains(clusterVersion))
        return QString(installed.filePath(QString::number(clusterVersion)) + u"/bin"_s);
    if (!versions.isEmpty())
        return QString(installed.filePath(QString::number(versions.first())) + u"/bin"_s);

    const QString initdb = QStandardPaths::findExecutable(u"initdb"_s);
    if (!initdb.isEmpty() && hasBinaries(QFileInfo(initdb).absolutePath()))
        return QFileInfo(initdb).absolutePath();
    return notInstalled({u"/usr/lib/postgresql/<version>/bin"_s, u"$PATH"_s});
}

bool socketPathFits(const QString &socketDirectory)
{
    return QFile::encodeName(socketDirectory + u"/.s.PGSQL.5432"_s).size() <= kMaxSocketPath;
}

QString defaultSocketDirectory(const QString &clusterDirectory)
{
    const QString beside = QFileInfo(clusterDirectory).absolutePath() + u"/run"_s;
    if (socketPathFits(beside))
        return beside;
    // Stable across runs (unlike qHash) and distinct per cluster.
    const QByteArray hash =
        QCryptographicHash::hash(QFile::encodeName(clusterDirectory), QCryptographicHash::Sha256)
            .toHex()
            .left(16);
    return u"/tmp/mailkeep-pg-"_s + QString::fromLatin1(hash);
}

Status prepareOwnedDirectory(const QString &path, const ServiceAccount &account, mode_t mode)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat info
    {};
    if (::lstat(name.constData(), &info) != 0) {
        if (errno != ENOENT || !QDir().mkpath(QFileInfo(path).absolutePath()) ||
            (::mkdir(name.constData(), mode) != 0 && errno != EEXIST) ||
            ::lstat(name.constData(), &info) != 0)
            return Error(ErrorCode::IoError, u"Cannot create the folder %1."_s.arg(path),
                         systemError());
    }
    if (!S_ISDIR(info.st_mode))
        return Error(ErrorCode::InvalidArgument,
                     u"%1 must be a folder, not a file or a symbolic link."_s.arg(path));
    if (info.st_uid != account.uid && info.st_uid != geteuid())
        return Error(
            ErrorCode::PermissionDenied,
            u"The folder %1 belongs to another user; remove it or choose another one."_s.arg(path),
            u"owner uid %1"_s.arg(info.st_uid));
    if (account.switchUser && ::chown(name.constData(), account.uid, account.gid) != 0)
        return Error(ErrorCode::IoError,
                     u"Cannot give the folder %1 to the account %2."_s.arg(path, account.name),
                     systemError());
    if (::chmod(name.constData(), mode) != 0)
        return Error(ErrorCode::IoError, u"Cannot set the permissions of %1."_s.arg(path),
                     systemError());
    return {};
}

Status secureDataFolder(const QString &path, const ServiceAccount &account)
{
    if (!account.switchUser)
        return {};
    const QByteArray name = QFile::encodeName(path);
    struct stat info
    {};
    if (::stat(name.constData(), &info) != 0)
        return Error(ErrorCode::IoError, u"Cannot inspect the data folder %1."_s.arg(path),
                     systemError());
    if (QFileInfo(path).canonicalFilePath() == u"/"_s || (info.st_mode & (S_ISVTX | S_IWOTH))) {
        qCWarning(lcStorage).noquote()
            << "Leaving the permissions of the shared folder" << path << "alone";
        return {};
    }
    if (::chown(name.constData(), 0, account.gid) != 0 || ::chmod(name.constData(), 0710) != 0)
        return Error(ErrorCode::IoError,
                     u"Cannot open the data folder %1 to the account %2."_s.arg(path, account.name),
                     systemError());
    return {};
}

Status chownTree(const QString &path, const ServiceAccount &account)
{
    qCInfo(lcStorage).noquote() << "Giving" << path << "to the account" << account.name;
    auto change = [&](const QString &entry) {
        return ::lchown(QFile::encodeName(entry).constData(), account.uid, account.gid) == 0;
    };
    if (!change(path))
        return Error(ErrorCode::IoError, u"Cannot change the owner of %1."_s.arg(path),
                     systemError());
    QDirIterator it(path, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories); // does not descend into symbolic links
    while (it.hasNext()) {
        const QString entry = it.next();
        if (!change(entry))
            return Error(ErrorCode::IoError, u"Cannot change the owner of %1."_s.arg(entry),
                         systemError());
    }
    return {};
}

Result<UniqueFd> openLogFile(const QString &path)
{
    UniqueFd fd(::open(QFile::encodeName(path).constData(),
                       O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640));
    if (fd.get() < 0)
        return Error(ErrorCode::IoError, u"Cannot open the PostgreSQL log file %1."_s.arg(path),
                     systemError());
    struct stat info
    {};
    if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode) || info.st_nlink != 1)
        return Error(ErrorCode::PermissionDenied,
                     u"The PostgreSQL log file %1 is not a plain file; remove it."_s.arg(path));
    return fd;
}

void appendToLog(int fd, const QString &line)
{
    const QByteArray bytes = line.toUtf8() + '\n';
    (void)!::write(fd, bytes.constData(), static_cast<size_t>(bytes.size()));
}

qint64 fileSize(const QString &path)
{
    return QFileInfo(path).size();
}

QString logTail(const QString &path, qint64 offset, int lines)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (offset > 0 && offset <= file.size())
        file.seek(offset);
    QStringList all = QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts);
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(u'\n');
}

QString conninfoValue(const QString &value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.begin(), value.end(), [](QChar c) {
        return c.isSpace() || c == u'\'' || c == u'\\';
    });
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

} // namespace Mailkeep::Storage::ClusterFiles
