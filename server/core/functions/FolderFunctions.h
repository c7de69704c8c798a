#pragma once

#include "core/FolderStore.h"
#include "core/FunctionRegistry.h"
#include "core/UserStore.h"

namespace Mailkeep::Core {

// GetChildFolders, SetUserPrivilegesOnFolder, SetUserPrivilegesOnAllFolders and
// ClearUserPrivilegesOnFolders.
void registerFolderFunctions(FunctionRegistry &registry, UserStore &users, FolderStore &folders);

} // namespace Mailkeep::Core
