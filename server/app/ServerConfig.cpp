#include "app/ServerConfig.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

QString ServerConfig::defaultDataDirectory()
{
    if (geteuid() == 0)
        return u"/var/lib/mailkeep"_s;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/mailkeep"_s;
}

namespace {

// QSettings turns "a,b" into a list; configuration values are plain strings.
QString settingText(const QSettings &settings, const QString &key)
{
    const QVariant value = settings.value(key);
    if (value.userType() == QMetaType::QStringList)
        return value.toStringList().join(u',');
    return value.toString().trimmed();
}

Result<int> parsePort(const QString &text, const QString &origin)
{
    bool ok = false;
    const int port = text.toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return Error(ErrorCode::InvalidArgument,
                     u"%1: \"%2\" is not a TCP port (1-65535)."_s.arg(origin, text));
    return port;
}

Status checkLogLevel(const QString &level, const QString &origin)
{
    static const QStringList levels = {u"debug"_s, u"info"_s, u"warning"_s, u"error"_s};
    if (!levels.contains(level))
        return Error(ErrorCode::InvalidArgument,
                     u"%1: log level must be one of %2."_s.arg(origin, levels.join(u", "_s)));
    return {};
}

Result<int> positive(const QString &text, const QString &origin)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value <= 0)
        return Error(ErrorCode::InvalidArgument,
                     u"%1: \"%2\" must be a positive whole number."_s.arg(origin, text));
    return value;
}

} // namespace

Status applyConfigFile(const QString &path, ServerConfig &config)
{
    if (!QFileInfo(path).isReadable())
        return Error(ErrorCode::IoError, u"Cannot read the configuration file %1."_s.arg(path));
    const QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return Error(ErrorCode::InvalidArgument,
                     u"The configuration file %1 is not valid INI."_s.arg(path));

    const auto text = [&](const QString &key) { return settingText(settings, key); };
    const auto where = [&](const QString &key) -> QString { return path + u" ["_s + key + u']'; };
    if (const QString v = text(u"server/dataDir"_s); !v.isEmpty())
        config.dataDirectory = v;
    if (const QString v = text(u"server/listen"_s); !v.isEmpty())
        config.listenAddress = v;
    if (const QString v = text(u"server/apiPort"_s); !v.isEmpty()) {
        Result<int> port = parsePort(v, where(u"server/apiPort"_s));
        if (!port.ok())
            return port.error();
        config.apiPort = port.value();
    }
    if (const QString v = text(u"server/workerThreads"_s); !v.isEmpty()) {
        Result<int> threads = positive(v, where(u"server/workerThreads"_s));
        if (!threads.ok())
            return threads.error();
        config.workerThreads = threads.value();
    }
    if (const QString v = text(u"server/profileWorkers"_s); !v.isEmpty()) {
        Result<int> workers = positive(v, where(u"server/profileWorkers"_s));
        if (!workers.ok())
            return workers.error();
        config.profileWorkers = workers.value();
    }

    if (const QString v = text(u"database/url"_s); !v.isEmpty())
        config.databaseUrl = v;
    if (const QString v = text(u"database/embeddedServiceUser"_s); !v.isEmpty())
        config.embeddedServiceUser = v;
    if (const QString v = text(u"tls/certificate"_s); !v.isEmpty())
        config.tlsCertificate = v;
    if (const QString v = text(u"tls/key"_s); !v.isEmpty())
        config.tlsKey = v;
    if (const QString v = text(u"log/level"_s); !v.isEmpty()) {
        if (Status ok = checkLogLevel(v, where(u"log/level"_s)); !ok.ok())
            return ok;
        config.logLevel = v;
    }
    for (const auto &[key, field] :
         {std::pair{u"microsoft365/globalLoginUrl"_s, &config.microsoft365.globalLogin},
          std::pair{u"microsoft365/globalGraphUrl"_s, &config.microsoft365.globalGraph},
          std::pair{u"microsoft365/globalExchangeUrl"_s, &config.microsoft365.globalExchange},
          std::pair{u"microsoft365/chinaLoginUrl"_s, &config.microsoft365.chinaLogin},
          std::pair{u"microsoft365/chinaGraphUrl"_s, &config.microsoft365.chinaGraph},
          std::pair{u"microsoft365/chinaExchangeUrl"_s, &config.microsoft365.chinaExchange}}) {
        if (const QString v = text(key); !v.isEmpty()) {
            const QUrl url(v, QUrl::StrictMode);
            if (!url.isValid() || url.scheme() != u"https"_s || url.host().isEmpty())
                return Error(ErrorCode::InvalidArgument,
                             u"%1: an https:// URL, not \"%2\"."_s.arg(where(key), v));
            *field = url;
        }
    }
    for (const auto &[key, field] :
         {std::pair{u"microsoft365/globalImapUrl"_s, &config.microsoft365.globalImap},
          std::pair{u"microsoft365/chinaImapUrl"_s, &config.microsoft365.chinaImap}}) {
        if (const QString v = text(key); !v.isEmpty()) {
            const QUrl url(v, QUrl::StrictMode);
            if (!url.isValid() || url.scheme() != u"imaps"_s || url.host().isEmpty())
                return Error(ErrorCode::InvalidArgument,
                             u"%1: an imaps://host:port URL, not \"%2\"."_s.arg(where(key), v));
            *field = url;
        }
    }
    if (const QString v = text(u"microsoft365/caCertificates"_s); !v.isEmpty()) {
        if (!QFileInfo(v).isReadable())
            return Error(ErrorCode::InvalidArgument,
                         u"%1: cannot read %2."_s.arg(where(u"microsoft365/caCertificates"_s), v));
        config.microsoft365.caCertificatesFile = v;
    }
    for (const auto &[key, field] :
         {std::pair{u"security/loginDelayBaseMs"_s, &config.loginThrottle.baseDelay},
          std::pair{u"security/loginDelayMaxMs"_s, &config.loginThrottle.maximumDelay}}) {
        if (const QString v = text(key); !v.isEmpty()) {
            Result<int> ms = positive(v, where(key));
            if (!ms.ok())
                return ms.error();
            *field = std::chrono::milliseconds(ms.value());
        }
    }
    return {};
}

Result<CommandLineOutcome> parseCommandLine(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Mailkeep email archiving server: archives, indexes and exports mail, and serves the "
        "HTTPS Administration API."_s);
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption dataDir(
        u"data-dir"_s, u"Data folder (default: %1)."_s.arg(ServerConfig::defaultDataDirectory()),
        u"folder"_s);
    const QCommandLineOption configFile(
        u"config"_s, u"Configuration file (default: <data folder>/mailkeep-server.conf)."_s,
        u"file"_s);
    const QCommandLineOption databaseUrl(
        u"database-url"_s,
        u"PostgreSQL connection URL of an external server; without it the server runs a "
        "private cluster in the data folder."_s,
        u"url"_s);
    const QCommandLineOption apiPort(
        u"api-port"_s, u"HTTPS port of the Administration API (default 8463)."_s, u"port"_s);
    const QCommandLineOption listen(
        u"listen"_s, u"Address to listen on (default 127.0.0.1; 0.0.0.0 for all)."_s, u"address"_s);
    const QCommandLineOption logLevel(u"log-level"_s, u"debug, info, warning or error."_s,
                                      u"level"_s);
    parser.addOptions({dataDir, configFile, databaseUrl, apiPort, listen, logLevel});

    if (!parser.parse(arguments))
        return Error(ErrorCode::InvalidArgument, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     u"Unexpected argument: %1"_s.arg(parser.positionalArguments().first()));

    CommandLineOutcome outcome;
    if (parser.isSet(helpOption)) {
        outcome.action = CommandLineOutcome::Action::ShowHelp;
        outcome.text = parser.helpText();
        return outcome;
    }
    if (parser.isSet(versionOption)) {
        outcome.action = CommandLineOutcome::Action::ShowVersion;
        outcome.text = u"mailkeep-server "_s + QStringLiteral(MAILKEEP_VERSION) + u'\n';
        return outcome;
    }

    ServerConfig &config = outcome.config;
    config.dataDirectory =
        parser.isSet(dataDir) ? parser.value(dataDir) : ServerConfig::defaultDataDirectory();
    // The file is looked for in the data folder named on the command line; the file may not
    // move the data folder somewhere else after that (that would hide the file itself).
    config.configFile = parser.isSet(configFile)
                            ? parser.value(configFile)
                            : config.dataDirectory + u"/mailkeep-server.conf"_s;
    if (parser.isSet(configFile) || QFileInfo::exists(config.configFile)) {
        if (Status loaded = applyConfigFile(config.configFile, config); !loaded.ok())
            return loaded.error();
    } else {
        config.configFile.clear();
    }
    if (parser.isSet(dataDir))
        config.dataDirectory = parser.value(dataDir);
    if (parser.isSet(databaseUrl))
        config.databaseUrl = parser.value(databaseUrl);
    if (parser.isSet(listen))
        config.listenAddress = parser.value(listen);
    if (parser.isSet(apiPort)) {
        Result<int> port = parsePort(parser.value(apiPort), u"--api-port"_s);
        if (!port.ok())
            return port.error();
        config.apiPort = port.value();
    }
    if (parser.isSet(logLevel)) {
        if (Status ok = checkLogLevel(parser.value(logLevel), u"--log-level"_s); !ok.ok())
            return ok.error();
        config.logLevel = parser.value(logLevel);
    }
    config.dataDirectory = QDir(config.dataDirectory).absolutePath();
    return outcome;
}

QString withoutPassword(const QString &databaseUrl)
{
    if (databaseUrl.startsWith(u"postgres"_s) && databaseUrl.contains(u"://"_s)) {
        QUrl url(databaseUrl);
        url.setPassword({});
        QString text = url.toString();
        static const QRegularExpression queryPassword(u"([?&])password=[^&]*&?"_s);
        text.replace(queryPassword, u"\\1"_s);
        if (text.endsWith(u'?') || text.endsWith(u'&'))
            text.chop(1);
        return text;
    }
    static const QRegularExpression keywordPassword(
        u"password\\s*=\\s*('([^'\\\\]|\\\\.)*'|\\S*)"_s);
    QString text = databaseUrl;
    return text.replace(keywordPassword, u"password=***"_s);
}

} // namespace Mailkeep::App
