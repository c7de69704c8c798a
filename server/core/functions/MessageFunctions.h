#pragma once

#include "core/ArchiveService.h"
#include "core/AuditLog.h"
#include "core/FunctionRegistry.h"
#include "core/MessageAccess.h"
#include "core/WorkerResultStore.h"
#include "model/Clock.h"

namespace Mailkeep::Core {

struct MessageServices
{
    ArchiveService &archive;
    MessageAccess &access;
    WorkerResultStore &results;
    AuditLog &audit;
    const Clock &clock;
};

// ImportEmailFiles (administrators; long-running; each run is a worker result), GetMessages
// and GetMessageContent (any user, for folders they may read, see MessageAccess), and
// DeleteMessage (the reason goes to the audit log).
void registerMessageFunctions(FunctionRegistry &registry, const MessageServices &services);

} // namespace Mailkeep::Core
