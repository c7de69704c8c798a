#pragma once

// The API server with the fake Microsoft 365 running beside it and one Office365_Modern
// credential whose certificate the fake's tenant trusts (once a scenario uploads it).
#include "ApiServerFixture.h"
#include "support/TestMicrosoft365.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <tuple>
#include <utility>

namespace Mailkeep::Testing {

inline const QString kTenant = QStringLiteral("8f2c1a7e-4b3d-4e5f-9a6b-1c2d3e4f5a6b");
inline const QString kApp = QStringLiteral("0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a");

inline QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// The server's Microsoft 365 endpoints pointed at the fake, whose authority it trusts.
inline Connectors::CloudOverrides fakeEndpoints(const TestMicrosoft365 &fake)
{
    Connectors::CloudOverrides overrides;
    overrides.globalLogin = QUrl(fake.baseUrl());
    overrides.globalGraph = QUrl(fake.baseUrl());
    overrides.globalExchange = QUrl(fake.baseUrl());
    overrides.globalImap = QUrl(QStringLiteral("imaps://127.0.0.1:%1").arg(fake.imapPort()));
    overrides.caCertificatesFile = fake.caFile();
    return overrides;
}

// Creates the "Contoso" credential (kTenant, kApp) through `admin` (a function and its
// arguments to the answer's envelope); its id and the certificate the scenarios upload.
template <typename AdminCall> std::pair<qint64, QString> createContosoCredential(AdminCall admin)
{
    using namespace Qt::Literals::StringLiterals;
    const qint64 id = admin(u"CreateCredential"_s,
                            Api::FormFields{{u"type"_s, u"Office365_Modern"_s},
                                            {u"description"_s, u"Contoso"_s},
                                            {u"tenantId"_s, kTenant},
                                            {u"applicationId"_s, kApp}})[u"result"_s][u"id"_s]
                          .toInteger();
    const QString certificate =
        admin(u"GetCredentialCertificate"_s,
              Api::FormFields{{u"id"_s, QString::number(id)}})[u"result"_s][u"certificate"_s]
            .toString();
    return {id, certificate};
}

class Microsoft365Fixture : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        using namespace Qt::Literals::StringLiterals;
        const Status started = m_fake.start();
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        std::tie(m_credentialId, m_certificate) =
            createContosoCredential([this](const QString &function, const Api::FormFields &fields) {
                return admin(function, fields);
            });
    }
    Connectors::CloudOverrides microsoft365Endpoints() const override
    {
        return fakeEndpoints(m_fake);
    }
    // A scenario of one tenant whose application (with the credential's certificate) has
    // these Graph permissions.
    QJsonObject tenantScenario(const QJsonArray &users, const QJsonArray &graphRoles,
                               const QJsonArray &groups = {},
                               const QJsonArray &exchangeRoles = {}) const
    {
        using namespace Qt::Literals::StringLiterals;
        return {{u"tenants"_s,
                 QJsonArray{QJsonObject{
                     {u"id"_s, kTenant},
                     {u"apps"_s, QJsonArray{QJsonObject{
                                     {u"appId"_s, kApp},
                                     {u"certificates"_s, QJsonArray{m_certificate}},
                                     {u"roles"_s, QJsonObject{{u"graph"_s, graphRoles},
                                                              {u"exchange"_s, exchangeRoles}}}}}},
                     {u"users"_s, users},
                     {u"groups"_s, groups}}}}};
    }
    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }

    TestMicrosoft365 m_fake;
    std::unique_ptr<HttpsTestClient> m_admin;
    qint64 m_credentialId = 0;
    QString m_certificate;
};

} // namespace Mailkeep::Testing
