#pragma once

#include "model/Result.h"

#include <QString>

#include <sys/types.h>

namespace Mailkeep::Storage {

struct ServiceAccount;

// File-system work of the embedded cluster: where things are, who owns them, and the log.
// Internal to EmbeddedCluster.
namespace ClusterFiles {

// An owned file descriptor, closed on destruction.
class UniqueFd
{
public:
    explicit UniqueFd(int fd = -1)
        : m_fd(fd)
    {}
    ~UniqueFd();
    UniqueFd(UniqueFd &&other) noexcept
        : m_fd(other.release())
    {}
    UniqueFd &operator=(UniqueFd &&other) noexcept;
    UniqueFd(const UniqueFd &) = delete;
    UniqueFd &operator=(const UniqueFd &) = delete;
    int get() const { return m_fd; }
    int release();

private:
    int m_fd;
};

// The folder holding initdb and postgres: configured, else $MAILKEEP_PG_BINDIR, else the
// newest /usr/lib/postgresql/<N>/bin (preferring the major version an existing cluster was
// created with, so installing a newer PostgreSQL does not break it), else $PATH.
Result<QString> findBinaries(const QString &configured, const QString &clusterDirectory);

// <parent of cluster>/run, or /tmp/mailkeep-pg-<hash> when a socket path there would not fit
// into sun_path.
QString defaultSocketDirectory(const QString &clusterDirectory);
bool socketPathFits(const QString &socketDirectory);

// Creates path (and parents) if missing and makes it a folder of account with mode. Refuses
// symbolic links and folders that belong to anybody but account or this process' user, since
// the path may lie in a world-writable place such as /tmp.
Status prepareOwnedDirectory(const QString &path, const ServiceAccount &account, mode_t mode);

// The data folder above the cluster, when root: root:<account group>, mode 0710, so the
// service account can pass through but not look around. Left alone when it is / or a
// world-writable sticky folder like /tmp.
Status secureDataFolder(const QString &path, const ServiceAccount &account);

// Hands a whole tree to account (after a restore by root, or when its uid changed).
Status chownTree(const QString &path, const ServiceAccount &account);

// Opens the log for appending without following symbolic links; it must be a regular file
// with a single link, since its folder may belong to the less privileged service account.
Result<UniqueFd> openLogFile(const QString &path);
void appendToLog(int fd, const QString &line);
qint64 fileSize(const QString &path);
// The last lines written to the log since offset, for error messages.
QString logTail(const QString &path, qint64 offset, int lines = 20);

// A libpq connection string value, quoted when needed.
QString conninfoValue(const QString &value);

} // namespace ClusterFiles
} // namespace Mailkeep::Storage
