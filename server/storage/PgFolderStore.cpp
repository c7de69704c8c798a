#include "storage/PgFolderStore.h"

#include "storage/PgParameters.h"
#include "storage/PgTransaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

Core::FolderRecord folderFromRow(const PgResult &rows, int row)
{
    Core::FolderRecord folder;
    folder.id = rows.toInt64(row, 0);
    folder.parentId = rows.isNull(row, 1) ? 0 : rows.toInt64(row, 1);
    folder.name = rows.text(row, 2);
    folder.path = rows.text(row, 3);
    return folder;
}

// LIKE pattern for "everything below path".
QString descendantsPattern(const QString &path)
{
    QString escaped = path;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return escaped + u"/%"_s;
}

} // namespace

PgFolderStore::PgFolderStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<Core::FolderRecord> PgFolderStore::ensureFolder(const QStringList &segments)
{
    if (segments.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"A folder path is empty."_s);
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    // One step per level; ON CONFLICT makes concurrent creators meet on the same row.
    QVariant parent;
    QString path;
    Core::FolderRecord folder;
    for (const QString &segment : segments) {
        path = path.isEmpty() ? segment : path + u'/' + segment;
        Result<PgResult> rows = (*lease)->exec(
            u"WITH inserted AS (INSERT INTO folders (parent_id, name, path) VALUES ($1, $2, $3) "
            "ON CONFLICT (path) DO NOTHING RETURNING id, parent_id, name, path) "
            "SELECT id, parent_id, name, path FROM inserted "
            "UNION ALL SELECT id, parent_id, name, path FROM folders WHERE path = $3"_s,
            {parent, segment, path});
        if (!rows.ok())
            return rows.error();
        if (rows->rowCount() == 0)
            return Error(ErrorCode::Conflict, u"The folder %1 could not be created."_s.arg(path));
        folder = folderFromRow(rows.value(), 0);
        parent = folder.id;
    }
    return folder;
}

Result<std::optional<Core::FolderRecord>> PgFolderStore::findFolder(const QString &path)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT id, parent_id, name, path FROM folders WHERE path = $1"_s, {path});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::FolderRecord>();
    return std::optional<Core::FolderRecord>(folderFromRow(rows.value(), 0));
}

Result<std::optional<Core::FolderRecord>> PgFolderStore::folderById(qint64 id)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT id, parent_id, name, path FROM folders WHERE id = $1"_s, {id});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::FolderRecord>();
    return std::optional<Core::FolderRecord>(folderFromRow(rows.value(), 0));
}

Result<QList<Core::FolderRecord>> PgFolderStore::childFolders(const QString &parentPath,
                                                              int maxLevels)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    // Depth below the parent: number of '/' in the path, minus the parent's.
    const int parentDepth = parentPath.isEmpty() ? -1 : static_cast<int>(parentPath.count(u'/'));
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT id, parent_id, name, path FROM folders "
                       "WHERE ($1 = '' OR path LIKE $2) "
                       "AND ($3 <= 0 OR length(path) - length(replace(path, '/', '')) - $4 <= $3) "
                       "ORDER BY path"_s,
                       {parentPath, descendantsPattern(parentPath), maxLevels, parentDepth});
    if (!rows.ok())
        return rows.error();
    QList<Core::FolderRecord> folders;
    for (int row = 0; row < rows->rowCount(); ++row)
        folders.append(folderFromRow(rows.value(), row));
    return folders;
}

Status PgFolderStore::setFolderPrivileges(qint64 userId, qint64 folderId,
                                          const QStringList &privileges)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        privileges.isEmpty()
            ? (*lease)->exec(
                  u"DELETE FROM folder_privileges WHERE user_id = $1 AND folder_id = $2"_s,
                  {userId, folderId})
            : (*lease)->exec(u"INSERT INTO folder_privileges (user_id, folder_id, privileges) "
                             "VALUES ($1, $2, $3) ON CONFLICT (user_id, folder_id) "
                             "DO UPDATE SET privileges = EXCLUDED.privileges"_s,
                             {userId, folderId, privileges});
    if (!rows.ok())
        return rows.error();
    return {};
}

Status PgFolderStore::clearFolderPrivileges(qint64 userId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"DELETE FROM folder_privileges WHERE user_id = $1"_s, {userId});
    if (!rows.ok())
        return rows.error();
    return {};
}

Status PgFolderStore::moveFolder(const Core::FolderRecord &folder, const QStringList &newSegments)
{
    const QString newPath = newSegments.join(u'/');
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    Result<PgResult> taken = connection.exec(u"SELECT 1 FROM folders WHERE path = $1"_s, {newPath});
    if (!taken.ok())
        return taken.error();
    if (taken->rowCount() > 0)
        return Error(ErrorCode::AlreadyExists, u"The folder %1 exists already."_s.arg(newPath));
    QVariant parent;
    if (newSegments.size() > 1) {
        Result<PgResult> found =
            connection.exec(u"SELECT id FROM folders WHERE path = $1"_s,
                            {newSegments.mid(0, newSegments.size() - 1).join(u'/')});
        if (!found.ok())
            return found.error();
        if (found->rowCount() == 0)
            return Error(ErrorCode::NotFound, u"The target's parent folder does not exist."_s);
        if (newPath.startsWith(folder.path + u'/'))
            return Error(ErrorCode::InvalidArgument, u"A folder cannot move into itself."_s);
        parent = found->toInt64(0, 0);
    }
    // Descendants first take the new prefix, then the folder itself its new place.
    Result<PgResult> below = connection.exec(
        u"UPDATE folders SET path = $2 || substr(path, length($1) + 1) WHERE path LIKE $3"_s,
        {folder.path, newPath, descendantsPattern(folder.path)});
    if (!below.ok())
        return below.error();
    Result<PgResult> moved =
        connection.exec(u"UPDATE folders SET path = $2, name = $3, parent_id = $4 WHERE id = $1"_s,
                        {folder.id, newPath, newSegments.last(), parent});
    if (!moved.ok()) {
        if (moved.error().code == ErrorCode::AlreadyExists)
            return Error(ErrorCode::AlreadyExists, u"The folder %1 exists already."_s.arg(newPath));
        return moved.error();
    }
    return transaction->commit();
}

Status PgFolderStore::deleteFolders(const QList<qint64> &folderIds)
{
    if (folderIds.isEmpty())
        return {};
    const QStringList ids = idArray(folderIds);
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    // One statement: the parent reference is checked when it ends, so a folder and its
    // children can go together.
    Result<PgResult> rows =
        (*lease)->exec(u"DELETE FROM folders WHERE id = ANY($1::bigint[])"_s, {ids});
    if (!rows.ok())
        return rows.error();
    return {};
}

Result<QList<Core::FolderPrivilege>> PgFolderStore::folderPrivileges(qint64 userId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(u"SELECT f.path, p.privileges FROM folder_privileges p "
                                           u"JOIN folders f ON f.id = p.folder_id "
                                           "WHERE p.user_id = $1 ORDER BY f.path"_s,
                                           {userId});
    if (!rows.ok())
        return rows.error();
    QList<Core::FolderPrivilege> list;
    for (int row = 0; row < rows->rowCount(); ++row)
        list.append({rows->text(row, 0), rows->textArray(row, 1)});
    return list;
}

} // namespace Mailkeep::Storage
