#pragma once

#include "core/AuditLog.h"
#include "core/FunctionRegistry.h"
#include "core/StoreMaintenance.h"

namespace Mailkeep::Core {

// AttachStore, DetachStore, SetStoreProperties, RetryOpenStores, VerifyStore(s), CompactStore,
// MergeStore and TransferStores. Administrators only; changes go to the audit log.
void registerStoreMaintenanceFunctions(FunctionRegistry &registry, ArchiveService &archive,
                                       AuditLog &audit);

} // namespace Mailkeep::Core
