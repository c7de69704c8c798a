#include "cmd/InterruptSignal.h"

#include <csignal>

namespace Mailkeep::Cmd::InterruptSignal {

namespace {

std::atomic<bool> g_interrupted = false;
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void raiseFlag(int)
{
    g_interrupted.store(true);
}

void install(void (*handler)(int))
{
    struct sigaction action = {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
}

} // namespace

void arm()
{
    g_interrupted = false;
    install(raiseFlag);
}

void ignore()
{
    install(SIG_IGN);
}

const std::atomic<bool> *flag()
{
    return &g_interrupted;
}

} // namespace Mailkeep::Cmd::InterruptSignal
