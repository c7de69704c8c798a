#include "core/functions/UserFunctions.h"

#include "core/Identity.h"
#include "core/UserRules.h"
#include "crypto/PasswordHasher.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

QJsonValue nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// Someone must stay able to administrate the archive.
Status keepsAnAdministrator(UserStore &users, const QString &changedUser, bool stillAdmin)
{
    if (stillAdmin)
        return {};
    Result<QList<UserRecord>> all = users.listUsers();
    if (!all.ok())
        return all.error();
    for (const UserRecord &user : all.value()) {
        if (user.userName != changedUser && user.privileges.contains(Privilege::Admin))
            return {};
    }
    return Error(ErrorCode::Conflict,
                 u"%1 is the last administrator; make another user an administrator first."_s.arg(
                     changedUser));
}

Api::ArgumentSpec userNameArgument()
{
    return {u"userName"_s, ArgumentType::String, false};
}

} // namespace

QJsonObject userInfoJson(const UserRecord &user, const QList<FolderPrivilege> &folderPrivileges)
{
    QJsonArray onFolders;
    for (const FolderPrivilege &privilege : folderPrivileges) {
        onFolders.append(
            QJsonObject{{u"folder"_s, privilege.folder},
                        {u"privileges"_s, QJsonArray::fromStringList(privilege.privileges)}});
    }
    return QJsonObject{
        {u"userName"_s, user.userName},
        {u"fullName"_s, nullIfEmpty(user.fullName)},
        {u"distinguishedName"_s, nullIfEmpty(user.distinguishedName)},
        {u"authentication"_s, user.authentication},
        {u"emailAddresses"_s, QJsonArray::fromStringList(user.emailAddresses)},
        {u"pop3UserNames"_s, QJsonArray::fromStringList(user.pop3UserNames)},
        {u"privileges"_s, QJsonArray::fromStringList(user.privileges)},
        {u"loginPrivileges"_s, QJsonArray::fromStringList(user.loginPrivileges)},
        {u"privilegesOnFolders"_s, onFolders},
    };
}

void registerUserFunctions(FunctionRegistry &registry, UserStore &users, FolderStore &folders,
                           std::function<void()> usersChanged)
{
    registry.add({{u"GetUsers"_s, {}},
                  Access::Admin,
                  [&users](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<QList<UserRecord>> all = users.listUsers();
                      if (!all.ok())
                          return all.error();
                      QJsonArray list;
                      for (const UserRecord &user : all.value()) {
                          list.append(QJsonObject{
                              {u"userName"_s, user.userName},
                              {u"fullName"_s, nullIfEmpty(user.fullName)},
                              {u"distinguishedName"_s, nullIfEmpty(user.distinguishedName)}});
                      }
                      return QJsonValue(list);
                  }});

    registry.add({{u"GetCurrentUserInfo"_s, {}},
                  Access::AnyUser,
                  [](const Api::Arguments &, CallContext &context) -> Result<QJsonValue> {
                      // What a client needs to shape itself for the signed-in user.
                      return QJsonValue(QJsonObject{
                          {u"userName"_s, context.caller.userName},
                          {u"fullName"_s, context.caller.fullName},
                          {u"isAdmin"_s, context.caller.isAdmin()},
                          {u"privileges"_s, QJsonArray::fromStringList(context.caller.privileges)},
                          {u"loginPrivileges"_s,
                           QJsonArray::fromStringList(context.caller.loginPrivileges)}});
                  }});
    registry.add(
        {{u"GetUserInfo"_s, {userNameArgument()}},

         Access::Admin,
         [&users, &folders](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             Result<UserRecord> user = UserRules::existingUser(users, args.string(u"userName"_s));
             if (!user.ok())
                 return user.error();
             Result<QList<FolderPrivilege>> onFolders = folders.folderPrivileges(user->id);
             if (!onFolders.ok())
                 return onFolders.error();
             return QJsonValue(userInfoJson(user.value(), onFolders.value()));
         }});

    registry.add(
        {{u"CreateUser"_s,
          {userNameArgument(),
           {u"privileges"_s, ArgumentType::StringList, false},
           {u"fullName"_s, ArgumentType::String, true},
           {u"distinguishedName"_s, ArgumentType::String, true},
           {u"authentication"_s, ArgumentType::String, true},
           {u"password"_s, ArgumentType::String, true},
           {u"loginPrivileges"_s, ArgumentType::StringList, true}}},
         Access::Admin,
         [&users, usersChanged](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             UserRecord user;
             Result<QString> name = UserRules::normaliseUserName(args.string(u"userName"_s));
             if (!name.ok())
                 return name.error();
             user.userName = name.value();
             Result<QStringList> privileges =
                 UserRules::parsePrivileges(args.list(u"privileges"_s));
             if (!privileges.ok())
                 return privileges.error();
             user.privileges = privileges.value();
             // Without loginPrivileges, all login privileges are assigned.
             Result<QStringList> login =
                 args.has(u"loginPrivileges"_s)
                     ? UserRules::parseLoginPrivileges(args.list(u"loginPrivileges"_s))
                     : Result<QStringList>(LoginPrivilege::all());
             if (!login.ok())
                 return login.error();
             user.loginPrivileges = login.value();
             user.fullName = args.string(u"fullName"_s);
             user.distinguishedName = args.string(u"distinguishedName"_s);
             user.authentication = args.string(u"authentication"_s, u"integrated"_s);
             if (Status ok = UserRules::checkAuthentication(user.authentication); !ok.ok())
                 return ok.error();
             if (args.has(u"password"_s)) {
                 if (Status ok = UserRules::checkPassword(args.string(u"password"_s)); !ok.ok())
                     return ok.error();
                 Result<QString> hash = Crypto::PasswordHasher::hash(args.string(u"password"_s));
                 if (!hash.ok())
                     return hash.error();
                 user.passwordHash = hash.value();
             }
             Result<UserRecord> created = users.createUser(user);
             if (!created.ok())
                 return created.error();
             usersChanged();
             return QJsonValue(userInfoJson(created.value(), {}));
         }});

    registry.add(
        {{u"DeleteUser"_s, {userNameArgument()}},
         Access::Admin,
         [&users, usersChanged](const Api::Arguments &args,
                                CallContext &context) -> Result<QJsonValue> {
             Result<UserRecord> user = UserRules::existingUser(users, args.string(u"userName"_s));
             if (!user.ok())
                 return user.error();
             if (user->userName == context.caller.userName)
                 return Error(ErrorCode::Conflict, u"You cannot delete yourself."_s);
             if (Status kept = keepsAnAdministrator(users, user->userName, false); !kept.ok())
                 return kept.error();
             if (Status deleted = users.deleteUser(user->userName); !deleted.ok())
                 return deleted.error();
             usersChanged();
             return QJsonValue();
         }});

    registry.add(
        {{u"RenameUser"_s,
          {{u"oldUserName"_s, ArgumentType::String, false},
           {u"newUserName"_s, ArgumentType::String, false}}},
         Access::Admin,
         [&users, usersChanged](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             Result<UserRecord> user =
                 UserRules::existingUser(users, args.string(u"oldUserName"_s));
             if (!user.ok())
                 return user.error();
             Result<QString> newName = UserRules::normaliseUserName(args.string(u"newUserName"_s));
             if (!newName.ok())
                 return newName.error();
             if (Status renamed = users.renameUser(user->userName, newName.value()); !renamed.ok())
                 return renamed.error();
             usersChanged();
             return QJsonValue();
         }});

    // One SetUser... function per attribute: check the value, store it, forget cached logins.
    struct Setter
    {
        QString function;
        QString argument;
        ArgumentType type;
        bool optional;
        UserField field;
    };
    const QList<Setter> setters = {
        {u"SetUserFullName"_s, u"fullName"_s, ArgumentType::String, true, UserField::FullName},
        {u"SetUserDistinguishedName"_s, u"distinguishedName"_s, ArgumentType::String, true,
         UserField::DistinguishedName},
        {u"SetUserAuthentication"_s, u"authentication"_s, ArgumentType::String, false,
         UserField::Authentication},
        {u"SetUserPassword"_s, u"password"_s, ArgumentType::String, false, UserField::PasswordHash},
        {u"SetUserPrivileges"_s, u"privileges"_s, ArgumentType::StringList, false,
         UserField::Privileges},
        {u"SetUserLoginPrivileges"_s, u"loginPrivileges"_s, ArgumentType::StringList, false,
         UserField::LoginPrivileges},
        {u"SetUserEmailAddresses"_s, u"emailAddresses"_s, ArgumentType::StringList, true,
         UserField::EmailAddresses},
        {u"SetUserPop3UserNames"_s, u"pop3UserNames"_s, ArgumentType::StringList, true,
         UserField::Pop3UserNames},
    };
    for (const Setter &setter : setters) {
        registry.add(
            {{setter.function,
              {userNameArgument(), {setter.argument, setter.type, setter.optional}}},
             Access::Admin,
             [&users, usersChanged, setter](const Api::Arguments &args,
                                            CallContext &) -> Result<QJsonValue> {
                 Result<UserRecord> user =
                     UserRules::existingUser(users, args.string(u"userName"_s));
                 if (!user.ok())
                     return user.error();
                 QVariant value;
                 switch (setter.field) {
                 case UserField::Authentication: {
                     const QString authentication = args.string(setter.argument);
                     if (Status ok = UserRules::checkAuthentication(authentication); !ok.ok())
                         return ok.error();
                     value = authentication;
                     break;
                 }
                 case UserField::PasswordHash: {
                     const QString password = args.string(setter.argument);
                     if (Status ok = UserRules::checkPassword(password); !ok.ok())
                         return ok.error();
                     Result<QString> hash = Crypto::PasswordHasher::hash(password);
                     if (!hash.ok())
                         return hash.error();
                     value = hash.value();
                     break;
                 }
                 case UserField::Privileges: {
                     Result<QStringList> parsed =
                         UserRules::parsePrivileges(args.list(setter.argument));
                     if (!parsed.ok())
                         return parsed.error();
                     if (Status kept = keepsAnAdministrator(users, user->userName,
                                                            parsed->contains(Privilege::Admin));
                         !kept.ok())
                         return kept.error();
                     value = parsed.value();
                     break;
                 }
                 case UserField::LoginPrivileges: {
                     Result<QStringList> parsed =
                         UserRules::parseLoginPrivileges(args.list(setter.argument));
                     if (!parsed.ok())
                         return parsed.error();
                     value = parsed.value();
                     break;
                 }
                 case UserField::EmailAddresses:
                 case UserField::Pop3UserNames:
                     value = args.list(setter.argument);
                     break;
                 case UserField::FullName:
                 case UserField::DistinguishedName:
                     value = args.string(setter.argument);
                     break;
                 }
                 if (Status updated = users.updateUser(user->userName, setter.field, value);
                     !updated.ok())
                     return updated.error();
                 usersChanged();
                 return QJsonValue();
             }});
    }
}

} // namespace Mailkeep::Core
