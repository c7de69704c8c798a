#include "ApiServerFixture.h"

#include "api/FormEncoding.h"
#include "core/Identity.h"
#include "core/functions/ServerFunctions.h"
#include "crypto/CertificateFactory.h"
#include "crypto/PasswordHasher.h"
#include "http/TlsConfiguration.h"
#include "storage/Migrator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace std::chrono_literals;

namespace Mailkeep::Testing {

QJsonObject parseEnvelopeObject(const QByteArray &body)
{
    QByteArray json = body;
    if (json.startsWith("\xEF\xBB\xBF"))
        json.remove(0, 3);
    return QJsonDocument::fromJson(json).object();
}

namespace {

void addUser(Core::UserStore &users, const QString &name, const QString &password,
             QStringList privileges, QStringList loginPrivileges)
{
    Core::UserRecord user;
    user.userName = name;
    user.passwordHash = Crypto::PasswordHasher::hash(password).value();
    user.privileges = std::move(privileges);
    user.loginPrivileges = std::move(loginPrivileges);
    ASSERT_TRUE(users.createUser(user).ok());
}

void registerTestFunctions(Core::FunctionRegistry &registry, std::atomic<bool> &open,
                           std::atomic<bool> &advance, std::atomic<bool> &sawCancel)
{
    registry.add({{u"TestEcho"_s,
                   {{u"text"_s, Api::ArgumentType::String, false},
                    {u"count"_s, Api::ArgumentType::Number, true},
                    {u"flag"_s, Api::ArgumentType::Bool, true},
                    {u"config"_s, Api::ArgumentType::Json, true},
                    {u"items"_s, Api::ArgumentType::StringList, true}}},
                  Core::Access::AnyUser,
                  [](const Api::Arguments &args, Core::CallContext &context) -> Result<QJsonValue> {
                      QJsonObject echo{{u"text"_s, args.string(u"text"_s)},
                                       {u"caller"_s, context.caller.userName}};
                      if (args.has(u"count"_s))
                          echo.insert(u"count"_s, args.number(u"count"_s));
                      if (args.has(u"flag"_s))
                          echo.insert(u"flag"_s, args.boolean(u"flag"_s));
                      if (args.has(u"config"_s))
                          echo.insert(u"config"_s, args.json(u"config"_s));
                      if (args.has(u"items"_s))
                          echo.insert(u"items"_s,
                                      QJsonArray::fromStringList(args.list(u"items"_s)));
                      return QJsonValue(echo);
                  }});
    registry.add({{u"TestGate"_s, {}},
                  Core::Access::AnyUser,
                  [&open, &advance, &sawCancel](const Api::Arguments &,
                                                Core::CallContext &context) -> Result<QJsonValue> {
                      context.progress.report(10, u"Waiting at the gate"_s);
                      while (!open) {
                          if (context.progress.isCancellationRequested()) {
                              sawCancel = true;
                              return Error(ErrorCode::Cancelled, u"Cancelled."_s);
                          }
                          if (advance.exchange(false))
                              context.progress.report(50, u"Half way"_s);
                          std::this_thread::sleep_for(5ms);
                      }
                      return QJsonValue(u"opened"_s);
                  }});
}

} // namespace

void ApiServerFixture::SetUp()
{
    PostgresTest::SetUp();
    auto migrations = Storage::Migrator::fromResources();
    ASSERT_TRUE(migrations.ok());
    ASSERT_TRUE(Storage::Migrator(migrations.value()).migrate(connection()).ok());

    m_pool = std::make_unique<Storage::PgConnectionPool>(conninfo(), 4);
    m_users = std::make_unique<Storage::PgUserStore>(*m_pool);
    addUser(*m_users, u"admin"_s, kAdminPassword, {Core::Privilege::Admin},
            Core::LoginPrivilege::all());
    addUser(*m_users, u"alice"_s, kAlicePassword, {Core::Privilege::Login},
            {Core::LoginPrivilege::Api});
    addUser(*m_users, u"carol"_s, kCarolPassword, {Core::Privilege::Login},
            {Core::LoginPrivilege::Console});

    m_archive = std::make_unique<App::ArchiveStack>(*m_pool, *m_users,
                                                    m_keyFolder.filePath(u"master.key"_s),
                                                    m_keyFolder.filePath(u"index"_s), m_clock);
    auto opened = m_archive->open();
    ASSERT_TRUE(opened.ok() && opened->recoveryKey && opened->createdStore);
    m_recoveryKey = *opened->recoveryKey;
    m_profiles = std::make_unique<App::ProfileStack>(*m_pool, *m_archive, *m_users, m_clock, 2);
    m_microsoft365 = std::make_unique<App::Microsoft365Stack>(*m_pool, *m_archive, *m_profiles,
                                                              *m_users, microsoft365Endpoints());

    m_information.version = u"1.2.3"_s;
    m_information.machineName = u"test-host"_s;
    m_information.databaseMode = u"external"_s;
    m_information.databaseLocation = u"postgresql://mailkeep@localhost/test"_s;
    // Short login penalties keep the suite fast; the mechanism is the same.
    Http::ApiStackSettings settings;
    settings.loginThrottle = Core::LoginThrottleSettings{100ms, 1600ms, 15min};
    settings.workerThreads = 4;
    m_api = std::make_unique<Http::ApiStack>(*m_users, m_clock, settings);
    Core::registerServerFunctions(m_api->functions(), m_information, m_api->sessions());
    registerArchiveFunctions();
    registerTestFunctions(m_api->functions(), m_gateOpen, m_gateAdvance, m_gateSawCancel);

    auto made = Crypto::CertificateFactory::createSelfSigned(
        {u"localhost"_s, {u"localhost"_s}, {u"127.0.0.1"_s}, 30});
    ASSERT_TRUE(made.ok());
    m_profiles->setSigningKey(made->certificatePem, made->privateKeyPem);

    // Through the files, as the server does: loadTls sets the TLS 1.2 minimum under test.
    QTemporaryDir tlsFolder;
    const Http::TlsFiles files{tlsFolder.filePath(u"server.crt"_s),
                               tlsFolder.filePath(u"server.key"_s)};
    for (const auto &[path, pem] : {std::pair{files.certificateFile, made->certificatePem},
                                    std::pair{files.keyFile, made->privateKeyPem}}) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(pem);
    }
    const Result<Http::LoadedTls> tls = Http::loadTls(files);
    ASSERT_TRUE(tls.ok()) << tls.error().toString().toStdString();
    m_fingerprint = tls->fingerprint;
    EXPECT_EQ(m_fingerprint, Crypto::CertificateFactory::sha256Fingerprint(made->certificatePem));

    m_api->server().sslSetup(tls->configuration);
    m_port = m_api->server().listen(QHostAddress::LocalHost, 0);
    ASSERT_NE(m_port, 0);
}

void ApiServerFixture::TearDown()
{
    m_gateOpen = true;
    m_api.reset();
    m_microsoft365.reset();
    m_profiles.reset();
    m_archive.reset();
    m_users.reset();
    m_pool.reset();
    PostgresTest::TearDown();
}

void ApiServerFixture::registerArchiveFunctions()
{
    m_archive->registerFunctions(m_api->functions(),
                                 [auth = &m_api->auth()] { auth->forgetCachedLogins(); });
    m_profiles->registerFunctions(m_api->functions());
    m_microsoft365->registerFunctions(m_api->functions(),
                                      [auth = &m_api->auth()] { auth->forgetCachedLogins(); });
}

HttpsTestClient ApiServerFixture::client(const QString &user, const QString &password)
{
    HttpsTestClient result(m_port, m_fingerprint);
    if (!user.isEmpty())
        result.setCredentials(user, password);
    return result;
}

QJsonObject ApiServerFixture::invokeJson(HttpsTestClient &httpClient, const QString &function,
                                         const QByteArray &body)
{
    const HttpsResponse response = httpClient.post(u"/api/invoke/"_s + function, body);
    EXPECT_EQ(response.status, 200) << response.networkError.toStdString();
    QJsonObject envelope = parseEnvelopeObject(response.body);
    // A call that takes longer than the inline wait (a busy machine) goes on in the
    // background; follow it to its end like any client.
    for (int i = 0; i < 600 && envelope[u"statusCode"_s].toString() == u"running"_s; ++i) {
        const HttpsResponse status = httpClient.post(
            u"/api/get-status"_s,
            Api::encodeForm({{u"token"_s, envelope[u"token"_s].toString()},
                             {u"lastKnownStatusVersion"_s,
                              QString::number(envelope[u"statusVersion"_s].toInt())},
                             {u"millisecondsTimeout"_s, u"5000"_s}}));
        EXPECT_EQ(status.status, 200);
        envelope = parseEnvelopeObject(status.body);
    }
    return envelope;
}

QJsonObject ApiServerFixture::call(HttpsTestClient &caller, const QString &function,
                                   const Api::FormFields &fields)
{
    return invokeJson(caller, function, Api::encodeForm(fields));
}

QString ApiServerFixture::status(const QJsonObject &envelope)
{
    return envelope[QStringLiteral("statusCode")].toString();
}

QString ApiServerFixture::message(const QJsonObject &envelope)
{
    return envelope[QStringLiteral("error")].toObject()[QStringLiteral("message")].toString();
}

} // namespace Mailkeep::Testing
