#pragma once

#include "core/AuditLog.h"
#include "core/FolderStore.h"
#include "core/FunctionRegistry.h"
#include "core/UserStore.h"
#include "core/credentials/CredentialService.h"
#include "core/directory/DirectorySource.h"

#include <functional>

namespace Mailkeep::Core {

struct DirectoryFunctionParts
{
    UserStore &users; // also where the configuration is kept (a server property)
    FolderStore &folders;
    CredentialService &credentials;
    AuditLog &audit;
    DirectoryConnector connect;
    std::function<void()> usersChanged; // remembered logins are checked again
};

// GetDirectoryServicesConfiguration, SetDirectoryServicesConfiguration and
// SyncUsersWithDirectoryServices (dryRun: read and report, change nothing). Administrators
// only. Also tells the credentials that the configuration may hold one of them.
void registerDirectoryFunctions(FunctionRegistry &registry, DirectoryFunctionParts parts);

} // namespace Mailkeep::Core
