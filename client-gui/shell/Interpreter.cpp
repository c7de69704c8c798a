#include "shell/Interpreter.h"

#include "api/Arguments.h"
#include "shell/ClientCommands.h"

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
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Shell::Interpreter)
};

} // namespace

Interpreter::Interpreter(Api::ApiClient &client, ShellOutput &output)
    : m_client(client)
    , m_output(output)
{}

ExitCode Interpreter::failureExit(Api::CallFailure failure, const QString &message)
{
    m_output.error(message);
    switch (failure) {
    case Api::CallFailure::None:
        return ExitCode::Success;
    case Api::CallFailure::Connection:
        return ExitCode::ConnectionFailed;
    case Api::CallFailure::Certificate:
        return ExitCode::CertificateRefused;
    case Api::CallFailure::Authentication:
        return ExitCode::AuthenticationFailed;
    case Api::CallFailure::Protocol:
        return ExitCode::ProtocolError;
    }
    return ExitCode::ProtocolError;
}

ExitCode Interpreter::connect()
{
    const Api::CallResult info = m_client.invoke(u"GetServerInfo"_s);
    if (info.failure != Api::CallFailure::None)
        return failureExit(info.failure, info.failureMessage);
    if (info.envelope.statusCode != Api::StatusCode::Succeeded) {
        m_output.error(info.envelope.error ? info.envelope.error->message
                                           : Text::tr("The server refused the logon."));
        return ExitCode::CommandFailed;
    }
    m_serverDescription = Text::tr("%1, version %2")
                              .arg(info.envelope.result[u"machineName"_s].toString(),
                                   info.envelope.result[u"version"_s].toString());
    Api::CallFailure failure = Api::CallFailure::None;
    Result<QList<Api::FunctionSignature>> functions = m_client.metadata(&failure);
    if (!functions.ok())
        return failureExit(failure == Api::CallFailure::None ? Api::CallFailure::Protocol : failure,
                           functions.error().message);
    m_functions = std::move(functions).value();
    return ExitCode::Success;
}

const Api::FunctionSignature *Interpreter::serverFunction(const QString &function) const
{
    for (const Api::FunctionSignature &signature : m_functions) {
        if (signature.name == function)
            return &signature;
    }
    return nullptr;
}

bool Interpreter::serverHas(const QString &function) const
{
    return serverFunction(function) != nullptr;
}

QString Interpreter::pretty(const QJsonValue &value)
{
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented))
            .trimmed();
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    return {};
}

Interpreter::Called Interpreter::call(const QString &function, const Api::FormFields &arguments,
                                      const std::atomic<bool> *interrupt, bool showProgress)
{
    const auto onProgress = [this, showProgress](const Api::Envelope &running) {
        if (showProgress)
            m_output.progress(running.percentProgress,
                              running.statusText.isEmpty() ? Text::tr("running") : running.statusText);
    };
    const Api::CallResult answer = m_client.invoke(function, arguments, onProgress, interrupt);
    if (answer.failure != Api::CallFailure::None)
        return {failureExit(answer.failure, answer.failureMessage), {}};
    const Api::Envelope &envelope = answer.envelope;
    switch (envelope.statusCode) {
    case Api::StatusCode::Succeeded:
        return {ExitCode::Success, envelope.result};
    case Api::StatusCode::Cancelled:
        m_output.error(answer.interrupted ? Text::tr("Interrupted: the server stopped %1.").arg(function)
                                          : Text::tr("%1 was cancelled.").arg(function));
        return {answer.interrupted ? ExitCode::Interrupted : ExitCode::CommandFailed, {}};
    case Api::StatusCode::Failed:
    case Api::StatusCode::Running:
        break;
    }
    QString message = envelope.error ? envelope.error->message : Text::tr("%1 failed.").arg(function);
    if (envelope.error && !envelope.error->details.isEmpty())
        message += u"\n"_s + envelope.error->details;
    m_output.error(message);
    return {ExitCode::CommandFailed, {}};
}

ExitCode Interpreter::runServerFunction(const ParsedCommand &command,
                                        const std::atomic<bool> *interrupt)
{
    const Api::FunctionSignature *signature = serverFunction(command.name);
    if (!signature) {
        QString message = Text::tr("Unknown command %1. Type help for the commands.").arg(command.name);
        for (const QString &known : commandsStartingWith(QString())) {
            if (known.compare(command.name, Qt::CaseInsensitive) == 0)
                message = Text::tr("Unknown command %1. Did you mean %2?").arg(command.name, known);
        }
        m_output.error(message);
        return ExitCode::UnknownCommand;
    }
    // Checked here too, for a message before anything is sent; the server checks again.
    if (Result<Api::Arguments> checked = Api::decodeArguments(*signature, command.arguments);
        !checked.ok()) {
        m_output.error(checked.error().message);
        return ExitCode::BadArguments;
    }
    const Called called = call(command.name, command.arguments, interrupt);
    if (called.code == ExitCode::Success && !called.result.isNull() && !called.result.isUndefined())
        m_output.result(pretty(called.result));
    return called.code;
}

ExitCode Interpreter::run(const QStringList &words, const std::atomic<bool> *interrupt)
{
    Result<ParsedCommand> command = parseCommand(words);
    if (!command.ok()) {
        m_output.error(command.error().message);
        return ExitCode::BadArguments;
    }
    if (const ClientCommand *local = findClientCommand(command->name))
        return local->run(*this, command.value(), interrupt);
    return runServerFunction(command.value(), interrupt);
}

ExitCode Interpreter::runLine(const QString &line, const std::atomic<bool> *interrupt)
{
    Result<QStringList> words = splitCommandLine(line);
    if (!words.ok()) {
        m_output.error(words.error().message);
        return ExitCode::BadArguments;
    }
    if (words->isEmpty())
        return ExitCode::Success;
    return run(words.value(), interrupt);
}

QStringList Interpreter::commandsStartingWith(const QString &prefix) const
{
    QStringList names;
    for (const ClientCommand &local : clientCommands()) {
        if (local.name.startsWith(prefix, Qt::CaseInsensitive))
            names << local.name;
    }
    for (const Api::FunctionSignature &signature : m_functions) {
        if (signature.name.startsWith(prefix, Qt::CaseInsensitive))
            names << signature.name;
    }
    return names;
}

QStringList Interpreter::argumentsStartingWith(const QString &command, const QString &prefix) const
{
    QStringList names;
    if (const ClientCommand *local = findClientCommand(command)) {
        for (const QString &argument : local->arguments) {
            if (argument.startsWith(prefix))
                names << argument;
        }
    } else if (const Api::FunctionSignature *signature = serverFunction(command)) {
        for (const Api::ArgumentSpec &argument : signature->arguments) {
            if (argument.name.startsWith(prefix))
                names << argument.name;
        }
    }
    return names;
}

} // namespace Mailkeep::Shell
