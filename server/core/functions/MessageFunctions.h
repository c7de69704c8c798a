#pragma once

#include "core/ArchiveService.h"
#include "core/FunctionRegistry.h"

namespace Mailkeep::Core {

// ImportEmailFiles (administrators; long-running), GetMessages and GetMessageContent (any
// user, for folders they may read: administrators need folder privileges too, because an
// administrator does not read other users' mail by default).
void registerMessageFunctions(FunctionRegistry &registry, ArchiveService &archive);

} // namespace Mailkeep::Core
