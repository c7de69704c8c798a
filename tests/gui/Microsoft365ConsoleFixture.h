#pragma once

// The console against the real server with the fake Microsoft 365 beside it: a credential
// whose certificate the fake's tenant trusts, Ada's mailbox, and profiles made through the API.
#include "../integration/api/Microsoft365Fixture.h"
#include "ConsoleFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTreeWidget>

namespace Mailkeep::Testing {

using namespace Qt::Literals::StringLiterals;

inline const QString kAda = u"ada@contoso.example"_s;

inline QJsonObject adaMessage(const QString &subject)
{
    const QByteArray raw =
        "From: sender@example.org\r\nTo: ada@contoso.example\r\nSubject: " + subject.toUtf8() +
        "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\n" + "Message-ID: <" +
        subject.toUtf8().toHex() + "@example.org>\r\n\r\nAbout " + subject.toUtf8() + "\r\n";
    return {{u"raw"_s, QString::fromLatin1(raw.toBase64())}};
}

inline QString compactJsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class Microsoft365ConsoleFixture : public ConsoleFixture
{
protected:
    void SetUp() override
    {
        const Status started = m_fake.start();
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
        ConsoleFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        std::tie(m_credentialId, m_certificate) =
            createContosoCredential([this](const QString &function, const Api::FormFields &fields) {
                return call(*m_admin, function, fields);
            });
    }
    Connectors::CloudOverrides microsoft365Endpoints() const override
    {
        return fakeEndpoints(m_fake);
    }
    // Ada's mailbox (Inbox with 4, Projects with 2, Legacy that Graph does not list) in a
    // tenant whose application has these Graph permissions and EWS's full_access_as_app.
    QJsonObject scenario(const QJsonArray &graphRoles) const
    {
        QJsonArray inbox;
        for (int i = 0; i < 4; ++i)
            inbox.append(adaMessage(u"inbox %1"_s.arg(i)));
        const QJsonArray folders{
            QJsonObject{
                {u"displayName"_s, u"Inbox"_s},
                {u"wellKnownName"_s, u"inbox"_s},
                {u"messages"_s, inbox},
                {u"childFolders"_s,
                 QJsonArray{QJsonObject{{u"displayName"_s, u"Projects"_s},
                                        {u"messages"_s, QJsonArray{adaMessage(u"project a"_s),
                                                                   adaMessage(u"project b"_s)}}}}}},
            QJsonObject{{u"displayName"_s, u"Legacy"_s},
                        {u"notInGraph"_s, true},
                        {u"messages"_s, QJsonArray{adaMessage(u"legacy"_s)}}}};
        const QJsonObject app{
            {u"appId"_s, kApp},
            {u"certificates"_s, QJsonArray{m_certificate}},
            {u"roles"_s, QJsonObject{{u"graph"_s, graphRoles},
                                     {u"exchange"_s, QJsonArray{u"full_access_as_app"_s}}}}};
        const QJsonObject ada{{u"id"_s, u"id-ada"_s},
                              {u"userPrincipalName"_s, kAda},
                              {u"mail"_s, kAda},
                              {u"mailbox"_s, QJsonObject{{u"folders"_s, folders}}}};
        return {{u"tenants"_s, QJsonArray{QJsonObject{{u"id"_s, kTenant},
                                                      {u"apps"_s, QJsonArray{app}},
                                                      {u"users"_s, QJsonArray{ada}},
                                                      {u"groups"_s, QJsonArray{}}}}}};
    }
    qint64 createProfile(const QString &name, const QString &type, const QString &mailbox = kAda)
    {
        const QJsonObject properties{{u"name"_s, name},
                                     {u"type"_s, type},
                                     {u"credentialId"_s, m_credentialId},
                                     {u"mailbox"_s, mailbox},
                                     {u"userName"_s, u"alice"_s}};
        const QJsonObject created =
            call(*m_admin, u"CreateProfile"_s, {{u"properties"_s, compactJsonText(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        return created[u"result"_s][u"id"_s].toInteger();
    }
    QString typeOf(qint64 id)
    {
        for (const QJsonValue &profile :
             call(*m_admin, u"GetProfiles"_s, {{u"raw"_s, u"true"_s}})[u"result"_s].toArray()) {
            if (profile[u"id"_s].toInteger() == id)
                return profile[u"type"_s].toString();
        }
        return {};
    }
    static QTreeWidgetItem *row(QTreeWidget *tree, const QString &first)
    {
        const QList<QTreeWidgetItem *> found = tree->findItems(first, Qt::MatchExactly);
        return found.isEmpty() ? nullptr : found.first();
    }
    static QTreeWidgetItem *check(QTreeWidget *details, const QString &name)
    {
        return row(details, name);
    }

    TestMicrosoft365 m_fake;
    std::unique_ptr<HttpsTestClient> m_admin;
    qint64 m_credentialId = 0;
    QString m_certificate;
};

} // namespace Mailkeep::Testing
