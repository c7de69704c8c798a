#include "core/profiles/ProfileService.h"

#include "core/FolderPaths.h"
#include "crypto/SecureRandom.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

// The document's own fields; everything else is the type's properties.
const QStringList kOwnFields{u"id"_s,
                             u"version"_s,
                             u"name"_s,
                             u"kind"_s,
                             u"type"_s,
                             u"owner"_s,
                             u"protocol"_s,
                             u"serverSideExecution"_s,
                             u"storedSecrets"_s,
                             u"createdAt"_s,
                             u"updatedAt"_s,
                             u"lastRunStarted"_s,
                             u"lastRunEnded"_s};

QString modifyPrivilege(const QString &kind)
{
    return kind == ProfileKind::Export ? u"modifyExportProfiles"_s : u"modifyArchiveProfiles"_s;
}

QString runPrivilege(const QString &kind)
{
    return kind == ProfileKind::Export ? u"export"_s : u"archive"_s;
}

QString isoOrNull(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

} // namespace

ProfileService::ProfileService(ProfileStore &profiles, UserStore &users, FolderStore &folders,
                               SavedSearchStore &savedSearches, KeyRing &keys)
    : m_profiles(profiles)
    , m_users(users)
    , m_folders(folders)
    , m_savedSearches(savedSearches)
    , m_keys(keys)
{}

Result<ProfileRecord> ProfileService::fromDocument(const Identity &caller,
                                                   const QJsonObject &document,
                                                   ProfileTypeInfo &type, QJsonObject &secrets)
{
    const QString typeName = document.value(u"type"_s).toString();
    std::optional<ProfileTypeInfo> found = ProfileTypes::find(typeName);
    if (!found)
        return Error(ErrorCode::InvalidArgument,
                     u"Unknown profile type \"%1\". Known types: %2."_s.arg(
                         typeName, ProfileTypes::names().join(u", "_s)));
    type = *found;
    if (document.contains(u"kind"_s) && document.value(u"kind"_s).toString() != type.kind)
        return Error(ErrorCode::InvalidArgument,
                     u"A %1 profile is an %2 profile."_s.arg(type.type, type.kind));
    ProfileRecord profile;
    profile.name = document.value(u"name"_s).toString().trimmed();
    if (profile.name.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"A profile needs a name."_s);
    profile.kind = type.kind;
    profile.type = type.type;
    profile.owner = caller.userName;
    for (auto it = document.constBegin(); it != document.constEnd(); ++it) {
        if (kOwnFields.contains(it.key()))
            continue;
        if (type.secrets.contains(it.key()))
            secrets.insert(it.key(), it.value());
        else
            profile.properties.insert(it.key(), it.value());
    }
    if (Status valid = ProfileTypes::validate(type, profile.properties); !valid.ok())
        return valid.error();
    if (!caller.isAdmin()) {
        if (type.administratorsOnly)
            return Error(ErrorCode::PermissionDenied,
                         u"Only administrators may create %1 profiles: they read or write files "
                         "on the server."_s.arg(type.type));
        if (!caller.privileges.contains(modifyPrivilege(type.kind)))
            return Error(ErrorCode::PermissionDenied,
                         u"You do not have the privilege to change %1 profiles (%2)."_s.arg(
                             type.kind, modifyPrivilege(type.kind)));
    }
    return profile;
}

Status ProfileService::checkTarget(const Identity &caller, const ProfileRecord &profile)
{
    const QString user = profile.properties.value(u"userName"_s).toString().trimmed().toLower();
    if (!user.isEmpty()) {
        if (!caller.isAdmin() && user != caller.userName)
            return Error(
                ErrorCode::PermissionDenied,
                u"You may fill only your own archive (userName %1)."_s.arg(caller.userName));
        Result<std::optional<UserRecord>> found = m_users.findUser(user);
        if (!found.ok())
            return found.error();
        if (!found->has_value())
            return Error(ErrorCode::NotFound, u"There is no user %1."_s.arg(user));
    }
    // Profiles that fill several archives (multiple mailboxes) name their users.
    for (const QJsonValue &mailbox : profile.properties.value(u"mailboxes"_s).toArray()) {
        const QString name = mailbox.toObject().value(u"userName"_s).toString().trimmed().toLower();
        Result<std::optional<UserRecord>> found = m_users.findUser(name);
        if (!found.ok())
            return found.error();
        if (!found->has_value())
            return Error(ErrorCode::NotFound,
                         u"There is no user %1 (mailboxes): create the user first."_s.arg(name));
    }
    if (profile.properties.contains(u"targetFolder"_s)) {

        const QString folder = profile.properties.value(u"targetFolder"_s).toString();
        if (!folder.trimmed().isEmpty()) {
            if (Result<QStringList> segments = folderSegments(folder); !segments.ok())
                return segments.error();
        }
    }
    const QString sourceFolder = profile.properties.value(u"sourceFolder"_s).toString().trimmed();
    if (!sourceFolder.isEmpty()) {
        Result<QStringList> segments = folderSegments(sourceFolder);
        if (!segments.ok())
            return segments.error();
        Result<std::optional<FolderRecord>> folder = m_folders.findFolder(folderPath(*segments));
        if (!folder.ok())
            return folder.error();
        if (!folder->has_value())
            return Error(ErrorCode::NotFound,
                         u"There is no archive folder %1."_s.arg(folderPath(*segments)));
    }
    const QString search = profile.properties.value(u"savedSearch"_s).toString().trimmed();
    if (!search.isEmpty()) {
        Result<QList<SavedSearch>> saved = m_savedSearches.list(caller.userId);
        if (!saved.ok())
            return saved.error();
        const bool known =
            std::any_of(saved->cbegin(), saved->cend(),
                        [&search](const SavedSearch &s) { return s.name == search; });
        if (!known)
            return Error(ErrorCode::NotFound, u"You have no saved search %1."_s.arg(search));
    }
    return {};
}

Result<QByteArray> ProfileService::seal(const QString &uid, const QJsonObject &secrets)
{
    if (secrets.isEmpty())
        return QByteArray();
    return m_keys.sealSecret(QJsonDocument(secrets).toJson(QJsonDocument::Compact),
                             u"profile:"_s + uid);
}

Result<QJsonObject> ProfileService::open(const ProfileRecord &profile)
{
    if (profile.sealedSecrets.isEmpty())
        return QJsonObject();
    Result<QByteArray> plain =
        m_keys.openSecret(profile.sealedSecrets, u"profile:"_s + profile.uid);
    if (!plain.ok())
        return plain.error();
    return QJsonDocument::fromJson(plain.value()).object();
}

Result<ProfileRecord> ProfileService::checkedDocument(const Identity &caller,
                                                      const QJsonObject &document,
                                                      QJsonObject &secrets)
{
    ProfileTypeInfo type;
    Result<ProfileRecord> parsed = fromDocument(caller, document, type, secrets);
    if (!parsed.ok())
        return parsed.error();
    if (Status target = checkTarget(caller, parsed.value()); !target.ok())
        return target.error();
    return parsed;
}

Result<ProfileRecord> ProfileService::save(const Identity &caller, const QJsonObject &document)
{
    QJsonObject secrets;
    Result<ProfileRecord> parsed = checkedDocument(caller, document, secrets);
    if (!parsed.ok())
        return parsed.error();
    ProfileRecord profile = parsed.value();

    if (!document.contains(u"id"_s) || document.value(u"id"_s).isNull()) {
        profile.uid = Crypto::SecureRandom::token(12);
        Result<QByteArray> sealed = seal(profile.uid, secrets);
        if (!sealed.ok())
            return sealed.error();
        profile.sealedSecrets = sealed.value();
        Result<ProfileRecord> created = m_profiles.create(profile);
        if (!created.ok())
            return created.error();
        if (Status logged = m_profiles.addHistory(
                created->id, {{}, u"created"_s, caller.userName, {{u"type"_s, profile.type}}});
            !logged.ok())
            return logged.error();
        return created;
    }

    // A change: the stored profile must be the caller's to change, of the same kind, at the
    // version the caller read.
    Result<ProfileRecord> stored = visibleProfile(caller, document.value(u"id"_s).toInteger());
    if (!stored.ok())
        return stored.error();
    if (stored->kind != profile.kind)
        return Error(ErrorCode::InvalidArgument,
                     u"A profile stays an %1 profile."_s.arg(stored->kind));
    if (!document.value(u"version"_s).isDouble())
        return Error(ErrorCode::InvalidArgument,
                     u"Changing a profile needs the version it was read at (version)."_s);
    Result<QJsonObject> kept = open(stored.value());
    if (!kept.ok())
        return kept.error();
    QJsonObject merged = kept.value();
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it) {
        if (it.value().isNull() || it.value().toString().isEmpty())
            merged.remove(it.key()); // an empty secret clears it
        else
            merged.insert(it.key(), it.value());
    }
    profile.id = stored->id;
    profile.uid = stored->uid;
    profile.owner = stored->owner;
    profile.version = document.value(u"version"_s).toInt();
    Result<QByteArray> sealed = seal(profile.uid, merged);
    if (!sealed.ok())
        return sealed.error();
    profile.sealedSecrets = sealed.value();
    Result<std::optional<ProfileRecord>> updated = m_profiles.update(profile);
    if (!updated.ok())
        return updated.error();
    if (!updated->has_value())
        return Error(ErrorCode::Conflict,
                     u"The profile %1 was changed meanwhile (it is no longer at version %2): "
                     "read it again."_s.arg(profile.id)
                         .arg(profile.version));
    QJsonObject before = stored->properties;
    before.insert(u"name"_s, stored->name);
    if (Status logged = m_profiles.addHistory(
            profile.id, {{}, u"changed"_s, caller.userName, {{u"before"_s, before}}});
        !logged.ok())
        return logged.error();
    return std::move(updated->value());
}

Result<ProfileRecord> ProfileService::temporary(const Identity &caller, const QJsonObject &document)
{
    QJsonObject secrets;
    Result<ProfileRecord> parsed = checkedDocument(caller, document, secrets);
    if (!parsed.ok())
        return parsed.error();
    ProfileRecord profile = parsed.value();
    for (auto it = secrets.constBegin(); it != secrets.constEnd(); ++it)
        profile.properties.insert(it.key(), it.value());
    return profile;
}

Result<QList<ProfileRecord>> ProfileService::visible(const Identity &caller)
{
    Result<QList<ProfileRecord>> all = m_profiles.profiles();
    if (!all.ok() || caller.isAdmin())
        return all;
    QList<ProfileRecord> own;
    for (const ProfileRecord &profile : all.value()) {
        if (profile.owner == caller.userName)
            own.append(profile);
    }
    return own;
}

Result<ProfileRecord> ProfileService::visibleProfile(const Identity &caller, qint64 id)
{
    Result<std::optional<ProfileRecord>> found = m_profiles.profile(id);
    if (!found.ok())
        return found.error();
    if (!found->has_value() || (!caller.isAdmin() && (*found)->owner != caller.userName))
        return Error(ErrorCode::NotFound, u"There is no profile %1."_s.arg(id));
    return found->value();
}

Status ProfileService::remove(const Identity &caller, qint64 id)
{
    Result<ProfileRecord> profile = visibleProfile(caller, id);
    if (!profile.ok())
        return profile.error();
    if (!caller.isAdmin() && !caller.privileges.contains(modifyPrivilege(profile->kind)))
        return Error(ErrorCode::PermissionDenied,
                     u"You do not have the privilege to delete %1 profiles."_s.arg(profile->kind));
    Result<bool> removed = m_profiles.remove(id);
    if (!removed.ok())
        return removed.error();
    return {};
}

Status ProfileService::setExecution(const Identity &caller, qint64 id,
                                    const ServerSideExecution &execution)
{
    Result<ProfileRecord> profile = visibleProfile(caller, id);
    if (!profile.ok())
        return profile.error();
    if (!caller.isAdmin() && !caller.privileges.contains(modifyPrivilege(profile->kind)))
        return Error(ErrorCode::PermissionDenied,
                     u"You do not have the privilege to change %1 profiles."_s.arg(profile->kind));
    if (Status stored = m_profiles.setExecution(id, execution); !stored.ok())
        return stored;
    return m_profiles.addHistory(
        id, {{},
             u"serverSideExecution"_s,
             caller.userName,
             {{u"automatic"_s, execution.automatic},
              {u"automaticPauseBetweenExecutions"_s, execution.pauseSeconds},
              {u"automaticMaintenanceWindows"_s, execution.maintenanceWindows}}});
}

Status ProfileService::mayRun(const Identity &caller, const ProfileRecord &profile)
{
    if (caller.isAdmin())
        return {};
    if (profile.owner != caller.userName)
        return Error(ErrorCode::NotFound, u"There is no profile %1."_s.arg(profile.id));
    if (!caller.privileges.contains(runPrivilege(profile.kind)))
        return Error(ErrorCode::PermissionDenied,
                     u"You do not have the privilege to run %1 profiles (%2)."_s.arg(
                         profile.kind, runPrivilege(profile.kind)));
    return {};
}

Result<QJsonObject> ProfileService::runProperties(const ProfileRecord &profile)
{
    Result<QJsonObject> secrets = open(profile);
    if (!secrets.ok())
        return secrets.error();
    QJsonObject properties = profile.properties;
    for (auto it = secrets->constBegin(); it != secrets->constEnd(); ++it)
        properties.insert(it.key(), it.value());
    return properties;
}

QJsonObject ProfileService::toJson(const ProfileRecord &profile)
{
    QJsonObject json = profile.properties;
    json.insert(u"id"_s, static_cast<double>(profile.id));
    json.insert(u"version"_s, profile.version);
    json.insert(u"name"_s, profile.name);
    json.insert(u"kind"_s, profile.kind);
    json.insert(u"type"_s, profile.type);
    json.insert(u"owner"_s, profile.owner);
    const std::optional<ProfileTypeInfo> type = ProfileTypes::find(profile.type);
    json.insert(u"protocol"_s, type ? type->protocol : QString());
    json.insert(
        u"serverSideExecution"_s,
        QJsonObject{{u"automatic"_s, profile.execution.automatic},
                    {u"automaticPauseBetweenExecutions"_s, profile.execution.pauseSeconds},
                    {u"automaticMaintenanceWindows"_s, profile.execution.maintenanceWindows}});
    QJsonArray stored;
    if (type && !profile.sealedSecrets.isEmpty()) {
        for (const QString &secret : type->secrets)
            stored.append(secret);
    }
    json.insert(u"storedSecrets"_s, stored);
    json.insert(u"createdAt"_s, isoOrNull(profile.createdAt));
    json.insert(u"updatedAt"_s, isoOrNull(profile.updatedAt));
    json.insert(u"lastRunStarted"_s, profile.lastRunStarted.isValid()
                                         ? QJsonValue(isoOrNull(profile.lastRunStarted))
                                         : QJsonValue());
    json.insert(u"lastRunEnded"_s, profile.lastRunEnded.isValid()
                                       ? QJsonValue(isoOrNull(profile.lastRunEnded))
                                       : QJsonValue());
    return json;
}

} // namespace Mailkeep::Core
