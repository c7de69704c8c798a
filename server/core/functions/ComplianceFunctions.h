#pragma once

#include "core/ComplianceService.h"
#include "core/FunctionRegistry.h"

namespace Mailkeep::Core {

// GetComplianceConfiguration and SetComplianceConfiguration (administrators).
void registerComplianceFunctions(FunctionRegistry &registry, ComplianceService &compliance);

} // namespace Mailkeep::Core
