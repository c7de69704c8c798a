// Credential objects through the API: the server makes an RSA key pair and a certificate valid
// 3750 days, the private key is sealed at rest and never returned, the certificate downloads as
// PEM and DER with the thumbprints Entra ID shows, renewal replaces it, a credential in use
// cannot be deleted, bad settings get clear errors, and only administrators get in.
#include "ApiServerFixture.h"
#include "core/credentials/CredentialService.h"
#include "crypto/CertificateFactory.h"
#include "support/TestMicrosoft365.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kTenant = u"8f2c1a7e-4b3d-4e5f-9a6b-1c2d3e4f5a6b"_s;
const QString kApplication = u"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"_s;

class CredentialFunctionsTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
    }
    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    QJsonObject create(const Api::FormFields &extra = {})
    {
        Api::FormFields fields{{u"type"_s, u"Office365_Modern"_s},
                               {u"description"_s, u"Contoso tenant"_s},
                               {u"tenantId"_s, kTenant},
                               {u"applicationId"_s, kApplication}};
        for (const auto &[name, value] : extra) { // replaces the default of the same name
            fields.removeIf([&name](const auto &field) { return field.first == name; });
            fields.append({name, value});
        }
        return admin(u"CreateCredential"_s, fields);
    }

    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(CredentialFunctionsTest, TheServerMakesTheCertificateAndKeepsTheKey)
{
    const QJsonObject created = create();
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
    const QJsonObject credential = created[u"result"_s].toObject();
    EXPECT_EQ(credential[u"type"_s].toString(), u"Office365_Modern"_s);
    EXPECT_EQ(credential[u"tenantId"_s].toString(), kTenant);
    EXPECT_EQ(credential[u"applicationId"_s].toString(), kApplication);
    EXPECT_EQ(credential[u"cloud"_s].toString(), u"global"_s);
    EXPECT_EQ(credential[u"assertionAlgorithm"_s].toString(), u"PS256"_s);
    const QJsonObject certificate = credential[u"certificate"_s].toObject();
    EXPECT_EQ(certificate[u"keySize"_s].toInt(), 2048);
    EXPECT_EQ(certificate[u"thumbprint"_s].toString().size(), 40) << "SHA-1, as Entra shows it";
    EXPECT_EQ(certificate[u"x5t"_s].toString().size(), 27);
    EXPECT_EQ(certificate[u"x5tS256"_s].toString().size(), 43);
    const QDateTime from =
        QDateTime::fromString(certificate[u"validFrom"_s].toString(), Qt::ISODate);
    const QDateTime until =
        QDateTime::fromString(certificate[u"validUntil"_s].toString(), Qt::ISODate);
    EXPECT_NEAR(static_cast<double>(from.daysTo(until)), 3750.0, 1.0);
    EXPECT_FALSE(credential[u"expiryWarning"_s].toBool());
    EXPECT_EQ(credential[u"expirationDate"_s].toString(), certificate[u"validUntil"_s].toString());

    // The private key: in no answer, and sealed in the database.
    const QByteArray everything =
        QJsonDocument(admin(u"GetCredentials"_s)).toJson() +
        QJsonDocument(admin(u"GetCredential"_s,
                            {{u"id"_s, QString::number(credential[u"id"_s].toInteger())}}))
            .toJson();
    EXPECT_FALSE(everything.contains("PRIVATE KEY"));
    auto stored = connection().exec(u"SELECT sealed_private_key FROM credentials"_s);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->rowCount(), 1);
    EXPECT_FALSE(stored->bytes(0, 0).contains("PRIVATE KEY"));
    EXPECT_FALSE(stored->bytes(0, 0).contains("MII")) << "no DER in the clear either";

    // Opened on the server for sign-ins: it is the certificate's key.
    Result<Core::AppCredential> opened =
        m_microsoft365->credentials().forSignIn(credential[u"id"_s].toInteger());
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    EXPECT_TRUE(Crypto::CertificateFactory::keyMatchesCertificate(opened->certificatePem,
                                                                  opened->privateKeyPem));
    EXPECT_EQ(QString::fromLatin1(opened->thumbprintSha1.toHex().toUpper()),
              certificate[u"thumbprint"_s].toString());

    // The audit log has it.
    auto audit =
        connection().exec(u"SELECT count(*) FROM audit_log WHERE event = 'CredentialCreate'"_s);
    ASSERT_TRUE(audit.ok());
    EXPECT_EQ(audit->toInt64(0, 0), 1);
}

TEST_F(CredentialFunctionsTest, TheCertificateDownloadsAsPemAndDer)
{
    const QJsonObject credential = create()[u"result"_s].toObject();
    const QString id = QString::number(credential[u"id"_s].toInteger());
    const QString thumbprint = credential[u"certificate"_s][u"thumbprint"_s].toString();

    const QJsonObject pem = admin(u"GetCredentialCertificate"_s, {{u"id"_s, id}});
    ASSERT_EQ(status(pem), u"succeeded"_s) << message(pem).toStdString();
    const QByteArray pemText = pem[u"result"_s][u"certificate"_s].toString().toLatin1();
    EXPECT_TRUE(pemText.startsWith("-----BEGIN CERTIFICATE-----"));
    EXPECT_TRUE(pem[u"result"_s][u"fileName"_s].toString().endsWith(u".pem"_s));
    Result<Crypto::CertificateDetails> details = Crypto::CertificateFactory::details(pemText);
    ASSERT_TRUE(details.ok());
    EXPECT_EQ(QString::fromLatin1(details->sha1.toHex().toUpper()), thumbprint);

    const QJsonObject der =
        admin(u"GetCredentialCertificate"_s, {{u"id"_s, id}, {u"format"_s, u"der"_s}});
    ASSERT_EQ(status(der), u"succeeded"_s) << message(der).toStdString();
    EXPECT_TRUE(der[u"result"_s][u"fileName"_s].toString().endsWith(u".cer"_s));
    const QByteArray derBytes =
        QByteArray::fromBase64(der[u"result"_s][u"certificate"_s].toString().toLatin1());
    EXPECT_EQ(derBytes, details->der);
    EXPECT_EQ(
        status(admin(u"GetCredentialCertificate"_s, {{u"id"_s, id}, {u"format"_s, u"p12"_s}})),
        u"failed"_s);
}

TEST_F(CredentialFunctionsTest, SettingsChangeAndTheCertificateRenews)
{
    const QJsonObject credential = create({{u"keySize"_s, u"3072"_s}})[u"result"_s].toObject();
    const QString id = QString::number(credential[u"id"_s].toInteger());
    EXPECT_EQ(credential[u"certificate"_s][u"keySize"_s].toInt(), 3072);

    QJsonObject changed =
        admin(u"SetCredentialDescription"_s, {{u"id"_s, id}, {u"description"_s, u"Fabrikam"_s}});
    ASSERT_EQ(status(changed), u"succeeded"_s) << message(changed).toStdString();
    EXPECT_EQ(changed[u"result"_s][u"description"_s].toString(), u"Fabrikam"_s);
    EXPECT_EQ(changed[u"result"_s][u"certificate"_s][u"thumbprint"_s],
              credential[u"certificate"_s][u"thumbprint"_s]);

    changed = admin(u"SetCredentialSettings"_s, {{u"id"_s, id},
                                                 {u"tenantId"_s, u"fabrikam.onmicrosoft.com"_s},
                                                 {u"cloud"_s, u"china"_s},
                                                 {u"assertionAlgorithm"_s, u"RS256"_s},
                                                 {u"createNewCertificate"_s, u"true"_s}});
    ASSERT_EQ(status(changed), u"succeeded"_s) << message(changed).toStdString();
    EXPECT_EQ(changed[u"result"_s][u"tenantId"_s].toString(), u"fabrikam.onmicrosoft.com"_s);
    EXPECT_EQ(changed[u"result"_s][u"cloud"_s].toString(), u"china"_s);
    EXPECT_EQ(changed[u"result"_s][u"assertionAlgorithm"_s].toString(), u"RS256"_s);
    EXPECT_NE(changed[u"result"_s][u"certificate"_s][u"thumbprint"_s],
              credential[u"certificate"_s][u"thumbprint"_s])
        << "a new certificate";
    EXPECT_EQ(changed[u"result"_s][u"certificate"_s][u"keySize"_s].toInt(), 2048)
        << "the new one has the default size unless keySize says otherwise";
    Result<Core::AppCredential> opened = m_microsoft365->credentials().forSignIn(id.toLongLong());
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(Crypto::CertificateFactory::keyMatchesCertificate(opened->certificatePem,
                                                                  opened->privateKeyPem))
        << "the new key goes with the new certificate";
}

TEST_F(CredentialFunctionsTest, BadSettingsGetClearErrors)
{
    QJsonObject answer = create({{u"tenantId"_s, u"common"_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    EXPECT_TRUE(message(answer).contains(u"common"_s)) << message(answer).toStdString();
    answer = create({{u"applicationId"_s, u"my app"_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    EXPECT_TRUE(message(answer).contains(u"Application (client) ID"_s))
        << message(answer).toStdString();
    answer = create({{u"cloud"_s, u"mars"_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    answer = create({{u"keySize"_s, u"1024"_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    answer = create({{u"description"_s, u"  "_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    answer = admin(u"CreateCredential"_s,
                   {{u"type"_s, u"SignedEnvelope"_s}, {u"description"_s, u"cloud export"_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    EXPECT_TRUE(message(answer).contains(u"Office365_Modern"_s)) << message(answer).toStdString();
    EXPECT_EQ(status(admin(u"GetCredential"_s, {{u"id"_s, u"999"_s}})), u"failed"_s);
    auto rows = connection().exec(u"SELECT count(*) FROM credentials"_s);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->toInt64(0, 0), 0) << "nothing half-made";
}

TEST_F(CredentialFunctionsTest, ACredentialInUseIsNotDeleted)
{
    const qint64 id = create()[u"result"_s][u"id"_s].toInteger();
    // A profile that names it (the Microsoft 365 profile types keep it as credentialId).
    auto inserted = connection().exec(
        u"INSERT INTO profiles (uid, name, owner, kind, type, properties) VALUES "
        "('p1', 'Contoso mailboxes', 'admin', 'archive', 'imapMailbox', $1::jsonb)"_s,
        {QString::fromUtf8(QJsonDocument(QJsonObject{{u"credentialId"_s, id}}).toJson())});
    ASSERT_TRUE(inserted.ok()) << inserted.error().toString().toStdString();
    QJsonObject answer = admin(u"DeleteCredential"_s, {{u"id"_s, QString::number(id)}});
    EXPECT_EQ(status(answer), u"failed"_s);
    EXPECT_TRUE(message(answer).contains(u"used by the profiles"_s))
        << message(answer).toStdString();
    const QJsonArray users =
        admin(u"GetCredential"_s,
              {{u"id"_s, QString::number(id)}})[u"result"_s][u"usedByProfiles"_s]
            .toArray();
    EXPECT_EQ(users.size(), 1);

    ASSERT_TRUE(connection().exec(u"DELETE FROM profiles"_s).ok());
    answer = admin(u"DeleteCredential"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_EQ(admin(u"GetCredentials"_s)[u"result"_s].toArray().size(), 0);
}

TEST_F(CredentialFunctionsTest, OnlyAdministratorsGetIn)
{
    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login"_s},
                                             {u"password"_s, u"bob-Pa55-long"_s}})),
              u"succeeded"_s);
    HttpsTestClient bob = client(u"bob"_s, u"bob-Pa55-long"_s);
    const qint64 id = create()[u"result"_s][u"id"_s].toInteger();
    for (const auto &[function, fields] : QList<std::pair<QString, Api::FormFields>>{
             {u"GetCredentials"_s, {}},
             {u"GetCredential"_s, {{u"id"_s, QString::number(id)}}},
             {u"GetCredentialCertificate"_s, {{u"id"_s, QString::number(id)}}},
             {u"DeleteCredential"_s, {{u"id"_s, QString::number(id)}}}}) {
        const QJsonObject answer = call(bob, function, fields);
        EXPECT_NE(status(answer), u"succeeded"_s) << function.toStdString();
    }
    EXPECT_EQ(admin(u"GetCredentials"_s)[u"result"_s].toArray().size(), 1);
}

TEST(CredentialExpiry, TheWarningStartsTwentyEightDaysBefore)
{
    Crypto::SelfSignedRequest request;
    request.commonName = u"expiring"_s;
    request.validDays = 100;
    request.key = Crypto::SelfSignedRequest::Key::Rsa2048;
    Result<Crypto::CertificateAndKey> made = Crypto::CertificateFactory::createSelfSigned(request);
    ASSERT_TRUE(made.ok());
    Core::CredentialRecord credential;
    credential.certificatePem = made->certificatePem;
    const QDateTime until = Crypto::CertificateFactory::details(made->certificatePem)->notAfter;
    QJsonObject json = Core::CredentialService::toJson(credential, {}, until.addDays(-29));
    EXPECT_FALSE(json[u"expiryWarning"_s].toBool());
    EXPECT_EQ(json[u"expiresInDays"_s].toInt(), 29);
    json = Core::CredentialService::toJson(credential, {}, until.addDays(-28));
    EXPECT_TRUE(json[u"expiryWarning"_s].toBool());
    json = Core::CredentialService::toJson(credential, {}, until.addDays(3));
    EXPECT_TRUE(json[u"expiryWarning"_s].toBool());
    EXPECT_LT(json[u"expiresInDays"_s].toInt(), 0);
}

namespace {

// TestCredential against the fake Entra ID.
class CredentialSignInTest : public CredentialFunctionsTest
{
protected:
    void SetUp() override
    {
        const Status started = m_fake.start();
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
        CredentialFunctionsTest::SetUp();
    }
    Connectors::CloudOverrides microsoft365Endpoints() const override
    {
        Connectors::CloudOverrides overrides;
        overrides.globalLogin = QUrl(m_fake.baseUrl(u"global"_s));
        overrides.caCertificatesFile = m_fake.caFile();
        return overrides;
    }
    void tenantWith(const QJsonArray &certificates, const QJsonObject &roles)
    {
        const QJsonObject app{
            {u"appId"_s, kApplication}, {u"certificates"_s, certificates}, {u"roles"_s, roles}};
        ASSERT_TRUE(m_fake
                        .loadScenario(
                            {{u"tenants"_s, QJsonArray{QJsonObject{{u"id"_s, kTenant},
                                                                   {u"apps"_s, QJsonArray{app}}}}}})
                        .ok());
    }

    TestMicrosoft365 m_fake;
};

} // namespace

TEST_F(CredentialSignInTest, TestCredentialSaysWhatIsMissingInEntraId)
{
    const QString id = QString::number(create()[u"result"_s][u"id"_s].toInteger());
    const QString pem =
        admin(u"GetCredentialCertificate"_s, {{u"id"_s, id}})[u"result"_s][u"certificate"_s]
            .toString();

    // The certificate is not uploaded yet.
    tenantWith({}, {});
    QJsonObject answer = admin(u"TestCredential"_s, {{u"id"_s, id}});
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_FALSE(answer[u"result"_s][u"ok"_s].toBool());
    EXPECT_FALSE(answer[u"result"_s][u"graph"_s][u"signedIn"_s].toBool());
    EXPECT_TRUE(answer[u"result"_s][u"graph"_s][u"message"_s].toString().contains(u"upload"_s))
        << QJsonDocument(answer).toJson().toStdString();

    // Uploaded; Graph has one of its two permissions, Exchange Online no consent at all.
    tenantWith({pem}, {{u"graph"_s, QJsonArray{u"Mail.ReadWrite"_s}}});
    answer = admin(u"TestCredential"_s, {{u"id"_s, id}});
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    const QJsonObject result = answer[u"result"_s].toObject();
    EXPECT_FALSE(result[u"ok"_s].toBool());
    EXPECT_TRUE(result[u"graph"_s][u"signedIn"_s].toBool());
    EXPECT_EQ(result[u"graph"_s][u"missing"_s].toArray(), QJsonArray{u"Directory.Read.All"_s});
    EXPECT_TRUE(result[u"exchange"_s][u"signedIn"_s].toBool());
    EXPECT_EQ(result[u"exchange"_s][u"roles"_s].toArray(), QJsonArray());
    const QString advice = QString::fromUtf8(QJsonDocument(result[u"advice"_s].toArray()).toJson());
    EXPECT_TRUE(advice.contains(u"Directory.Read.All"_s)) << advice.toStdString();
    EXPECT_TRUE(advice.contains(u"admin consent"_s)) << advice.toStdString();

    // Everything granted.
    tenantWith({pem},
               {{u"graph"_s, QJsonArray{u"Mail.ReadWrite"_s, u"Directory.Read.All"_s}},
                {u"exchange"_s, QJsonArray{u"full_access_as_app"_s, u"IMAP.AccessAsApp"_s}}});
    answer = admin(u"TestCredential"_s, {{u"id"_s, id}});
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_TRUE(answer[u"result"_s][u"ok"_s].toBool())
        << QJsonDocument(answer).toJson().toStdString();
}
