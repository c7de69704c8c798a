// Archiving the mailboxes of all users synchronised with Microsoft 365 in one profile
// (microsoft365Multiple) against the fake: the mailbox list comes from the synchronised users
// with include and exclude lists, Microsoft 365 group users are left out, mailboxes run side
// by side within Outlook's per-mailbox limits, and one mailbox that fails stops no other.
#include "Microsoft365Fixture.h"

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonObject message(const QString &user, int number)
{
    const QByteArray raw = "From: sender@example.org\r\nTo: " + user.toUtf8() +
                           "\r\nSubject: For " + user.toUtf8() + " " + QByteArray::number(number) +
                           "\r\nMessage-ID: <" + user.toUtf8() + "." + QByteArray::number(number) +
                           "@example.org>\r\n\r\nHello\r\n";
    return {{u"raw"_s, QString::fromLatin1(raw.toBase64())}};
}

QJsonObject account(const QString &name, int messages, const QJsonObject &extra = {})
{
    const QString upn = name + u"@contoso.example"_s;
    QJsonArray inbox;
    for (int i = 0; i < messages; ++i)
        inbox.append(message(upn, i));
    QJsonObject user{
        {u"id"_s, QString(u"id-"_s + name)},
        {u"userPrincipalName"_s, upn},
        {u"displayName"_s, name},
        {u"mail"_s, upn},
        {u"accountEnabled"_s, true},
        {u"assignedPlans"_s, QJsonArray{QJsonObject{{u"service"_s, u"exchange"_s},
                                                    {u"capabilityStatus"_s, u"Enabled"_s}}}},
        {u"mailbox"_s,
         QJsonObject{{u"folders"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"Inbox"_s},
                                                           {u"wellKnownName"_s, u"inbox"_s},
                                                           {u"messages"_s, inbox}}}}}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        user.insert(it.key(), it.value());
    return user;
}

class GraphMultipleProfileTest : public Microsoft365Fixture
{
protected:
    void SetUp() override
    {
        Microsoft365Fixture::SetUp();
        QJsonObject loaded = tenantScenario(
            QJsonArray{account(u"ada"_s, 6), account(u"fay"_s, 6), account(u"gus"_s, 6),
                       account(u"hal"_s, 6), account(u"ivy"_s, 0, {{u"noMailbox"_s, true}})},
            QJsonArray{u"Directory.Read.All"_s, u"Mail.ReadWrite"_s},
            QJsonArray{QJsonObject{{u"id"_s, u"g-sales"_s},
                                   {u"displayName"_s, u"Sales"_s},
                                   {u"mail"_s, u"sales@contoso.example"_s},
                                   {u"groupTypes"_s, QJsonArray{u"Unified"_s}}}});
        // Latency, so that requests of different mailboxes overlap when they run together.
        loaded.insert(u"latencyMs"_s, 40);
        ASSERT_TRUE(m_fake.loadScenario(loaded).ok());
        const QJsonObject config{{u"type"_s, u"microsoft365"_s},
                                 {u"credentialId"_s, m_credentialId},
                                 {u"microsoft365GroupsAsUsers"_s, true}};
        ASSERT_EQ(status(admin(u"SetDirectoryServicesConfiguration"_s,
                               {{u"config"_s, compactJson(config)}})),
                  u"succeeded"_s);
        const QJsonObject synced = admin(u"SyncUsersWithDirectoryServices"_s);
        ASSERT_EQ(status(synced), u"succeeded"_s) << message(synced).toStdString();
        ASSERT_EQ(synced[u"result"_s][u"created"_s].toArray().size(), 6) << "five and the group";
    }
    qint64 createProfile(const QJsonObject &extra)
    {
        QJsonObject properties{{u"name"_s, u"All of Contoso"_s},
                               {u"type"_s, u"microsoft365Multiple"_s},
                               {u"credentialId"_s, m_credentialId}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            properties.insert(it.key(), it.value());
        const QJsonObject created =
            admin(u"CreateProfile"_s, {{u"properties"_s, compactJson(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        return created[u"result"_s][u"id"_s].toInteger();
    }
    using ApiServerFixture::message;
};

TEST_F(GraphMultipleProfileTest, EverySynchronisedMailboxIsArchivedSideBySide)
{
    const qint64 id = createProfile(
        {{u"excludeUsers"_s, QJsonArray{u"HAL@contoso.example"_s}}, {u"parallelMailboxes"_s, 3}});
    const QJsonObject ran = admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    const QJsonObject result = ran[u"result"_s].toObject();
    // Ivy's account has no mailbox: her failure is reported, the others are archived.
    EXPECT_EQ(result[u"result"_s].toString(), u"completedWithErrors"_s);
    EXPECT_EQ(result[u"archived"_s].toInt(), 18) << "ada, fay and gus; hal is excluded";
    QStringList archived;
    QString ivyError;
    for (const QJsonValue &mailbox : result[u"mailboxes"_s].toArray()) {
        if (mailbox[u"archived"_s].toInt() == 6)
            archived << mailbox[u"userName"_s].toString();
        if (mailbox[u"userName"_s] == u"ivy@contoso.example"_s)
            ivyError = mailbox[u"error"_s].toString();
        EXPECT_TRUE(mailbox.toObject().contains(u"graph"_s) || mailbox[u"error"_s].isString())
            << "each mailbox reports its own requests and time throttled";
    }
    EXPECT_EQ(archived, (QStringList{u"ada@contoso.example"_s, u"fay@contoso.example"_s,
                                     u"gus@contoso.example"_s}));
    EXPECT_TRUE(ivyError.contains(u"MailboxNotEnabledForRESTAPI"_s)) << ivyError.toStdString();
    const QJsonArray leftOut = result[u"leftOut"_s].toArray();
    ASSERT_EQ(leftOut.size(), 1);
    EXPECT_EQ(leftOut.at(0)[u"userName"_s].toString(), u"sales@contoso.example"_s)
        << "a Microsoft 365 group has no mailbox to open";

    Result<QJsonObject> atOnce = m_fake.mailboxesAtOnce();
    ASSERT_TRUE(atOnce.ok());
    EXPECT_GE(atOnce->value(kApp).toInt(), 2) << "mailboxes ran side by side";
    EXPECT_LE(atOnce->value(kApp).toInt(), 3) << "no more than parallelMailboxes";
    Result<QJsonObject> seen = m_fake.throttling();
    ASSERT_TRUE(seen.ok());
    for (auto it = seen->begin(); it != seen->end(); ++it)
        EXPECT_EQ(it.value()[u"refusedForConcurrency"_s].toInt(), 0) << it.key().toStdString();

    // Each into its own archive; a second run finds nothing new.
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(admin(u"GetMessages"_s, {{u"folder"_s, u"fay@contoso.example/Inbox"_s}})[u"result"_s]
                  .toArray()
                  .size(),
              6);
    const QJsonObject again = admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    EXPECT_EQ(again[u"result"_s][u"archived"_s].toInt(), 0);
}

TEST_F(GraphMultipleProfileTest, IncludeUsersNarrowsTheListAndUnknownNamesAreReported)
{
    const qint64 id = createProfile(
        {{u"includeUsers"_s, QJsonArray{u"gus@contoso.example"_s, u"zed@contoso.example"_s}}});
    const QJsonObject ran = admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 6);
    EXPECT_EQ(ran[u"result"_s][u"mailboxes"_s].toArray().size(), 1);
    const QJsonArray leftOut = ran[u"result"_s][u"leftOut"_s].toArray();
    ASSERT_EQ(leftOut.size(), 1);
    EXPECT_EQ(leftOut.at(0)[u"userName"_s].toString(), u"zed@contoso.example"_s);

    const QJsonObject bad = admin(
        u"CreateProfile"_s, {{u"properties"_s, compactJson({{u"name"_s, u"x"_s},
                                                            {u"type"_s, u"microsoft365Multiple"_s},
                                                            {u"credentialId"_s, m_credentialId},
                                                            {u"parallelMailboxes"_s, 40}})}});
    EXPECT_TRUE(message(bad).contains(u"parallelMailboxes"_s)) << message(bad).toStdString();
}

} // namespace
