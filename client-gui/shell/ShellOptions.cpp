#include "shell/ShellOptions.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Shell {

namespace {

// The translation context of this file's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Shell::ShellOptions)
};

} // namespace

Result<std::pair<QString, quint16>> parseHostAndPort(const QString &text)
{
    QString host = text;
    QString port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0)
            return Error(ErrorCode::InvalidArgument,
                         Text::tr("%1 is not a server address.").arg(text));
        host = text.mid(1, close - 1);
        if (close + 1 < text.size()) {
            if (text.at(close + 1) != u':')
                return Error(ErrorCode::InvalidArgument,
                             Text::tr("%1 is not a server address.").arg(text));
            port = text.mid(close + 2);
        }
    } else if (text.count(u':') == 1) {
        host = text.section(u':', 0, 0);
        port = text.section(u':', 1);
    }
    if (host.isEmpty())
        return Error(ErrorCode::InvalidArgument, Text::tr("No server name is given."));
    quint16 number = 8463;
    if (!port.isEmpty()) {
        bool ok = false;
        const uint value = port.toUInt(&ok);
        if (!ok || value == 0 || value > 65535)
            return Error(ErrorCode::InvalidArgument,
                         Text::tr("%1 is not a port number.").arg(port));
        number = static_cast<quint16>(value);
    }
    return std::pair{host, number};
}

Result<ShellOptions> parseShellOptions(const QStringList &arguments)
{
    ShellOptions options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"-c"_s) {
            options.command = arguments.mid(i + 1);
            if (options.command.isEmpty())
                return Error(ErrorCode::InvalidArgument, Text::tr("-c needs a command after it."));
            break;
        }
        const qsizetype equals = argument.indexOf(u'=');
        const QString name = argument.left(equals);
        const QString value = equals < 0 ? QString() : argument.mid(equals + 1);
        const auto needsValue = [&]() -> Status {
            if (equals < 0 || value.isEmpty())
                return Error(ErrorCode::InvalidArgument,
                             Text::tr("%1 needs a value: %1=<value>.").arg(name));
            return {};
        };
        if (name == u"--nologo"_s) {
            options.noLogo = true;
        } else if (name == u"--help"_s || name == u"-?"_s) {
            options.showHelp = true;
        } else if (name == u"--h"_s || name == u"--u"_s || name == u"--p"_s ||
                   name == u"--pkv3"_s || name == u"--o"_s || name == u"--cred"_s) {
            if (name != u"--p"_s) { // an empty password is a password
                if (Status given = needsValue(); !given.ok())
                    return given.error();
            } else if (equals < 0) {
                return Error(ErrorCode::InvalidArgument,
                             Text::tr("--p needs a value: --p=<value>."));
            }
            if (name == u"--h"_s) {
                Result<std::pair<QString, quint16>> address = parseHostAndPort(value);
                if (!address.ok())
                    return address.error();
                std::tie(options.host, options.port) = address.value();
            } else if (name == u"--u"_s) {
                options.userName = value;
            } else if (name == u"--p"_s) {
                options.password = value;
            } else if (name == u"--pkv3"_s) {
                options.pinnedSha256 = value;
            } else if (name == u"--o"_s) {
                options.outputFile = value;
            } else {
                options.credentialKey = value;
            }
        } else {
            return Error(ErrorCode::InvalidArgument,
                         Text::tr("Unknown option %1. -c must be the last option, followed by the "
                                  "command; --help lists the options.")
                             .arg(argument));
        }
    }
    if (!options.credentialKey.isEmpty() && options.userName.isEmpty())
        options.userName = options.credentialKey.section(u'@', 0, 0);
    return options;
}

QString expandOutputFile(const QString &pattern, const QDateTime &now)
{
    QString expanded = pattern;
    expanded.replace(u"{DATE}"_s, now.toString(u"yyyy-MM-dd"_s));
    expanded.replace(u"{TIME}"_s, now.toString(u"HH-mm-ss"_s));
    return expanded;
}

QString shellUsage()
{
    return QCoreApplication::translate(
        "Mailkeep::Shell::ShellOptions",
        "Usage: mailkeep-cmd [options] [-c <command> [--argument=value ...]]\n"
        "\n"
        "  --h=<server[:port]>   the Mailkeep server (default localhost:8463)\n"
        "  --u=<user>            the user name\n"
        "  --p=<password>        the password; else $MAILKEEP_PASSWORD, else the\n"
        "                        credentials file\n"
        "  --cred=<user>@<server> the password stored for this user and server in the\n"
        "                        credentials file (~/.config/mailkeep/credentials, mode 0600)\n"
        "  --pkv3=<fingerprint>  the SHA-256 fingerprint of the server certificate to accept\n"
        "  --nologo              no logo\n"
        "  --o=<file>            everything to this file instead of the console;\n"
        "                        {DATE} and {TIME} are replaced\n"
        "  -c <command> ...      run one command and exit (must be the last option)\n"
        "\n"
        "Without -c the shell is interactive; type help there for the commands.\n"
        "Exit codes: 0 success, 1 command failed, 2 bad arguments, 3 unknown command,\n"
        "4 connection failed, 5 certificate refused, 6 authentication failed,\n"
        "7 unexpected answer, 130 interrupted.");
}

} // namespace Mailkeep::Shell
