#pragma once

#include "core/FolderStore.h"
#include "core/FunctionRegistry.h"
#include "core/UserStore.h"

#include <functional>

namespace Mailkeep::Core {

// GetUsers, GetUserInfo, CreateUser, DeleteUser and the SetUser... functions for the user's
// attributes, password and (login) privileges. usersChanged runs after every change, so that
// remembered logins are checked again (a changed password or privilege takes effect at once).
void registerUserFunctions(FunctionRegistry &registry, UserStore &users, FolderStore &folders,
                           std::function<void()> usersChanged);

// {"userName", "fullName", "distinguishedName", "authentication", "emailAddresses",
//  "pop3UserNames", "privileges", "loginPrivileges", "privilegesOnFolders"}
QJsonObject userInfoJson(const UserRecord &user, const QList<FolderPrivilege> &folderPrivileges);

} // namespace Mailkeep::Core
