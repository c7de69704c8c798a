#include "core/directory/DirectorySync.h"

#include "core/Identity.h"
#include "core/directory/WantedUsers.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

// One change the synchronisation makes to an existing user.
struct Change
{
    UserField field;
    QVariant value;
    QString description; // for the result
};

struct Planned
{
    WantedUser wanted;
    std::optional<UserRecord> existing; // none: the user is created
    QString renameFrom;
    QList<Change> changes;
};

QList<Change> changesFor(const UserRecord &user, const WantedUser &wanted)
{
    QList<Change> changes;
    if (user.fullName != wanted.fullName)
        changes.append({UserField::FullName, wanted.fullName, u"fullName"_s});
    if (sorted(user.emailAddresses) != sorted(wanted.emailAddresses))
        changes.append({UserField::EmailAddresses, wanted.emailAddresses, u"emailAddresses"_s});
    if (user.distinguishedName != wanted.objectId)
        changes.append(
            {UserField::DistinguishedName, wanted.objectId, u"linked to the directory account"_s});
    if (user.authentication != u"directoryServices"_s)
        changes.append({UserField::Authentication, u"directoryServices"_s, u"authentication"_s});
    return changes;
}

} // namespace

DirectorySync::DirectorySync(UserStore &users, FolderStore &folders)
    : m_users(users)
    , m_folders(folders)
{}

Result<QJsonObject> DirectorySync::run(const DirectorySettings &settings, DirectorySource &source,
                                       bool dryRun, const QString &caller, TaskProgress &progress)
{
    progress.report(0, u"Reading the directory"_s);
    QStringList skipped;
    Result<QList<WantedUser>> wanted = wantedUsers(settings, source, skipped);
    if (!wanted.ok())
        return wanted.error();
    if (progress.isCancellationRequested())
        return Error(ErrorCode::Cancelled, u"The synchronisation was stopped."_s);
    Result<QList<UserRecord>> users = m_users.listUsers();
    if (!users.ok())
        return users.error();

    // Linked users are found by their account's object id, others by name.
    QHash<QString, UserRecord> byObjectId;
    QHash<QString, UserRecord> byName;
    for (const UserRecord &user : std::as_const(users.value())) {
        byName.insert(user.userName, user);
        if (!user.distinguishedName.isEmpty())
            byObjectId.insert(user.distinguishedName.toLower(), user);
    }
    QList<Planned> plan;
    QSet<qint64> matched;
    QJsonArray failed;
    for (const WantedUser &want : std::as_const(wanted.value())) {
        Planned planned{want, std::nullopt, {}, {}};
        if (auto linked = byObjectId.constFind(want.objectId.toLower());
            linked != byObjectId.cend()) {
            planned.existing = linked.value();
            if (linked->userName != want.userName) {
                if (byName.contains(want.userName)) {
                    failed.append(QJsonObject{
                        {u"userName"_s, linked->userName},
                        {u"message"_s,
                         u"The directory renamed this account to %1, but a user of that name "
                         "exists already."_s.arg(want.userName)}});
                    matched.insert(linked->id);
                    continue;
                }
                planned.renameFrom = linked->userName;
            }
        } else if (auto named = byName.constFind(want.userName); named != byName.cend()) {
            planned.existing = named.value();
        }
        if (planned.existing) {
            if (matched.contains(planned.existing->id)) {
                failed.append(
                    QJsonObject{{u"userName"_s, want.userName},
                                {u"message"_s, u"Two directory entries claim this user."_s}});
                continue;
            }
            matched.insert(planned.existing->id);
            planned.changes = changesFor(*planned.existing, want);
        }
        plan.append(planned);
    }

    QJsonArray created, modified, unchanged, deleted, notInDirectory, kept;
    QList<UserRecord> vanished;
    for (const UserRecord &user : std::as_const(users.value())) {
        if (matched.contains(user.id) || user.authentication != u"directoryServices"_s ||
            user.distinguishedName.isEmpty())
            continue;
        if (!settings.deleteUsers)
            notInDirectory.append(user.userName);
        else if (user.privileges.contains(Privilege::Admin))
            kept.append(QJsonObject{{u"userName"_s, user.userName},
                                    {u"reason"_s, u"an administrator is never deleted by the "
                                                  "synchronisation"_s}});
        else if (user.userName == caller)
            kept.append(QJsonObject{{u"userName"_s, user.userName},
                                    {u"reason"_s, u"the user running the synchronisation"_s}});
        else
            vanished.append(user);
    }

    const qsizetype total = plan.size() + vanished.size();
    qsizetype done = 0;
    const auto step = [&](const QString &userName) {
        ++done;
        progress.report(int(10 + 90 * done / std::max<qsizetype>(total, 1)), userName);
    };
    for (const Planned &planned : std::as_const(plan)) {
        if (progress.isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"The synchronisation was stopped."_s);
        const WantedUser &want = planned.wanted;
        step(want.userName);
        if (!planned.existing) {
            if (!dryRun) {
                UserRecord user;
                user.userName = want.userName;
                user.fullName = want.fullName;
                user.distinguishedName = want.objectId;
                user.authentication = u"directoryServices"_s;
                user.emailAddresses = want.emailAddresses;
                // Nobody signs in as a group.
                if (settings.assignDefaultPrivileges && !want.isGroup)
                    user.privileges = settings.defaultPrivileges;
                user.loginPrivileges = want.isGroup ? QStringList() : LoginPrivilege::all();
                Result<UserRecord> made = m_users.createUser(user);
                if (!made.ok()) {
                    failed.append(QJsonObject{{u"userName"_s, want.userName},
                                              {u"message"_s, made.error().message}});
                    continue;
                }
                if (settings.assignDefaultPrivileges && !want.isGroup &&
                    !settings.defaultFolderPrivileges.isEmpty()) {
                    Result<FolderRecord> archive = m_folders.ensureFolder({want.userName});
                    Status granted =
                        archive.ok() ? m_folders.setFolderPrivileges(
                                           made->id, archive->id, settings.defaultFolderPrivileges)
                                     : Status(archive.error());
                    if (!granted.ok())
                        failed.append(QJsonObject{{u"userName"_s, want.userName},
                                                  {u"message"_s, granted.error().message}});
                }
            }
            created.append(
                QJsonObject{{u"userName"_s, want.userName},
                            {u"fullName"_s, want.fullName},
                            {u"emailAddresses"_s, QJsonArray::fromStringList(want.emailAddresses)},
                            {u"group"_s, want.isGroup}});
            continue;
        }
        if (planned.changes.isEmpty() && planned.renameFrom.isEmpty()) {
            unchanged.append(want.userName);
            continue;
        }
        QStringList described;
        Status applied;
        if (!planned.renameFrom.isEmpty()) {
            described << u"renamed from %1"_s.arg(planned.renameFrom);
            if (!dryRun)
                applied = m_users.renameUser(planned.renameFrom, want.userName);
        }
        for (const Change &change : planned.changes) {
            described << change.description;
            if (!dryRun && applied.ok())
                applied = m_users.updateUser(want.userName, change.field, change.value);
        }
        if (!applied.ok()) {
            failed.append(QJsonObject{{u"userName"_s, want.userName},
                                      {u"message"_s, applied.error().message}});
            continue;
        }
        QJsonObject entry{{u"userName"_s, want.userName},
                          {u"changes"_s, QJsonArray::fromStringList(described)}};
        if (!planned.renameFrom.isEmpty())
            entry.insert(u"renamedFrom"_s, planned.renameFrom);
        modified.append(entry);
    }
    for (const UserRecord &user : std::as_const(vanished)) {
        if (progress.isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"The synchronisation was stopped."_s);
        step(user.userName);
        if (!dryRun) {
            if (Status gone = m_users.deleteUser(user.userName); !gone.ok()) {
                failed.append(QJsonObject{{u"userName"_s, user.userName},
                                          {u"message"_s, gone.error().message}});
                continue;
            }
        }
        deleted.append(user.userName);
    }
    for (const QString &reason : std::as_const(skipped))
        failed.append(QJsonObject{{u"userName"_s, QJsonValue()}, {u"message"_s, reason}});
    progress.report(100, dryRun ? u"Simulated"_s : u"Synchronised"_s);
    return QJsonObject{
        {u"dryRun"_s, dryRun},
        {u"created"_s, created},
        {u"modified"_s, modified},
        {u"deleted"_s, deleted},
        {u"unchanged"_s, unchanged},
        {u"notInDirectory"_s, notInDirectory},
        {u"kept"_s, kept},
        {u"failed"_s, failed},
        {u"counts"_s, QJsonObject{{u"created"_s, created.size()},
                                  {u"modified"_s, modified.size()},
                                  {u"deleted"_s, deleted.size()},
                                  {u"unchanged"_s, unchanged.size()},
                                  {u"failed"_s, failed.size()}}},
    };
}

} // namespace Mailkeep::Core
