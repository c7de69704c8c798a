#pragma once

#include "core/FunctionRegistry.h"
#include "core/SavedSearchStore.h"

namespace Mailkeep::Core {

// SaveSearch, GetSavedSearches and DeleteSavedSearch: every user keeps their own.
void registerSavedSearchFunctions(FunctionRegistry &registry, SavedSearchStore &searches);

} // namespace Mailkeep::Core
