#include "core/functions/ServerFunctions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QString utcOffsetText(const QTimeZone &zone, const QDateTime &at)
{
    const int seconds = zone.offsetFromUtc(at);
    const int minutes = std::abs(seconds) / 60;
    return u"(UTC%1%2:%3)"_s.arg(seconds < 0 ? QChar(u'-') : QChar(u'+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QJsonObject serviceConfiguration(const ServiceInformation &info)
{
    QJsonObject database;
    database.insert(u"mode"_s, info.databaseMode);
    database.insert(u"location"_s, info.databaseLocation);

    QJsonObject apiEndpoint;
    apiEndpoint.insert(u"name"_s, u"administrationApi"_s);
    apiEndpoint.insert(u"protocol"_s, u"https"_s);
    apiEndpoint.insert(u"address"_s, info.listenAddress);
    apiEndpoint.insert(u"port"_s, info.apiPort);

    QJsonObject certificate;
    certificate.insert(u"file"_s, info.certificateFile);
    certificate.insert(u"thumbprint"_s, info.certificateFingerprint);
    certificate.insert(u"thumbprintAlgorithm"_s, u"SHA-256"_s);
    certificate.insert(u"expires"_s, info.certificateExpires);

    QJsonObject configuration;
    configuration.insert(u"dataDirectory"_s, info.dataDirectory);
    configuration.insert(u"database"_s, database);
    configuration.insert(u"endpoints"_s, QJsonArray{apiEndpoint});
    configuration.insert(u"certificate"_s, certificate);
    configuration.insert(u"minimumTlsVersion"_s, info.minimumTlsVersion);
    configuration.insert(u"logLevel"_s, info.logLevel);
    return configuration;
}

} // namespace

QJsonArray timeZoneList()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QTimeZone local = QTimeZone::systemTimeZone();
    QJsonArray zones;
    const QString localName = utcOffsetText(local, now) + u" Server local time ("_s +
                              QString::fromUtf8(local.id()) + u')';
    zones.append(QJsonObject{{u"id"_s, u"$Local"_s}, {u"displayName"_s, localName}});
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds()) {
        const QTimeZone zone(id);
        if (!zone.isValid())
            continue;
        const QString name = QString::fromUtf8(id);
        const QString displayName = utcOffsetText(zone, now) + u' ' + name;
        zones.append(QJsonObject{{u"id"_s, name}, {u"displayName"_s, displayName}});
    }
    return zones;
}

void registerServerFunctions(FunctionRegistry &registry, const ServiceInformation &information,
                             SessionTracker &sessions)
{
    // Any signed-in user: clients call it to test a login.
    registry.add({{u"GetServerInfo"_s, {}},
                  Access::AnyUser,
                  [information](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      return QJsonValue(QJsonObject{{u"version"_s, information.version},
                                                    {u"machineName"_s, information.machineName}});
                  }});
    registry.add({{u"GetServiceConfiguration"_s, {}},
                  Access::Admin,
                  [information](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      return QJsonValue(serviceConfiguration(information));
                  }});
    registry.add({{u"GetTimeZones"_s, {}},
                  Access::AnyUser,
                  [](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      return QJsonValue(timeZoneList());
                  }});
    registry.add({{u"GetActiveSessions"_s, {}},
                  Access::Admin,
                  [&sessions](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      return QJsonValue(sessions.activeSessions());
                  }});
}

} // namespace Mailkeep::Core
