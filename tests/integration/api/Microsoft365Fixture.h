#pragma once

// The API server with the fake Microsoft 365 running beside it and one Office365_Modern
// credential whose certificate the fake's tenant trusts (once a scenario uploads it).
#include "ApiServerFixture.h"
#include "support/TestMicrosoft365.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Mailkeep::Testing {

inline const QString kTenant = QStringLiteral("8f2c1a7e-4b3d-4e5f-9a6b-1c2d3e4f5a6b");
inline const QString kApp = QStringLiteral("0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a");

inline QString compactJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
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
        const QJsonObject credential =
            admin(u"CreateCredential"_s, {{u"type"_s, u"Office365_Modern"_s},
                                          {u"description"_s, u"Contoso"_s},
                                          {u"tenantId"_s, kTenant},
                                          {u"applicationId"_s, kApp}})[u"result"_s]
                .toObject();
        m_credentialId = credential[u"id"_s].toInteger();
        m_certificate =
            admin(u"GetCredentialCertificate"_s,
                  {{u"id"_s, QString::number(m_credentialId)}})[u"result"_s][u"certificate"_s]
                .toString();
    }
    Connectors::CloudOverrides microsoft365Endpoints() const override
    {
        Connectors::CloudOverrides overrides;
        overrides.globalLogin = QUrl(m_fake.baseUrl());
        overrides.globalGraph = QUrl(m_fake.baseUrl());
        overrides.globalExchange = QUrl(m_fake.baseUrl());
        overrides.globalImap = QUrl(QStringLiteral("imaps://127.0.0.1:%1").arg(m_fake.imapPort()));
        overrides.caCertificatesFile = m_fake.caFile();
        return overrides;
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
