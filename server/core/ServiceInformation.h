#pragma once

#include <QString>

namespace Mailkeep::Core {

// What GetServerInfo and GetServiceConfiguration report: filled by the composition root from
// the effective configuration. Holds no secrets (database passwords are stripped before).
struct ServiceInformation
{
    QString version;
    QString machineName;
    QString dataDirectory;
    QString databaseMode;     // "embedded" or "external"
    QString databaseLocation; // cluster folder, or the server's URL without password
    QString listenAddress;
    int apiPort = 0;
    QString certificateFile;
    QString certificateFingerprint; // SHA-256, colon-separated hex
    QString certificateExpires;     // ISO 8601
    QString minimumTlsVersion;
    QString logLevel;
};

} // namespace Mailkeep::Core
