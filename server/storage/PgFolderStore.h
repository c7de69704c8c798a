#pragma once

#include "core/FolderStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Folders and folder privileges in PostgreSQL (migration 0004).
class PgFolderStore final : public Core::FolderStore
{
public:
    explicit PgFolderStore(PgConnectionPool &pool);

    Result<Core::FolderRecord> ensureFolder(const QStringList &segments) override;
    Result<std::optional<Core::FolderRecord>> findFolder(const QString &path) override;
    Result<std::optional<Core::FolderRecord>> folderById(qint64 id) override;
    Result<QList<Core::FolderRecord>> childFolders(const QString &parentPath,
                                                   int maxLevels) override;
    Status setFolderPrivileges(qint64 userId, qint64 folderId,
                               const QStringList &privileges) override;
    Status clearFolderPrivileges(qint64 userId) override;
    Status moveFolder(const Core::FolderRecord &folder, const QStringList &newSegments) override;
    Status deleteFolders(const QList<qint64> &folderIds) override;
    Result<QList<Core::FolderPrivilege>> folderPrivileges(qint64 userId) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
