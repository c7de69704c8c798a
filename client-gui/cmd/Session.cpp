#include "cmd/Session.h"

#include "api/ApiClient.h"
#include "cmd/InterruptSignal.h"
#include "cmd/LineEditor.h"
#include "shell/Credentials.h"
#include "shell/Interpreter.h"

#include <QCoreApplication>

#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Cmd {

namespace {

// The translation context of this file's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Cmd::Session)
};

// Asks on the terminal, without echo.
std::optional<QString> askPassword(const QString &prompt)
{
    if (!::isatty(STDIN_FILENO))
        return std::nullopt;
    std::cerr << prompt.toLocal8Bit().constData() << std::flush;
    termios saved{};
    ::tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    std::string line;
    const bool read = static_cast<bool>(std::getline(std::cin, line));
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << std::endl;
    if (!read)
        return std::nullopt;
    return QString::fromLocal8Bit(line.c_str());
}

Result<QString> findPassword(const Shell::ShellOptions &options)
{
    if (options.password)
        return *options.password;
    const bool named = !options.credentialKey.isEmpty();
    const QString server = named ? options.credentialKey.section(u'@', 1) : options.host;
    Result<std::optional<QString>> stored = Shell::storedPassword(options.userName, server, named);
    if (!stored.ok())
        return stored.error();
    if (stored->has_value())
        return **stored;
    if (std::optional<QString> typed =
            askPassword(Text::tr("Password for %1@%2: ").arg(options.userName, options.host)))
        return *typed;
    return Error(ErrorCode::InvalidArgument,
                 Text::tr("No password: give --p, set MAILKEEP_PASSWORD, or store it in %1.")
                     .arg(Shell::credentialsFilePath()));
}

int interactive(Shell::Interpreter &shell, const Shell::ShellOptions &options)
{
    LineEditor editor([&shell](const QString &before, const QString &word) {
        const QString command = before.trimmed().section(u' ', 0, 0);
        if (command.isEmpty())
            return shell.commandsStartingWith(word);
        if (!word.startsWith(u"--"_s))
            return QStringList();
        QStringList names;
        for (const QString &name : shell.argumentsStartingWith(command, word.mid(2)))
            names << u"--"_s + name + u'=';
        return names;
    });
    const QString prompt = u"%1@%2> "_s.arg(options.userName, options.host);
    for (;;) {
        InterruptSignal::ignore(); // Ctrl-C stops commands, not the shell
        const std::optional<QString> line = editor.readLine(prompt);
        if (!line)
            break;
        const QString trimmed = line->trimmed();
        if (trimmed == u"exit"_s || trimmed == u"quit"_s)
            break;
        InterruptSignal::arm();
        shell.runLine(*line, InterruptSignal::flag());
    }
    return Shell::exitStatus(Shell::ExitCode::Success);
}

} // namespace

int runSession(const Shell::ShellOptions &options, Shell::ShellOutput &output, bool toConsole)
{
    if (options.userName.isEmpty()) {
        output.error(Text::tr("No user name: give --u=<user> (or --cred=<user>@<server>)."));
        return Shell::exitStatus(Shell::ExitCode::BadArguments);
    }
    Result<QString> password = findPassword(options);
    if (!password.ok()) {
        output.error(password.error().message);
        return Shell::exitStatus(Shell::ExitCode::BadArguments);
    }
    Api::ServerAddress address;
    address.host = options.host;
    address.port = options.port;
    address.userName = options.userName;
    address.password = password.value();
    address.pinnedSha256 = options.pinnedSha256;
    address.clientKind = "shell"; // needs the login privilege windowsCmd, as MailStoreCmd does

    Api::ApiClient client(address);
    Shell::Interpreter shell(client, output);
    if (const Shell::ExitCode connected = shell.connect(); connected != Shell::ExitCode::Success)
        return Shell::exitStatus(connected);
    if (!options.noLogo)
        output.result(Text::tr("Mailkeep Management Shell %1\nConnected to %2 as %3.")
                          .arg(QCoreApplication::applicationVersion(), shell.serverDescription(),
                               options.userName));
    if (!options.command.isEmpty()) {
        InterruptSignal::arm();
        return Shell::exitStatus(shell.run(options.command, InterruptSignal::flag()));
    }
    if (!toConsole || !::isatty(STDIN_FILENO)) {
        // Commands from a pipe or file, one per line; the first failure ends the run.
        std::string line;
        InterruptSignal::arm();
        while (std::getline(std::cin, line)) {
            const Shell::ExitCode code =
                shell.runLine(QString::fromLocal8Bit(line.c_str()), InterruptSignal::flag());
            if (code != Shell::ExitCode::Success)
                return Shell::exitStatus(code);
        }
        return Shell::exitStatus(Shell::ExitCode::Success);
    }
    return interactive(shell, options);
}

} // namespace Mailkeep::Cmd
