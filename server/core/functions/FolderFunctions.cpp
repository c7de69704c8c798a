#include "core/functions/FolderFunctions.h"

#include "core/FolderPaths.h"
#include "core/UserRules.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

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

} // namespace

void registerFolderFunctions(FunctionRegistry &registry, UserStore &users, FolderStore &folders)
{
    registry.add(
        {{u"GetChildFolders"_s,
          {{u"folder"_s, ArgumentType::String, true},
           {u"maxLevels"_s, ArgumentType::Number, true}}},
         Access::AnyUser,
         [&folders](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
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
         [&users, &folders](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
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
         [&users, &folders](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
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
             for (const FolderRecord &archive : archives.value()) {
                 if (excluded.contains(archive.path))
                     continue;
                 if (Status set =
                         folders.setFolderPrivileges(user->id, archive.id, privileges.value());
                     !set.ok())
                     return set.error();
             }
             return QJsonValue();
         }});

    registry.add(
        {{u"ClearUserPrivilegesOnFolders"_s, {{u"userName"_s, ArgumentType::String, false}}},
         Access::Admin,
         [&users, &folders](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             Result<UserRecord> user = UserRules::existingUser(users, args.string(u"userName"_s));
             if (!user.ok())
                 return user.error();
             if (Status cleared = folders.clearFolderPrivileges(user->id); !cleared.ok())
                 return cleared.error();
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
