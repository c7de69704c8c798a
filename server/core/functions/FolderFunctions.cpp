#include "core/functions/FolderFunctions.h"

#include "core/FolderPaths.h"
#include "core/StoreIndexer.h"
#include "core/UserRules.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

// Marks the folders' messages in every attached store as not indexed and indexes them again.
Result<QJsonValue> reindexFolders(ArchiveService &archive, const QList<qint64> &folderIds)
{
    Result<QList<StoreRecord>> stores = archive.stores().readableStores();
    if (!stores.ok())
        return stores.error();
    StoreIndexer indexer(archive);
    qint64 reindexed = 0;
    for (const StoreRecord &store : stores.value()) {
        Result<qint64> marked = archive.messages().markUnindexed(store, folderIds);
        if (!marked.ok())
            return marked.error();
        if (marked.value() == 0)
            continue;
        Result<qint64> indexed = indexer.indexPending(store);
        if (!indexed.ok())
            return indexed.error();
        reindexed += indexed.value();
    }
    return QJsonValue(QJsonObject{{u"reindexed"_s, static_cast<double>(reindexed)}});
}

// An existing folder, or a user's archive, which is created the first time it is needed.
Result<FolderRecord> folderForPrivileges(UserStore &users, FolderStore &folders,
                                         const QString &typed)
{
    Result<QStringList> segments = folderSegments(typed);
    if (!segments.ok())
        return segments.error();
    const QString path = folderPath(segments.value());
    Result<std::optional<FolderRecord>> found = folders.findFolder(path);
    if (!found.ok())
        return found.error();
    if (found->has_value())
        return found->value();
    if (segments->size() == 1) {
        Result<std::optional<UserRecord>> owner = users.findUser(path);
        if (!owner.ok())
            return owner.error();
        if (owner->has_value())
            return folders.ensureFolder(segments.value());
    }
    return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(path));
}

// Whether a user may see folder path: a read privilege on it or on a folder above it.
bool mayRead(const QList<FolderPrivilege> &privileges, const QString &path)
{
    return std::any_of(privileges.cbegin(), privileges.cend(), [&](const FolderPrivilege &p) {
        return p.privileges.contains(u"read"_s) &&
               (path == p.folder || path.startsWith(p.folder + u'/'));
    });
}

// Messages and bytes per folder over every store, and which folders hold mail in a
// write-protected store.
struct FolderTotals
{
    QHash<qint64, MessageStore::FolderCount> counts;
    QSet<qint64> inWriteProtectedStore;
};

Result<FolderTotals> folderTotals(ArchiveService &archive)
{
    Result<QList<StoreRecord>> stores = archive.stores().catalog().listStores(false);
    if (!stores.ok())
        return stores.error();
    FolderTotals totals;
    for (const StoreRecord &store : stores.value()) {
        Result<QHash<qint64, MessageStore::FolderCount>> counts =
            archive.messages().folderCounts(store);
        if (!counts.ok())
            return counts.error();
        for (auto it = counts->cbegin(); it != counts->cend(); ++it) {
            MessageStore::FolderCount &total = totals.counts[it.key()];
            total.messages += it.value().messages;
            total.bytes += it.value().bytes;
            if (store.state == StoreState::WriteProtected)
                totals.inWriteProtectedStore.insert(it.key());
        }
    }
    return totals;
}

void registerFolderMaintenance(FunctionRegistry &registry, ArchiveService &archive)
{
    registry.add(
        {{u"GetFolderStatistics"_s, {}},
         Access::Admin,
         [&archive](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
             Result<QList<FolderRecord>> all = archive.folders().childFolders(QString(), 0);
             if (!all.ok())
                 return all.error();
             Result<FolderTotals> totals = folderTotals(archive);
             if (!totals.ok())
                 return totals.error();
             QJsonArray list;
             for (const FolderRecord &folder : all.value()) {
                 const MessageStore::FolderCount count = totals->counts.value(folder.id);
                 list.append(QJsonObject{{u"folder"_s, folder.path},
                                         {u"messageCount"_s, static_cast<double>(count.messages)},
                                         {u"size"_s, static_cast<double>(count.bytes)}});
             }
             return QJsonValue(list);
         }});

    registry.add({{u"MoveFolder"_s,
                   {{u"fromFolder"_s, ArgumentType::String, false},
                    {u"toFolder"_s, ArgumentType::String, false}}},
                  Access::Admin,
                  [&archive](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
                      Result<QStringList> from = folderSegments(args.string(u"fromFolder"_s));
                      Result<QStringList> to = folderSegments(args.string(u"toFolder"_s));
                      if (!from.ok())
                          return from.error();
                      if (!to.ok())
                          return to.error();
                      Result<std::optional<FolderRecord>> folder =
                          archive.folders().findFolder(folderPath(*from));
                      if (!folder.ok())
                          return folder.error();
                      if (!folder->has_value())
                          return Error(ErrorCode::NotFound,
                                       u"There is no archive folder %1."_s.arg(folderPath(*from)));
                      // Mail in a write-protected store stays where it is, folders included.
                      Result<QList<FolderRecord>> moving =
                          archive.folders().childFolders((*folder)->path, 0);
                      Result<FolderTotals> totals = folderTotals(archive);
                      if (!moving.ok())
                          return moving.error();
                      if (!totals.ok())
                          return totals.error();
                      moving->append(folder->value());
                      for (const FolderRecord &item : moving.value()) {
                          if (totals->inWriteProtectedStore.contains(item.id))
                              return Error(
                                  ErrorCode::Conflict,
                                  u"%1 holds mail in a write-protected archive store and cannot be "
                                  "moved."_s.arg(item.path));
                      }
                      if (Status moved = archive.folders().moveFolder(folder->value(), to.value());
                          !moved.ok())
                          return moved.error();
                      // The index files each message under its folder path, which searches and
                      // their privilege filter match: the moved mail is indexed again.
                      QList<qint64> movedIds;
                      for (const FolderRecord &item : moving.value())
                          movedIds << item.id;
                      return reindexFolders(archive, movedIds);
                  }});

    registry.add({{u"DeleteEmptyFolders"_s, {{u"folder"_s, ArgumentType::String, true}}},
                  Access::Admin,
                  [&archive](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
                      QString root;
                      if (!args.string(u"folder"_s).trimmed().isEmpty()) {
                          Result<QStringList> segments = folderSegments(args.string(u"folder"_s));
                          if (!segments.ok())
                              return segments.error();
                          root = folderPath(segments.value());
                      }
                      Result<QList<FolderRecord>> all =
                          archive.folders().childFolders(QString(), 0);
                      Result<FolderTotals> totals = folderTotals(archive);
                      if (!all.ok())
                          return all.error();
                      if (!totals.ok())
                          return totals.error();
                      // A folder is kept when it or anything below it holds mail; archives always
                      // stay.
                      QSet<QString> keep;
                      for (const FolderRecord &folder : all.value()) {
                          if (totals->counts.value(folder.id).messages > 0) {
                              QString path = folder.path;
                              keep.insert(path);
                              while (path.contains(u'/')) {
                                  path = path.left(path.lastIndexOf(u'/'));
                                  keep.insert(path);
                              }
                          }
                      }
                      QList<qint64> doomed;
                      QJsonArray deleted;
                      for (const FolderRecord &folder : all.value()) {
                          const bool inScope =
                              root.isEmpty() || folder.path.startsWith(root + u'/');
                          if (inScope && folder.parentId != 0 && !keep.contains(folder.path)) {
                              doomed << folder.id;
                              deleted.append(folder.path);
                          }
                      }
                      if (Status removed = archive.folders().deleteFolders(doomed); !removed.ok())
                          return removed.error();
                      return QJsonValue(deleted);
                  }});
}

} // namespace

void registerFolderFunctions(FunctionRegistry &registry, UserStore &users, ArchiveService &archive)
{
    registerFolderMaintenance(registry, archive);
    registry.add(
        {{u"GetChildFolders"_s,
          {{u"folder"_s, ArgumentType::String, true},
           {u"maxLevels"_s, ArgumentType::Number, true}}},
         Access::AnyUser,
         [&folders = archive.folders()](const Api::Arguments &args,
                                        CallContext &context) -> Result<QJsonValue> {
             QString parent;
             if (!args.string(u"folder"_s).trimmed().isEmpty()) {
                 Result<QStringList> segments = folderSegments(args.string(u"folder"_s));
                 if (!segments.ok())
                     return segments.error();
                 parent = folderPath(segments.value());
             }
             Result<QList<FolderRecord>> children =
                 folders.childFolders(parent, static_cast<int>(args.integer(u"maxLevels"_s, 0)));
             if (!children.ok())
                 return children.error();
             // Administrators see the whole tree (names, not mail); users what they may read.
             QList<FolderPrivilege> own;
             if (!context.caller.isAdmin()) {
                 Result<QList<FolderPrivilege>> granted =
                     folders.folderPrivileges(context.caller.userId);
                 if (!granted.ok())
                     return granted.error();
                 own = granted.value();
             }
             QJsonArray list;
             for (const FolderRecord &folder : children.value()) {
                 if (context.caller.isAdmin() || mayRead(own, folder.path))
                     list.append(QJsonObject{{u"folder"_s, folder.path}, {u"name"_s, folder.name}});
             }
             return QJsonValue(list);
         }});

    registry.add(
        {{u"SetUserPrivilegesOnFolder"_s,
          {{u"userName"_s, ArgumentType::String, false},
           {u"folder"_s, ArgumentType::String, false},
           {u"privileges"_s, ArgumentType::StringList, false}}},
         Access::Admin,
         [&users, &folders = archive.folders()](const Api::Arguments &args,
                                                CallContext &) -> Result<QJsonValue> {
             Result<UserRecord> user = UserRules::existingUser(users, args.string(u"userName"_s));
             if (!user.ok())
                 return user.error();
             Result<QStringList> privileges = parseFolderPrivileges(args.list(u"privileges"_s));
             if (!privileges.ok())
                 return privileges.error();
             Result<FolderRecord> folder =
                 folderForPrivileges(users, folders, args.string(u"folder"_s));
             if (!folder.ok())
                 return folder.error();
             if (Status set = folders.setFolderPrivileges(user->id, folder->id, privileges.value());
                 !set.ok())
                 return set.error();
             return QJsonValue();
         }});

    registry.add(
        {{u"SetUserPrivilegesOnAllFolders"_s,
          {{u"userName"_s, ArgumentType::String, false},
           {u"privileges"_s, ArgumentType::StringList, false},
           {u"excludeFolders"_s, ArgumentType::StringList, true}}},
         Access::Admin,
         [&users, &folders = archive.folders()](const Api::Arguments &args,
                                                CallContext &) -> Result<QJsonValue> {
             Result<UserRecord> user = UserRules::existingUser(users, args.string(u"userName"_s));
             if (!user.ok())
                 return user.error();
             Result<QStringList> privileges = parseFolderPrivileges(args.list(u"privileges"_s));
             if (!privileges.ok())
                 return privileges.error();
             QStringList excluded;
             for (const QString &folder : args.list(u"excludeFolders"_s)) {
                 Result<QStringList> segments = folderSegments(folder);
                 if (!segments.ok())
                     return segments.error();
                 excluded << folderPath(segments.value());
             }
             Result<QList<FolderRecord>> archives = folders.childFolders(QString(), 1);
             if (!archives.ok())
                 return archives.error();
             for (const FolderRecord &userArchive : archives.value()) {
                 if (excluded.contains(userArchive.path))
                     continue;
                 if (Status set =
                         folders.setFolderPrivileges(user->id, userArchive.id, privileges.value());
                     !set.ok())
                     return set.error();
             }
             return QJsonValue();
         }});

    registry.add(
        {{u"ClearUserPrivilegesOnFolders"_s, {{u"userName"_s, ArgumentType::String, false}}},
         Access::Admin,
         [&users, &folders = archive.folders()](const Api::Arguments &args,
                                                CallContext &) -> Result<QJsonValue> {
             Result<UserRecord> user = UserRules::existingUser(users, args.string(u"userName"_s));
             if (!user.ok())
                 return user.error();
             if (Status cleared = folders.clearFolderPrivileges(user->id); !cleared.ok())
                 return cleared.error();
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
