#pragma once

#include "shell/CommandWords.h"
#include "shell/ExitCode.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace Mailkeep::Shell {

class Interpreter;

// A command the shell carries out itself (MailStoreCmd's client-side commands), usually by
// calling one or more server functions.
struct ClientCommand
{
    QString name;
    QStringList arguments; // the names it takes, for completion and help
    QString synopsis;      // translated
    std::function<ExitCode(Interpreter &, const ParsedCommand &, const std::atomic<bool> *)> run;
};

const QList<ClientCommand> &clientCommands();
const ClientCommand *findClientCommand(const QString &name);

// The global properties store-setprop changes (the server keeps and checks them).
QStringList globalPropertyNames();

} // namespace Mailkeep::Shell
