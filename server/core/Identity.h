#pragma once

#include <QString>
#include <QStringList>

namespace Mailkeep::Core {

// Global privileges and login privileges, spelled as on the wire.
namespace Privilege {
inline const QString Admin = QStringLiteral("admin");
inline const QString Login = QStringLiteral("login");
inline const QString Delete = QStringLiteral("delete"); // delete messages (with folder "delete")
} // namespace Privilege

namespace LoginPrivilege {
inline const QString Console = QStringLiteral("windows"); // the desktop client
inline const QString Web = QStringLiteral("web");
inline const QString Outlook = QStringLiteral("outlook");
inline const QString Shell = QStringLiteral("windowsCmd");
inline const QString Imap = QStringLiteral("imap");
inline const QString Api = QStringLiteral("api");
QStringList all();
} // namespace LoginPrivilege

// Which program is calling: decides which login privilege the caller needs.
enum class ClientKind
{
    Api,     // scripts and monitoring: needs "api"
    Console, // mailkeep-console: needs "windows"
    Shell,   // mailkeep-cmd: needs "windowsCmd"
};

QString clientKindName(ClientKind kind);
QString requiredLoginPrivilege(ClientKind kind);

// The signed-in caller, as the server knows it after authentication.
struct Identity
{
    qint64 userId = 0;
    QString userName;
    QString fullName;
    QStringList privileges;
    QStringList loginPrivileges;

    bool isAdmin() const { return privileges.contains(Privilege::Admin); }
    bool mayLogInWith(ClientKind kind) const;
};

} // namespace Mailkeep::Core
