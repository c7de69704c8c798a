#pragma once

#include "core/functions/MessageFunctions.h"

namespace Mailkeep::Core {

// SearchMessages (any user; only what the caller may read, enforced here and in the index
// query), and the index functions GetStoreIndexes, RebuildStoreIndex,
// SelectAllStoreIndexesForRebuild and RebuildSelectedStoreIndexes (administrators).
void registerSearchFunctions(FunctionRegistry &registry, const MessageServices &services);

} // namespace Mailkeep::Core
