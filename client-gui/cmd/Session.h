#pragma once

#include "shell/ShellOptions.h"
#include "shell/ShellOutput.h"

namespace Mailkeep::Cmd {

// One run of mailkeep-cmd after its options are read: the password found, the logon, then
// the one command of -c or the interactive loop. Returns the process's exit code.
int runSession(const Shell::ShellOptions &options, Shell::ShellOutput &output, bool toConsole);

} // namespace Mailkeep::Cmd
