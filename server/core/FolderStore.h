#pragma once

#include "model/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Core {

struct FolderRecord
{
    qint64 id = 0;
    qint64 parentId = 0; // 0: an archive (root folder)
    QString name;
    QString path; // "<archive>/<folder>/..."
};

struct FolderPrivilege
{
    QString folder; // path
    QStringList privileges;
};

// Archive folder trees and per-user folder privileges; implemented by Mailkeep::Storage.
// Blocking.
class FolderStore
{
public:
    virtual ~FolderStore() = default;
    // Creates the folder and any missing ancestors; returns the existing one otherwise.
    virtual Result<FolderRecord> ensureFolder(const QStringList &segments) = 0;
    virtual Result<std::optional<FolderRecord>> findFolder(const QString &path) = 0;
    virtual Result<std::optional<FolderRecord>> folderById(qint64 id) = 0;
    // Folders below parentPath (empty: every archive and folder), maxLevels deep (0: all),
    // sorted by path.
    virtual Result<QList<FolderRecord>> childFolders(const QString &parentPath, int maxLevels) = 0;
    // An empty list removes the user's privileges on the folder.
    virtual Status setFolderPrivileges(qint64 userId, qint64 folderId,
                                       const QStringList &privileges) = 0;
    virtual Status clearFolderPrivileges(qint64 userId) = 0;
    // Renames/moves a folder and everything below it to newSegments (whose parent must exist
    // unless it is an archive). AlreadyExists when the target path is taken.
    virtual Status moveFolder(const FolderRecord &folder, const QStringList &newSegments) = 0;
    // Deletes these folders (children before parents; privileges on them go too).
    virtual Status deleteFolders(const QList<qint64> &folderIds) = 0;
    // Sorted by folder path.
    virtual Result<QList<FolderPrivilege>> folderPrivileges(qint64 userId) = 0;
};

} // namespace Mailkeep::Core
