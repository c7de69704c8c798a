#pragma once

#include <QString>
#include <QStringList>

namespace Mailkeep::ClientCore {

// What the console remembers between runs (QSettings, ~/.config/Mailkeep/mailkeep-console.conf):
// the servers signed in to, the certificate each was trusted with, the last user, the language.
namespace ConsoleSettings {
QStringList recentServers(); // host[:port], most recent first
void rememberServer(const QString &server, const QString &userName);
QString lastUserName(const QString &server);

// Trust on first use: the SHA-256 fingerprint accepted for host:port, or empty.
QString trustedFingerprint(const QString &host, quint16 port);
void trustFingerprint(const QString &host, quint16 port, const QString &fingerprint);

QString language(); // empty: the system's
void setLanguage(const QString &language);
} // namespace ConsoleSettings

} // namespace Mailkeep::ClientCore
