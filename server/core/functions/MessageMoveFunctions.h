#pragma once

#include "core/functions/MessageFunctions.h"

namespace Mailkeep::Core {

// MoveMessages: messages into another archive folder. The caller needs the delete privilege
// on each source folder (the message leaves it, so legal hold stops it too) and the write
// privilege on the target; write-protected stores keep their mail. Audited as MessageMove.
void registerMessageMoveFunctions(FunctionRegistry &registry, const MessageServices &services);

} // namespace Mailkeep::Core
