#include "core/directory/DirectorySettings.h"

#include "core/FolderPaths.h"
#include "core/UserRules.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

const QString DirectorySettings::kNone = u"none"_s;
const QString DirectorySettings::kMicrosoft365 = u"microsoft365"_s;
const QString DirectorySettings::kMicrosoft365China = u"microsoft365China"_s;

namespace {

Error wrongType(const QString &name, const QString &expected)
{
    return Error(ErrorCode::InvalidArgument,
                 u"The directory services setting %1 must be %2."_s.arg(name, expected));
}

Result<QStringList> stringList(const QJsonValue &value, const QString &name)
{
    if (!value.isArray())
        return wrongType(name, u"a list of texts"_s);
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (!item.isString() || item.toString().trimmed().isEmpty())
            return wrongType(name, u"a list of texts"_s);
        list << item.toString().trimmed();
    }
    return list;
}

} // namespace

Result<DirectorySettings> DirectorySettings::fromJson(const QJsonObject &json)
{
    DirectorySettings settings;
    const QStringList known{u"type"_s,
                            u"credentialId"_s,
                            u"licensedExchangeUsersOnly"_s,
                            u"enabledUsersOnly"_s,
                            u"groups"_s,
                            u"microsoft365GroupsAsUsers"_s,
                            u"assignDefaultPrivileges"_s,
                            u"defaultPrivileges"_s,
                            u"defaultFolderPrivileges"_s,
                            u"deleteUsers"_s};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!known.contains(it.key()))
            return Error(ErrorCode::InvalidArgument,
                         u"There is no directory services setting %1; known are %2."_s.arg(
                             it.key(), known.join(u", "_s)));
    }
    const QJsonValue type = json.value(u"type"_s);
    if (!type.isUndefined()) {
        if (!type.isString() ||
            !QStringList{kNone, kMicrosoft365, kMicrosoft365China}.contains(type.toString()))
            return wrongType(u"type"_s, u"none, microsoft365 or microsoft365China"_s);
        settings.type = type.toString();
    }
    const QJsonValue credential = json.value(u"credentialId"_s);
    if (!credential.isUndefined()) {
        if (!credential.isDouble() || credential.toDouble() < 0 ||
            credential.toDouble() != double(credential.toInteger()))
            return wrongType(u"credentialId"_s, u"the number of a credential"_s);
        settings.credentialId = credential.toInteger();
    }
    if (settings.type != kNone && settings.credentialId == 0)
        return Error(ErrorCode::InvalidArgument,
                     u"Synchronising with Microsoft 365 needs credentialId, the credential "
                     "Mailkeep signs in with."_s);
    for (const auto &[name, flag] :
         {std::pair<QString, bool *>{u"licensedExchangeUsersOnly"_s,
                                     &settings.licensedExchangeUsersOnly},
          {u"enabledUsersOnly"_s, &settings.enabledUsersOnly},
          {u"microsoft365GroupsAsUsers"_s, &settings.microsoft365GroupsAsUsers},
          {u"assignDefaultPrivileges"_s, &settings.assignDefaultPrivileges},
          {u"deleteUsers"_s, &settings.deleteUsers}}) {
        const QJsonValue value = json.value(name);
        if (value.isUndefined())
            continue;
        if (!value.isBool())
            return wrongType(name, u"true or false"_s);
        *flag = value.toBool();
    }
    if (json.contains(u"groups"_s)) {
        Result<QStringList> groups = stringList(json.value(u"groups"_s), u"groups"_s);
        if (!groups.ok())
            return groups.error();
        settings.groups = groups.value();
    }
    if (json.contains(u"defaultPrivileges"_s)) {
        Result<QStringList> typed =
            stringList(json.value(u"defaultPrivileges"_s), u"defaultPrivileges"_s);
        if (!typed.ok())
            return typed.error();
        Result<QStringList> parsed = UserRules::parsePrivileges(typed.value());
        if (!parsed.ok())
            return parsed.error();
        settings.defaultPrivileges = parsed.value();
    }
    if (json.contains(u"defaultFolderPrivileges"_s)) {
        Result<QStringList> typed =
            stringList(json.value(u"defaultFolderPrivileges"_s), u"defaultFolderPrivileges"_s);
        if (!typed.ok())
            return typed.error();
        Result<QStringList> parsed = parseFolderPrivileges(typed.value());
        if (!parsed.ok())
            return parsed.error();
        settings.defaultFolderPrivileges = parsed.value();
    }
    return settings;
}

QJsonObject DirectorySettings::toJson() const
{
    return {{u"type"_s, type},
            {u"credentialId"_s, credentialId},
            {u"licensedExchangeUsersOnly"_s, licensedExchangeUsersOnly},
            {u"enabledUsersOnly"_s, enabledUsersOnly},
            {u"groups"_s, QJsonArray::fromStringList(groups)},
            {u"microsoft365GroupsAsUsers"_s, microsoft365GroupsAsUsers},
            {u"assignDefaultPrivileges"_s, assignDefaultPrivileges},
            {u"defaultPrivileges"_s, QJsonArray::fromStringList(defaultPrivileges)},
            {u"defaultFolderPrivileges"_s, QJsonArray::fromStringList(defaultFolderPrivileges)},
            {u"deleteUsers"_s, deleteUsers}};
}

QString DirectorySettings::cloud() const
{
    return type == kMicrosoft365China ? u"china"_s : u"global"_s;
}

} // namespace Mailkeep::Core
