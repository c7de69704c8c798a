#pragma once

#include "core/AuditLog.h"
#include "core/FunctionRegistry.h"
#include "core/PropertyStore.h"

namespace Mailkeep::Core {

// GetGlobalProperties and SetGlobalProperty (what mailkeep-cmd's store-setprop calls).
void registerGlobalPropertyFunctions(FunctionRegistry &registry, PropertyStore &properties,
                                     AuditLog &audit);

} // namespace Mailkeep::Core
