#pragma once

#include "api/ApiClient.h"
#include "shell/CommandWords.h"
#include "shell/ExitCode.h"
#include "shell/ShellOutput.h"

#include <QJsonValue>

#include <atomic>

namespace Mailkeep::Shell {

// The management shell's interpreter: the client-side commands (help, clear, user-list,
// import-list, ...) and every function the server lists in its metadata, called with
// --name=value arguments and answered with pretty-printed JSON. Shared by mailkeep-cmd and the
// console's command prompt page; it knows no terminal, only its ShellOutput.
class Interpreter
{
public:
    Interpreter(Api::ApiClient &client, ShellOutput &output);

    // Logs on (GetServerInfo) and reads the server's functions. Anything but Success: the
    // reason has been written to the output.
    ExitCode connect();
    // Runs one command given as words (the words after -c, or a split line).
    ExitCode run(const QStringList &words, const std::atomic<bool> *interrupt = nullptr);
    ExitCode runLine(const QString &line, const std::atomic<bool> *interrupt = nullptr);

    // Command names starting with `prefix` (client-side ones and the server's functions),
    // and argument names of `command` starting with `prefix` (without the dashes).
    QStringList commandsStartingWith(const QString &prefix) const;
    QStringList argumentsStartingWith(const QString &command, const QString &prefix) const;
    QString serverDescription() const { return m_serverDescription; }

    // For the client-side commands.
    struct Called
    {
        ExitCode code = ExitCode::Success;
        QJsonValue result;
    };
    // Calls a server function; failures are written to the output. `showProgress`: running
    // calls report their status as they go.
    Called call(const QString &function, const Api::FormFields &arguments,
                const std::atomic<bool> *interrupt, bool showProgress = true);
    bool serverHas(const QString &function) const;
    const Api::FunctionSignature *serverFunction(const QString &function) const;
    const QList<Api::FunctionSignature> &serverFunctions() const { return m_functions; }
    ShellOutput &output() { return m_output; }
    static QString pretty(const QJsonValue &value);

private:
    ExitCode failureExit(Api::CallFailure failure, const QString &message);
    ExitCode runServerFunction(const ParsedCommand &command, const std::atomic<bool> *interrupt);

    Api::ApiClient &m_client;
    ShellOutput &m_output;
    QList<Api::FunctionSignature> m_functions;
    QString m_serverDescription;
};

} // namespace Mailkeep::Shell
