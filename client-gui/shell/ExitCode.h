#pragma once

namespace Mailkeep::Shell {

// What mailkeep-cmd returns to a script: 0 only when the login and the command succeeded;
// each kind of failure has its own value, so a script can tell them apart.
enum class ExitCode : int
{
    Success = 0,
    CommandFailed = 1,      // the server ran the function and it failed (or was cancelled)
    BadArguments = 2,       // options or arguments the shell or the server refused
    UnknownCommand = 3,     // neither a shell command nor a server function
    ConnectionFailed = 4,   // the server cannot be reached, or the connection broke
    CertificateRefused = 5, // TLS: untrusted or not the pinned certificate
    AuthenticationFailed = 6,
    ProtocolError = 7, // an answer that is not the API's
    Interrupted = 130, // Ctrl-C: the server task was cancelled (128 + SIGINT, as shells do)
};

inline int exitStatus(ExitCode code)
{
    return static_cast<int>(code);
}

} // namespace Mailkeep::Shell
