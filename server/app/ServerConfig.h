#pragma once

#include "connectors/microsoft365/CloudEndpoints.h"
#include "core/LoginThrottle.h"
#include "model/Result.h"

#include <QString>
#include <QStringList>

namespace Mailkeep::App {

// The server's effective settings: built-in defaults, overridden by the configuration file,
// overridden by command-line flags. See resources/config/mailkeep-server.conf.example.
struct ServerConfig
{
    QString dataDirectory;
    QString configFile;  // empty: <dataDirectory>/mailkeep-server.conf if it exists
    QString databaseUrl; // empty: embedded cluster in <dataDirectory>/postgresql
    QString embeddedServiceUser = QStringLiteral("mailkeep");
    QString listenAddress = QStringLiteral("127.0.0.1");
    int apiPort = 8463;
    QString tlsCertificate; // empty: <dataDirectory>/tls/server.crt, generated on first start
    QString tlsKey;
    QString logLevel = QStringLiteral("info"); // debug, info, warning, error
    int workerThreads = 8;
    int profileWorkers = 4; // profile runs at once (more wait for a free worker)

    Core::LoginThrottleSettings loginThrottle;
    // Microsoft 365 base URLs other than Microsoft's (a proxy, a test fake), and extra
    // trusted authorities for them.
    Connectors::CloudOverrides microsoft365;

    static QString defaultDataDirectory();
};

// Parses the command line (argv[0] first) and the configuration file it names. Errors are
// meant for the operator: they name the file, key or flag that is wrong.
struct CommandLineOutcome
{
    enum class Action
    {
        Run,
        ShowHelp,
        ShowVersion,
    };
    Action action = Action::Run;
    ServerConfig config;
    QString text; // help or version text
};
Result<CommandLineOutcome> parseCommandLine(const QStringList &arguments);

// Reads an INI configuration file into config; keys absent from the file keep their values.
Status applyConfigFile(const QString &path, ServerConfig &config);

// "postgresql://user:secret@host/db" -> "postgresql://user@host/db"; key=value strings lose
// their password=... part. For logs and GetServiceConfiguration.
QString withoutPassword(const QString &databaseUrl);

} // namespace Mailkeep::App
