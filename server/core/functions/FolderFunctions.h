#pragma once

#include "core/ArchiveService.h"
#include "core/FolderStore.h"
#include "core/FunctionRegistry.h"
#include "core/UserStore.h"

namespace Mailkeep::Core {

// GetChildFolders, GetFolderStatistics, MoveFolder, DeleteEmptyFolders,
// SetUserPrivilegesOnFolder, SetUserPrivilegesOnAllFolders and ClearUserPrivilegesOnFolders.
void registerFolderFunctions(FunctionRegistry &registry, UserStore &users, ArchiveService &archive);

} // namespace Mailkeep::Core
