#include "shell/ClientCommands.h"

#include "shell/Interpreter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Shell {

namespace {

// The translation context of this file's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Shell::ClientCommands)
};

// Arguments a command does not take are refused rather than ignored: a typo must not pass
// for a setting.
Status onlyArguments(const ParsedCommand &command, const QStringList &allowed)
{
    for (const auto &[name, value] : command.arguments) {
        if (!allowed.contains(name))
            return Error(ErrorCode::InvalidArgument,
                         Text::tr("%1 does not take the argument %2.").arg(command.name, name));
    }
    return {};
}

ExitCode refuse(Interpreter &shell, const Status &status)
{
    shell.output().error(status.error().message);
    return ExitCode::BadArguments;
}

QString table(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            if (widths.size() <= i)
                widths << 0;
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    QStringList lines;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row.at(i).leftJustified(widths.at(i) + 2) : row.at(i);
        lines << line;
    }
    return lines.join(u'\n');
}

ExitCode help(Interpreter &shell, const ParsedCommand &command, const std::atomic<bool> *)
{
    if (Status checked = onlyArguments(command, {u"command"_s}); !checked.ok())
        return refuse(shell, checked);
    const QString about = command.value(u"command"_s);
    if (!about.isEmpty()) {
        if (const ClientCommand *local = findClientCommand(about)) {
            shell.output().result(local->synopsis);
            return ExitCode::Success;
        }
        const Api::FunctionSignature *function = shell.serverFunction(about);
        if (!function) {
            shell.output().error(Text::tr("Unknown command %1.").arg(about));
            return ExitCode::UnknownCommand;
        }
        QList<QStringList> rows{{function->name}};
        for (const Api::ArgumentSpec &argument : function->arguments)
            rows << QStringList{u"  --"_s + argument.name + u"=<"_s +
                                    Api::wireTypeName(argument.type) + u'>',
                                argument.optional ? Text::tr("optional") : Text::tr("required")};
        shell.output().result(table(rows));
        return ExitCode::Success;
    }
    QList<QStringList> rows;
    for (const ClientCommand &local : clientCommands())
        rows << QStringList{local.name, local.synopsis.section(u'\n', 0, 0)};
    QStringList functions;
    for (const Api::FunctionSignature &function : shell.serverFunctions())
        functions << function.name;
    shell.output().result(Text::tr("Shell commands:") + u"\n"_s + table(rows) + u"\n\n"_s +
                          Text::tr("Server functions (help --command=<name> shows the arguments):") +
                          u"\n"_s + functions.join(u' ') + u"\n\n"_s +
                          Text::tr("Arguments are written --name=value; quote values with spaces: "
                             "--subject=\"Quarterly report\". JSON arguments take a JSON text."));
    return ExitCode::Success;
}

ExitCode clear(Interpreter &shell, const ParsedCommand &command, const std::atomic<bool> *)
{
    if (Status checked = onlyArguments(command, {}); !checked.ok())
        return refuse(shell, checked);
    shell.output().clearScreen();
    return ExitCode::Success;
}

ExitCode userList(Interpreter &shell, const ParsedCommand &command,
                  const std::atomic<bool> *interrupt)
{
    if (Status checked = onlyArguments(command, {}); !checked.ok())
        return refuse(shell, checked);
    const Interpreter::Called users = shell.call(u"GetUsers"_s, {}, interrupt);
    if (users.code != ExitCode::Success)
        return users.code;
    QList<QStringList> rows{{Text::tr("User name"), Text::tr("Full name")}};
    for (const QJsonValue &user : users.result.toArray())
        rows << QStringList{user[u"userName"_s].toString(), user[u"fullName"_s].toString()};
    shell.output().result(table(rows));
    return ExitCode::Success;
}

// Archiving and export profiles come from GetProfiles (raw=true); each has an id, a name, the
// user whose archive it fills (userName) and a kind: "archive" or "export".
struct Profiles
{
    ExitCode code = ExitCode::Success;
    QJsonArray list;
};

Profiles profiles(Interpreter &shell, const QString &direction, const QString &user,
                  const std::atomic<bool> *interrupt)
{
    if (!shell.serverHas(u"GetProfiles"_s))
        return {}; // this server has no profiles
    const Interpreter::Called called =
        shell.call(u"GetProfiles"_s, {{u"raw"_s, u"true"_s}}, interrupt);
    if (called.code != ExitCode::Success)
        return {called.code, {}};
    Profiles result;
    for (const QJsonValue &profile : called.result.toArray()) {
        if (profile[u"kind"_s].toString(u"archive"_s) != direction)
            continue;
        if (!user.isEmpty() && profile[u"userName"_s].toString() != user)
            continue;
        result.list.append(profile);
    }
    return result;
}

ExitCode listProfiles(Interpreter &shell, const ParsedCommand &command,
                      const std::atomic<bool> *interrupt, const QString &direction)
{
    const QStringList allowed = direction == u"archive"_s ? QStringList{u"user"_s} : QStringList();
    if (Status checked = onlyArguments(command, allowed); !checked.ok())
        return refuse(shell, checked);
    const Profiles found = profiles(shell, direction, command.value(u"user"_s), interrupt);
    if (found.code != ExitCode::Success)
        return found.code;
    if (found.list.isEmpty()) {
        shell.output().result(direction == u"archive"_s ? Text::tr("There are no archiving profiles.")
                                                        : Text::tr("There are no export profiles."));
        return ExitCode::Success;
    }
    QList<QStringList> rows{{Text::tr("ID"), Text::tr("Name"), Text::tr("User")}};
    for (const QJsonValue &profile : found.list)
        rows << QStringList{QString::number(profile[u"id"_s].toInteger()),
                            profile[u"name"_s].toString(), profile[u"userName"_s].toString()};
    shell.output().result(table(rows));
    return ExitCode::Success;
}

// import-execute and export-execute: --name or --id picks the profile; --verbose shows its
// progress; any other --property=value overrides that property for this run.
ExitCode executeProfile(Interpreter &shell, const ParsedCommand &command,
                        const std::atomic<bool> *interrupt, const QString &direction)
{
    const QString name = command.value(u"name"_s);
    const QString id = command.value(u"id"_s);
    if (name.isEmpty() == id.isEmpty()) {
        shell.output().error(
            Text::tr("%1 needs either --name or --id of the profile.").arg(command.name));
        return ExitCode::BadArguments;
    }
    const Profiles found = profiles(shell, direction, command.value(u"user"_s), interrupt);
    if (found.code != ExitCode::Success)
        return found.code;
    std::optional<QJsonObject> profile;
    for (const QJsonValue &candidate : found.list) {
        if ((!id.isEmpty() && QString::number(candidate[u"id"_s].toInteger()) == id) ||
            (!name.isEmpty() && candidate[u"name"_s].toString() == name))
            profile = candidate.toObject();
    }
    if (!profile) {
        shell.output().error(Text::tr("There is no profile %1.").arg(name.isEmpty() ? id : name));
        return ExitCode::CommandFailed;
    }
    QJsonObject overrides;
    for (const auto &[argument, value] : command.arguments) {
        if (argument != u"name"_s && argument != u"id"_s && argument != u"verbose"_s &&
            argument != u"user"_s)
            overrides.insert(argument, value);
    }
    Api::FormFields arguments{{u"id"_s, QString::number((*profile)[u"id"_s].toInteger())}};
    if (!overrides.isEmpty()) {
        const Api::FunctionSignature *run = shell.serverFunction(u"RunProfile"_s);
        if (!run || !run->argument(u"properties"_s)) {
            shell.output().error(Text::tr("This server does not take profile properties for one run."));
            return ExitCode::BadArguments;
        }
        arguments.append({u"properties"_s, QString::fromUtf8(QJsonDocument(overrides).toJson(
                                               QJsonDocument::Compact))});
    }
    const bool verbose = command.value(u"verbose"_s) == u"true"_s;
    const Interpreter::Called ran = shell.call(u"RunProfile"_s, arguments, interrupt, verbose);
    if (ran.code == ExitCode::Success && !ran.result.isNull())
        shell.output().result(Interpreter::pretty(ran.result));
    return ran.code;
}

ExitCode storeSetProperty(Interpreter &shell, const ParsedCommand &command,
                          const std::atomic<bool> *interrupt)
{
    if (Status checked = onlyArguments(command, {u"name"_s, u"value"_s}); !checked.ok())
        return refuse(shell, checked);
    const QString name = command.value(u"name"_s);
    if (!globalPropertyNames().contains(name)) {
        shell.output().error(Text::tr("Unknown global property \"%1\". Known: %2")
                                 .arg(name, globalPropertyNames().join(u", "_s)));
        return ExitCode::BadArguments;
    }
    if (!command.has(u"value"_s)) {
        const Interpreter::Called current = shell.call(u"GetGlobalProperties"_s, {}, interrupt);
        if (current.code == ExitCode::Success)
            shell.output().result(name + u" = "_s +
                                  Interpreter::pretty(current.result[name].toBool(false)));
        return current.code;
    }
    const QString value = command.value(u"value"_s);
    if (value != u"true"_s && value != u"false"_s) {
        shell.output().error(Text::tr("--value is true or false."));
        return ExitCode::BadArguments;
    }
    const Interpreter::Called set =
        shell.call(u"SetGlobalProperty"_s, {{u"name"_s, name}, {u"value"_s, value}}, interrupt);
    if (set.code == ExitCode::Success)
        shell.output().result(name + u" = "_s + value);
    return set.code;
}

} // namespace

QStringList globalPropertyNames()
{
    return {u"public.arcclient.skipGraphContentConversionFailed"_s,
            u"public.arcclient.skipMimeContentConversionFailed"_s,
            u"public.arcclient.skipVirusDetected"_s, u"public.arcclient.skipEwsErrorItemNotFound"_s,
            u"public.backup.hideNotDetectedWarningMessage"_s};
}

const QList<ClientCommand> &clientCommands()
{
    static const QList<ClientCommand> commands = {
        {u"help"_s,
         {u"command"_s},
         Text::tr("help [--command=<name>]\nLists the commands, or the arguments of one."),
         help},
        {u"clear"_s, {}, Text::tr("clear\nClears the screen."), clear},
        {u"user-list"_s, {}, Text::tr("user-list\nLists the users."), userList},
        {u"import-list"_s,
         {u"user"_s},
         Text::tr("import-list [--user=<user>]\nLists the archiving profiles (of one user's archive)."),
         [](Interpreter &shell, const ParsedCommand &command, const std::atomic<bool> *stop) {
             return listProfiles(shell, command, stop, u"archive"_s);
         }},
        {u"import-execute"_s,
         {u"name"_s, u"id"_s, u"verbose"_s, u"user"_s},
         Text::tr("import-execute --name=<profile>|--id=<id> [--verbose] [--user=<user>] "
            "[--<property>=<value> ...]\nRuns an archiving profile; --verbose shows its progress, "
            "--<property> overrides a profile property for this run."),
         [](Interpreter &shell, const ParsedCommand &command, const std::atomic<bool> *stop) {
             return executeProfile(shell, command, stop, u"archive"_s);
         }},
        {u"export-list"_s,
         {},
         Text::tr("export-list\nLists the export profiles."),
         [](Interpreter &shell, const ParsedCommand &command, const std::atomic<bool> *stop) {
             return listProfiles(shell, command, stop, u"export"_s);
         }},
        {u"export-execute"_s,
         {u"name"_s, u"id"_s, u"verbose"_s},
         Text::tr("export-execute --name=<profile>|--id=<id> [--verbose] [--<property>=<value> ...]\n"
            "Runs an export profile."),
         [](Interpreter &shell, const ParsedCommand &command, const std::atomic<bool> *stop) {
             return executeProfile(shell, command, stop, u"export"_s);
         }},
        {u"store-setprop"_s,
         {u"name"_s, u"value"_s},
         Text::tr("store-setprop --name=<property> [--value=true|false]\nShows or changes a global "
            "property of the server."),
         storeSetProperty},
    };
    return commands;
}

const ClientCommand *findClientCommand(const QString &name)
{
    for (const ClientCommand &command : clientCommands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

} // namespace Mailkeep::Shell
