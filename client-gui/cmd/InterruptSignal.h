#pragma once

#include <atomic>

namespace Mailkeep::Cmd {

// Ctrl-C while a command runs: the handler only raises a flag (all a signal handler may
// safely do); the API client sees it between two status polls and cancels the server task.
namespace InterruptSignal {
void arm();    // lowers the flag and lets SIGINT raise it
void ignore(); // SIGINT does nothing (at the interactive prompt)
const std::atomic<bool> *flag();
} // namespace InterruptSignal

} // namespace Mailkeep::Cmd
