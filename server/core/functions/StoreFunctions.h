#pragma once

#include "core/FunctionRegistry.h"
#include "core/StoreService.h"

namespace Mailkeep::Core {

// GetStores, CreateStore, RenameStore, SetStoreRequestedState, Get/SetStoreAutoCreateConfiguration,
// RefreshAllStoreStatistics and UnlockStore. Administrators only.
void registerStoreFunctions(FunctionRegistry &registry, StoreService &stores);

QJsonObject storeJson(const StoreRecord &store, bool locked);

} // namespace Mailkeep::Core
