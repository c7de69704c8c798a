// App-only tokens from the fake Entra ID: the certificate assertion as Entra checks it (PS256
// with x5t#S256, RS256 with x5t), the cache that honours expires_in, retries of busy answers,
// both clouds, and every refusal turned into advice an administrator can act on.
#include "connectors/microsoft365/TokenClient.h"

#include "connectors/microsoft365/BlockingHttp.h"
#include "crypto/CertificateFactory.h"
#include "support/TestMicrosoft365.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kTenant = u"8f2c1a7e-4b3d-4e5f-9a6b-1c2d3e4f5a6b"_s;
const QString kChinaTenant = u"11112222-3333-4444-5555-666677778888"_s;
const QString kApp = u"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"_s;
const QString kGraph = u"https://graph.microsoft.com"_s;
const QString kExchange = u"https://outlook.office365.com"_s;

Core::AppCredential appCredential(const QString &algorithm, int validDays = 3750)
{
    Crypto::SelfSignedRequest request;
    request.commonName = u"Mailkeep test"_s;
    request.key = Crypto::SelfSignedRequest::Key::Rsa2048;
    request.validDays = validDays;
    request.extendedKeyUsage = "clientAuth";
    const Crypto::CertificateAndKey pair =
        Crypto::CertificateFactory::createSelfSigned(request).value();
    const Crypto::CertificateDetails details =
        Crypto::CertificateFactory::details(pair.certificatePem).value();
    static qint64 nextId = 1;
    return {nextId++,           kTenant,      kApp,
            u"global"_s,        algorithm,    pair.certificatePem,
            pair.privateKeyPem, details.sha1, details.sha256};
}

class TokenClientTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const Status started = m_fake.start();
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
        m_overrides.globalLogin = QUrl(m_fake.baseUrl(u"global"_s));
        m_overrides.chinaLogin = QUrl(m_fake.baseUrl(u"china"_s));
        m_overrides.caCertificatesFile = m_fake.caFile();
    }
    // One tenant in each cloud with the app; the app knows `uploaded` certificates.
    void scenario(const QList<QByteArray> &uploaded, bool consented = true, int lifetime = 3600)
    {
        QJsonArray certificates;
        for (const QByteArray &pem : uploaded)
            certificates.append(QString::fromLatin1(pem));
        QJsonObject app{{u"appId"_s, kApp}, {u"certificates"_s, certificates}};
        if (consented)
            app.insert(u"roles"_s, QJsonObject{{u"graph"_s, QJsonArray{u"Mail.ReadWrite"_s,
                                                                       u"Directory.Read.All"_s}},
                                               {u"exchange"_s, QJsonArray{u"IMAP.AccessAsApp"_s}}});
        const QJsonObject loaded{
            {u"tokenLifetimeSeconds"_s, lifetime},
            {u"tenants"_s,
             QJsonArray{QJsonObject{{u"id"_s, kTenant},
                                    {u"domains"_s, QJsonArray{u"contoso.onmicrosoft.com"_s}},
                                    {u"apps"_s, QJsonArray{app}}},
                        QJsonObject{{u"id"_s, kChinaTenant},
                                    {u"cloud"_s, u"china"_s},
                                    {u"apps"_s, QJsonArray{app}}}}}};
        const Status status = m_fake.loadScenario(loaded);
        ASSERT_TRUE(status.ok()) << status.error().toString().toStdString();
    }
    int tokenRequests()
    {
        int count = 0;
        for (const QJsonValue &request : m_fake.log()->value(u"requests"_s).toArray())
            count += request[u"path"_s].toString().endsWith(u"/token"_s) ? 1 : 0;
        return count;
    }
    QString refusal(const Core::AppCredential &credential, const QString &resource = kGraph)
    {
        Connectors::TokenClient client(m_overrides);
        Connectors::BlockingHttp http(m_overrides.caCertificatesFile);
        Result<Connectors::AccessToken> token = client.token(credential, resource, http);
        EXPECT_FALSE(token.ok());
        return token.ok() ? QString() : token.error().message;
    }

    TestMicrosoft365 m_fake;
    Connectors::CloudOverrides m_overrides;
};

} // namespace

TEST_F(TokenClientTest, TokensComeForACertificateAssertionAndAreCached)
{
    const Core::AppCredential pss = appCredential(u"PS256"_s);
    const Core::AppCredential pkcs1 = appCredential(u"RS256"_s);
    scenario({pss.certificatePem, pkcs1.certificatePem});
    Connectors::TokenClient client(m_overrides);
    Connectors::BlockingHttp http(m_overrides.caCertificatesFile);

    Result<Connectors::AccessToken> graph = client.token(pss, kGraph, http);
    ASSERT_TRUE(graph.ok()) << graph.error().toString().toStdString();
    EXPECT_FALSE(graph->token.isEmpty());
    EXPECT_EQ(graph->roles, (QStringList{u"Mail.ReadWrite"_s, u"Directory.Read.All"_s}));
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(graph->expiresAt);
    EXPECT_GT(left, 3600 - 300 - 10) << "expires_in, less the renewal margin";
    EXPECT_LE(left, 3600 - 300);

    Result<Connectors::AccessToken> exchange = client.token(pkcs1, kExchange, http);
    ASSERT_TRUE(exchange.ok()) << exchange.error().toString().toStdString();
    EXPECT_EQ(exchange->roles, QStringList{u"IMAP.AccessAsApp"_s});

    // What the fake saw: the assertions as Entra ID wants them.
    const QJsonArray assertions = m_fake.log()->value(u"assertions"_s).toArray();
    ASSERT_EQ(assertions.size(), 2);
    const QJsonObject first = assertions.at(0).toObject();
    EXPECT_EQ(first[u"header"_s][u"alg"_s].toString(), u"PS256"_s);
    EXPECT_EQ(first[u"header"_s][u"x5t#S256"_s].toString().size(), 43);
    EXPECT_EQ(first[u"claims"_s][u"aud"_s].toString(),
              m_fake.baseUrl() + u'/' + kTenant + u"/oauth2/v2.0/token"_s);
    EXPECT_EQ(first[u"claims"_s][u"iss"_s].toString(), kApp);
    EXPECT_EQ(first[u"claims"_s][u"sub"_s].toString(), kApp);
    EXPECT_EQ(first[u"claims"_s][u"exp"_s].toInteger() - first[u"claims"_s][u"nbf"_s].toInteger(),
              600);
    const QJsonObject second = assertions.at(1).toObject();
    EXPECT_EQ(second[u"header"_s][u"alg"_s].toString(), u"RS256"_s);
    EXPECT_EQ(second[u"header"_s][u"x5t"_s].toString().size(), 27);
    EXPECT_NE(first[u"claims"_s][u"jti"_s], second[u"claims"_s][u"jti"_s]);

    // From the cache: no third request.
    ASSERT_TRUE(client.token(pss, kGraph, http).ok());
    EXPECT_EQ(tokenRequests(), 2);
    client.forget(pss, kGraph);
    ASSERT_TRUE(client.token(pss, kGraph, http).ok());
    EXPECT_EQ(tokenRequests(), 3) << "forgotten after a 401";
}

TEST_F(TokenClientTest, AShortLivedTokenIsRenewedByItsOwnExpiry)
{
    const Core::AppCredential credential = appCredential(u"PS256"_s);
    scenario({credential.certificatePem}, true, 5);
    Connectors::TokenClient client(m_overrides);
    Connectors::BlockingHttp http(m_overrides.caCertificatesFile);
    Result<Connectors::AccessToken> first = client.token(credential, kGraph, http);
    ASSERT_TRUE(first.ok()) << first.error().toString().toStdString();
    EXPECT_LE(QDateTime::currentDateTimeUtc().secsTo(first->expiresAt), 5);
    ASSERT_TRUE(client.token(credential, kGraph, http).ok());
    EXPECT_EQ(tokenRequests(), 1);
    QThread::msleep(4500);
    Result<Connectors::AccessToken> renewed = client.token(credential, kGraph, http);
    ASSERT_TRUE(renewed.ok());
    EXPECT_EQ(tokenRequests(), 2);
    EXPECT_NE(renewed->token, first->token);
}

TEST_F(TokenClientTest, RefusalsBecomeAdvice)
{
    const Core::AppCredential uploaded = appCredential(u"PS256"_s);
    scenario({uploaded.certificatePem});

    // A certificate Entra ID does not have (not uploaded, or renewed since).
    const Core::AppCredential other = appCredential(u"PS256"_s);
    QString text = refusal(other);
    EXPECT_TRUE(text.contains(u"upload"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(QString::fromLatin1(other.thumbprintSha1.toHex().toUpper())))
        << text.toStdString();
    EXPECT_TRUE(text.contains(u"AADSTS700027"_s)) << text.toStdString();

    // The thumbprint of the uploaded certificate, but signed with another key.
    Core::AppCredential forged = uploaded;
    forged.privateKeyPem = other.privateKeyPem;
    text = refusal(forged);
    EXPECT_TRUE(text.contains(u"could not verify"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"AADSTS700027"_s)) << text.toStdString();

    Core::AppCredential wrongApp = uploaded;

    wrongApp.applicationId = u"99999999-9999-4999-8999-999999999999"_s;
    text = refusal(wrongApp);
    EXPECT_TRUE(text.contains(u"Application (client) ID"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"AADSTS700016"_s)) << text.toStdString();

    Core::AppCredential wrongTenant = uploaded;
    wrongTenant.tenantId = u"fabrikam.onmicrosoft.com"_s;
    text = refusal(wrongTenant);
    EXPECT_TRUE(text.contains(u"Directory (tenant) ID"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"AADSTS90002"_s)) << text.toStdString();

    Core::AppCredential otherCloud = uploaded;
    otherCloud.tenantId = kChinaTenant; // a 21Vianet tenant asked for at the global endpoint
    text = refusal(otherCloud);
    EXPECT_TRUE(text.contains(u"cloud"_s)) << text.toStdString();

    ASSERT_TRUE(m_fake.setClockOffset(3600).ok()); // this server's clock an hour behind
    text = refusal(uploaded);
    EXPECT_TRUE(text.contains(u"clock"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"AADSTS700024"_s)) << text.toStdString();

    ASSERT_TRUE(m_fake.setClockOffset(0).ok());
    text = refusal(uploaded, u"https://unknown.example.com"_s);
    EXPECT_TRUE(text.contains(u"AADSTS500011"_s)) << text.toStdString();
}

TEST_F(TokenClientTest, AnExpiredCertificateIsNamed)
{
    const Core::AppCredential shortLived = appCredential(u"RS256"_s, 1);
    scenario({shortLived.certificatePem});
    ASSERT_TRUE(m_fake.setClockOffset(3 * 86400).ok());
    const QString text = refusal(shortLived);
    EXPECT_TRUE(text.contains(u"expired"_s)) << text.toStdString();
    EXPECT_TRUE(text.contains(u"new certificate"_s)) << text.toStdString();
}

TEST_F(TokenClientTest, WithoutConsentTheTokenHasNoRoles)
{
    const Core::AppCredential credential = appCredential(u"PS256"_s);
    scenario({credential.certificatePem}, false);
    Connectors::TokenClient client(m_overrides);
    Connectors::BlockingHttp http(m_overrides.caCertificatesFile);
    Result<Connectors::AccessToken> token = client.token(credential, kGraph, http);
    ASSERT_TRUE(token.ok()) << "Entra ID issues it anyway";
    EXPECT_TRUE(token->roles.isEmpty());
}

TEST_F(TokenClientTest, ABusyTokenEndpointIsAskedAgainAfterRetryAfter)
{
    const Core::AppCredential credential = appCredential(u"PS256"_s);
    scenario({credential.certificatePem});
    ASSERT_TRUE(
        m_fake
            .addFault({{u"path"_s, u"/oauth2/v2.0/token$"_s},
                       {u"status"_s, 503},
                       {u"retryAfter"_s, u"0.3"_s},
                       {u"count"_s, 2},
                       {u"body"_s, QJsonObject{{u"error"_s, u"temporarily_unavailable"_s}}}})
            .ok());
    Connectors::TokenClient client(m_overrides);
    Connectors::BlockingHttp http(m_overrides.caCertificatesFile);
    QElapsedTimer clock;
    clock.start();
    Result<Connectors::AccessToken> token = client.token(credential, kGraph, http);
    ASSERT_TRUE(token.ok()) << token.error().toString().toStdString();
    EXPECT_EQ(tokenRequests(), 3);
    EXPECT_GE(clock.elapsed(), 600) << "waited the fractional Retry-After twice";
}

TEST_F(TokenClientTest, TheChinaCloudHasItsOwnEndpointAndResources)
{
    Core::AppCredential credential = appCredential(u"PS256"_s);
    credential.tenantId = kChinaTenant;
    credential.cloud = u"china"_s;
    scenario({credential.certificatePem});
    Connectors::TokenClient client(m_overrides);
    Connectors::BlockingHttp http(m_overrides.caCertificatesFile);
    const Connectors::CloudEndpoints china = client.endpoints(u"china"_s);
    EXPECT_EQ(china.graphResource, u"https://microsoftgraph.chinacloudapi.cn"_s);
    Result<Connectors::AccessToken> token = client.token(credential, china.graphResource, http);
    ASSERT_TRUE(token.ok()) << token.error().toString().toStdString();
    EXPECT_FALSE(token->roles.isEmpty());
    // The global resource is unknown there.
    const QString text = refusal(credential, kGraph);
    EXPECT_TRUE(text.contains(u"AADSTS500011"_s)) << text.toStdString();
    EXPECT_EQ(Connectors::endpointsFor(u"china"_s).login.host(), u"login.chinacloudapi.cn"_s);
    EXPECT_EQ(Connectors::endpointsFor(u"global"_s).login.host(), u"login.microsoftonline.com"_s);
}
