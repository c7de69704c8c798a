#pragma once

#include "core/FunctionRegistry.h"
#include "core/WorkerResultStore.h"

namespace Mailkeep::Core {

// GetWorkerResults and GetWorkerResultReport. Administrators see every run; other users only
// the runs on their own archive.
void registerWorkerResultFunctions(FunctionRegistry &registry, WorkerResultStore &results);

} // namespace Mailkeep::Core
