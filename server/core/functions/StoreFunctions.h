#pragma once

#include "core/AuditLog.h"
#include "core/FunctionRegistry.h"
#include "core/StoreService.h"

namespace Mailkeep::Core {

// GetStores, CreateStore, RenameStore, SetStoreRequestedState, Get/SetStoreAutoCreateConfiguration,
// RefreshAllStoreStatistics and UnlockStore. Administrators only.
// Changes are written to the audit log.
void registerStoreFunctions(FunctionRegistry &registry, StoreService &stores, AuditLog &audit);

// status: what GetStores reports (StoreService::status).
QJsonObject storeJson(const StoreRecord &store, const QString &status);

// Writes a store change to the audit log.
Status auditStoreChange(AuditLog &audit, const CallContext &context, const QString &event,
                        const StoreRecord &store, QJsonObject details = {});

} // namespace Mailkeep::Core
