#pragma once

#include "core/FunctionRegistry.h"
#include "core/functions/MessageFunctions.h"

namespace Mailkeep::Core {

// GetArchiveStatistics: messages archived per day (the console's dashboard chart).
void registerArchiveStatisticsFunctions(FunctionRegistry &registry,
                                        const MessageServices &services);

} // namespace Mailkeep::Core
