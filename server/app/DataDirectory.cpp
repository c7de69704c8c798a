#include "app/DataDirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

DataDirectory::DataDirectory(QString path)
    : m_path(std::move(path))
{}

Status DataDirectory::open()
{
    const bool created = !QFileInfo::exists(m_path);
    for (const QString &folder : {m_path, logDirectory(), tlsDirectory()}) {
        if (!QDir().mkpath(folder))
            return Error(ErrorCode::IoError, u"Cannot create the folder %1."_s.arg(folder));
    }
    if (created)
        ::chmod(QFile::encodeName(m_path).constData(), 0750);
    ::chmod(QFile::encodeName(tlsDirectory()).constData(), 0700);
    m_lock = std::make_unique<QLockFile>(m_path + u"/mailkeep-server.lock"_s);
    m_lock->setStaleLockTime(0); // only a live process holds the lock
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_lock->getLockInfo(&pid, &host, &application);
        return Error(ErrorCode::Conflict,
                     u"Another mailkeep-server (process %1) is using the data folder %2."_s.arg(
                         QString::number(pid), m_path));
    }
    return {};
}

Status DataDirectory::writeSecretFile(const QString &path, const QByteArray &contents)
{
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temporary = target + ".tmp";
    // open() with mode 0600 so the secret is never readable by others, not even briefly.
    const int fd = ::open(temporary.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error(ErrorCode::IoError, u"Cannot write %1."_s.arg(path),
                     QString::fromLocal8Bit(strerror(errno)));
    ::fchmod(fd, 0600);
    qsizetype written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.constData() + written,
                                  static_cast<size_t>(contents.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            ::unlink(temporary.constData());
            return Error(ErrorCode::IoError, u"Cannot write %1."_s.arg(path));
        }
        written += n;
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temporary.constData(), target.constData()) != 0) {
        ::unlink(temporary.constData());
        return Error(ErrorCode::IoError, u"Cannot write %1."_s.arg(path));
    }
    return {};
}

} // namespace Mailkeep::App
