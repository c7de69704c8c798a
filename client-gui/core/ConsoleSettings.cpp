#include "core/ConsoleSettings.h"

#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientCore::ConsoleSettings {

namespace {

constexpr qsizetype kRecentServers = 10;

// Organisation and application: ~/.config/Mailkeep/mailkeep-console.conf.
#define CONSOLE_SETTINGS(name) QSettings name(u"Mailkeep"_s, u"mailkeep-console"_s)

QString serverKey(const QString &host, quint16 port)
{
    // QSettings keys treat / and \ specially; a host name has neither.
    return u"trust/%1_%2"_s.arg(host.toLower()).arg(port);
}

} // namespace

QStringList recentServers()
{
    CONSOLE_SETTINGS(store);
    return store.value(u"servers/recent"_s).toStringList();
}

void rememberServer(const QString &server, const QString &userName)
{
    CONSOLE_SETTINGS(store);
    QStringList recent = store.value(u"servers/recent"_s).toStringList();
    recent.removeAll(server);
    recent.prepend(server);
    store.setValue(u"servers/recent"_s, recent.mid(0, kRecentServers));
    store.setValue(u"users/"_s + QString::fromLatin1(server.toUtf8().toHex()), userName);
}

QString lastUserName(const QString &server)
{
    CONSOLE_SETTINGS(store);
    return store.value(u"users/"_s + QString::fromLatin1(server.toUtf8().toHex())).toString();
}

QString trustedFingerprint(const QString &host, quint16 port)
{
    CONSOLE_SETTINGS(store);
    return store.value(serverKey(host, port)).toString();
}

void trustFingerprint(const QString &host, quint16 port, const QString &fingerprint)
{
    CONSOLE_SETTINGS(store);
    store.setValue(serverKey(host, port), fingerprint);
}

QString language()
{
    CONSOLE_SETTINGS(store);
    return store.value(u"ui/language"_s).toString();
}

void setLanguage(const QString &language)
{
    CONSOLE_SETTINGS(store);
    store.setValue(u"ui/language"_s, language);
}

} // namespace Mailkeep::ClientCore::ConsoleSettings
