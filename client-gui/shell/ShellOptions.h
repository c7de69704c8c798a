#pragma once

#include "model/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Mailkeep::Shell {

// mailkeep-cmd's command line, in MailStoreCmd's spelling:
//   --h=<server[:port]> --u=<user> --p=<password> --cred=<user>@<server> --pkv3=<fingerprint>
//   --nologo --o=<file> -c <command> [--param=value ...]
// -c must come last: every word after it belongs to the command.
struct ShellOptions
{
    QString host = QStringLiteral("localhost");
    quint16 port = 8463;
    QString userName;
    std::optional<QString> password; // --p
    QString credentialKey;           // --cred=<user>@<server>
    QString pinnedSha256;            // --pkv3
    bool noLogo = false;
    QString outputFile; // --o, placeholders not yet replaced
    bool showHelp = false;
    QStringList command; // after -c; empty: interactive
};

Result<ShellOptions> parseShellOptions(const QStringList &arguments);
// host, host:port, [v6]:port
Result<std::pair<QString, quint16>> parseHostAndPort(const QString &text);
// --o's {DATE} (yyyy-MM-dd) and {TIME} (HH-mm-ss, no colons: a valid file name everywhere).
QString expandOutputFile(const QString &pattern, const QDateTime &now);
QString shellUsage();

} // namespace Mailkeep::Shell
