#include "app/ServerApplication.h"

#include "app/ArchiveStack.h"
#include "app/Microsoft365Stack.h"
#include "app/ProfileStack.h"
#include "app/TlsBootstrap.h"
#include "core/AdminBootstrap.h"
#include "core/functions/ServerFunctions.h"
#include "http/ApiStack.h"
#include "storage/EmbeddedCluster.h"
#include "storage/Migrator.h"
#include "storage/PgConnectionPool.h"
#include "storage/PgUserStore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcServer, "mailkeep.server")

namespace Mailkeep::App {

ServerApplication::ServerApplication(ServerConfig config)
    : m_config(std::move(config))
    , m_data(m_config.dataDirectory)
{
    m_information.version = QStringLiteral(MAILKEEP_VERSION);
    m_information.machineName = QHostInfo::localHostName();
    m_information.dataDirectory = m_config.dataDirectory;
    m_information.listenAddress = m_config.listenAddress;
    m_information.apiPort = m_config.apiPort;
    m_information.minimumTlsVersion = u"TLS 1.2"_s;
    m_information.logLevel = m_config.logLevel;
}

ServerApplication::~ServerApplication()
{
    // Stop taking calls first, then let running tasks end, then close the database.
    m_api.reset();
    m_microsoft365.reset();
    m_profiles.reset();
    m_archive.reset();
    m_users.reset();
    m_pool.reset();
    if (m_cluster) {
        qCInfo(lcServer) << "Stopping the embedded PostgreSQL cluster";
        if (Status stopped = m_cluster->stop(); !stopped.ok())
            qCWarning(lcServer).noquote() << stopped.error().toString();
    }
}

Status ServerApplication::start()
{
    if (Status opened = m_data.open(); !opened.ok())
        return opened;
    qCInfo(lcServer).noquote() << "Mailkeep" << m_information.version << "- data folder"
                               << m_config.dataDirectory;
    if (Status database = startDatabase(); !database.ok())
        return database;
    if (Status admin = createInitialAdministrator(); !admin.ok())
        return admin;
    if (Status stores = openArchiveStores(); !stores.ok())
        return stores;
    return startApi();
}

Result<Storage::EmbeddedClusterOptions> ServerApplication::embeddedClusterOptions() const
{
    Storage::EmbeddedClusterOptions options;
    options.serviceUser = m_config.embeddedServiceUser;
    options.clusterDirectory = m_data.clusterDirectory();
    // A folder of its own: the cluster's account owns it, logs/ itself stays ours.
    options.logFile = m_data.logDirectory() + u"/postgresql/postgresql.log"_s;

    // Started as root, PostgreSQL runs as the service account, which cannot pass a closed folder
    // above the data folder (a checkout in /root, say). Then the cluster lives below
    // /var/lib/mailkeep-clusters instead, in a folder named after the data folder, and a
    // symbolic link in the data folder shows where.
    // The data folder itself is opened to the account by the cluster (group, mode 0710);
    // what matters is the way to it.
    Result<bool> reachable = Storage::EmbeddedCluster::serviceAccountCanEnter(
        options.serviceUser, QFileInfo(m_config.dataDirectory).absolutePath());
    if (!reachable.ok())
        return reachable.error();
    if (!reachable.value()) {
        const QByteArray key =
            QCryptographicHash::hash(m_config.dataDirectory.toUtf8(), QCryptographicHash::Sha256)
                .toHex()
                .left(16);
        const QString home = u"/var/lib/mailkeep-clusters/"_s + QString::fromLatin1(key);
        options.clusterDirectory = home + u"/postgresql"_s;
        options.socketDirectory = home + u"/run"_s;
        options.logFile = home + u"/logs/postgresql.log"_s;
        QDir().mkpath(home);
        QFile::link(options.clusterDirectory, m_data.clusterDirectory());
        qCWarning(lcServer).noquote()
            << "The account" << options.serviceUser << "cannot reach" << m_config.dataDirectory
            << "(a folder above it is closed), so the embedded cluster lives in" << home;
    }
    return options;
}

Status ServerApplication::startDatabase()
{
    QString conninfo = m_config.databaseUrl;
    if (conninfo.isEmpty()) {
        Result<Storage::EmbeddedClusterOptions> options = embeddedClusterOptions();
        if (!options.ok())
            return options.error();
        m_cluster = std::make_unique<Storage::EmbeddedCluster>(options.value());
        qCInfo(lcServer).noquote()
            << "Starting the embedded PostgreSQL cluster in" << options->clusterDirectory;
        if (Status started = m_cluster->start(); !started.ok())
            return started;
        conninfo = m_cluster->connectionString();
        m_information.databaseMode = u"embedded"_s;
        m_information.databaseLocation = options->clusterDirectory;
    } else {
        m_information.databaseMode = u"external"_s;
        m_information.databaseLocation = withoutPassword(conninfo);
        qCInfo(lcServer).noquote()
            << "Using the PostgreSQL server at" << m_information.databaseLocation;
    }

    m_pool = std::make_unique<Storage::PgConnectionPool>(conninfo, m_config.workerThreads + 4);
    Result<QList<Storage::Migration>> migrations = Storage::Migrator::fromResources();
    if (!migrations.ok())
        return migrations.error();
    Result<Storage::PgLease> lease = m_pool->acquire();
    if (!lease.ok())
        return Error(ErrorCode::Unavailable, u"Cannot connect to the database."_s,
                     lease.error().toString());
    Result<int> version = Storage::Migrator(migrations.value()).migrate(**lease);
    if (!version.ok())
        return version.error();
    qCInfo(lcServer) << "Database schema at version" << version.value();
    m_users = std::make_unique<Storage::PgUserStore>(*m_pool);
    return {};
}

Status ServerApplication::createInitialAdministrator()
{
    const QString file = m_data.initialPasswordFile();
    Result<bool> created = Core::ensureInitialAdministrator(*m_users, [&](const QString &password) {
        return DataDirectory::writeSecretFile(file, password.toUtf8() + '\n');
    });
    if (!created.ok())
        return created.error();
    if (created.value()) {
        qCInfo(lcServer).noquote()
            << "Created the user admin; its initial password is in" << file
            << "(readable by this account only). Change it after the first login.";
    }
    return {};
}

Status ServerApplication::openArchiveStores()
{
    m_archive = std::make_unique<ArchiveStack>(*m_pool, *m_users, m_data.masterKeyFile(),
                                               m_data.path() + QStringLiteral("/index"),
                                               SystemClock::instance());
    Result<ArchiveStack::Opened> opened = m_archive->open();
    if (!opened.ok())
        return opened.error();
    if (opened->recoveryKey) {
        // Shown once: the operator keeps it somewhere else and deletes the file.
        const QString file = m_data.recoveryKeyFile();
        if (Status written =
                DataDirectory::writeSecretFile(file, opened->recoveryKey->toUtf8() + '\n');
            !written.ok())
            return written;
        qCWarning(lcServer).noquote()
            << "Created the archive's master key. Its recovery key is in" << file
            << "- keep it somewhere safe, away from this server, then delete the file.";
    }
    if (!m_archive->keys().isUnlocked()) {
        qCWarning(lcServer).noquote()
            << "The master key file" << m_data.masterKeyFile()
            << "is missing: archive stores stay locked until UnlockStore is called with the "
               "recovery key.";
    }
    m_profiles = std::make_unique<ProfileStack>(*m_pool, *m_archive, *m_users,
                                                SystemClock::instance(), m_config.profileWorkers);
    m_microsoft365 = std::make_unique<Microsoft365Stack>(*m_pool, *m_archive, *m_profiles, *m_users,
                                                         m_config.microsoft365);
    m_profiles->startScheduler();
    if (opened->createdStore)
        qCInfo(lcServer).noquote() << "Created the archive store" << opened->createdStore->name;

    for (const QString &warning : opened->indexWarnings)
        qCWarning(lcServer).noquote() << warning;
    if (opened->indexedAtStart > 0)
        qCInfo(lcServer).noquote()
            << "Indexed" << opened->indexedAtStart << "messages the index did not hold yet";
    return {};
}

Status ServerApplication::startApi()
{
    Result<Http::TlsFiles> files =
        prepareTlsFiles(m_config.tlsCertificate, m_config.tlsKey, m_data.tlsDirectory());
    if (!files.ok())
        return files.error();
    Result<Http::LoadedTls> tls = Http::loadTls(files.value());
    if (!tls.ok())
        return tls.error();
    m_information.certificateFile = files->certificateFile;
    m_information.certificateFingerprint = tls->fingerprint;
    m_information.certificateExpires = tls->expires.toString(Qt::ISODate);

    Http::ApiStackSettings settings;
    settings.loginThrottle = m_config.loginThrottle;
    settings.workerThreads = m_config.workerThreads;
    m_api = std::make_unique<Http::ApiStack>(*m_users, SystemClock::instance(), settings);
    Core::registerServerFunctions(m_api->functions(), m_information, m_api->sessions());
    m_archive->registerFunctions(m_api->functions(),
                                 [auth = &m_api->auth()] { auth->forgetCachedLogins(); });
    m_profiles->registerFunctions(m_api->functions());
    m_microsoft365->registerFunctions(m_api->functions(),
                                      [auth = &m_api->auth()] { auth->forgetCachedLogins(); });
    // Directory exports are signed with the server's own key; its certificate goes along.
    QFile certificate(files->certificateFile);
    QFile key(files->keyFile);
    if (certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly))
        m_profiles->setSigningKey(certificate.readAll(), key.readAll());

    m_api->server().sslSetup(tls->configuration);
    const QHostAddress address(m_config.listenAddress);
    if (address.isNull())
        return Error(ErrorCode::InvalidArgument,
                     u"\"%1\" is not an IP address to listen on."_s.arg(m_config.listenAddress));
    if (m_api->server().listen(address, static_cast<quint16>(m_config.apiPort)) == 0) {
        return Error(ErrorCode::Unavailable,
                     u"Cannot listen on %1 port %2 (in use, or not allowed)."_s.arg(
                         m_config.listenAddress, QString::number(m_config.apiPort)));
    }
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? u'[' + m_config.listenAddress + u']'
                             : m_config.listenAddress;
    qCInfo(lcServer).noquote() << u"Administration API listening on https://"_s + host + u':' +
                                      QString::number(m_config.apiPort) + u"/api/";
    qCInfo(lcServer).noquote() << "TLS certificate SHA-256 fingerprint:" << tls->fingerprint;
    return {};
}

} // namespace Mailkeep::App
