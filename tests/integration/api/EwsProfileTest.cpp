// Archiving Microsoft 365 through Exchange Web Services against the fake: the primary mailbox,
// the archive mailbox and public folders, partial FindItem pages, incremental runs by
// LastModifiedTime, ErrorServerBusy with its back-off, per-item errors and their skip
// properties, a missing full_access_as_app, and the EWS block that points to the conversion
// tool.
#include "Microsoft365Fixture.h"

#include <QCryptographicHash>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kAda = u"ada@contoso.example"_s;

QByteArray mail(const QString &subject)
{
    return "From: sender@example.org\r\nTo: ada@contoso.example\r\nSubject: " + subject.toUtf8() +
           "\r\nMessage-ID: <" + subject.toUtf8().toHex() + "@example.org>\r\n\r\nAbout " +
           subject.toUtf8() + "\r\n";
}

// What the fake's EWS hands out for a message: Exchange writes the header block anew.
QByteArray ewsBytes(const QByteArray &raw)
{
    const qsizetype end = raw.indexOf("\r\n\r\n");
    return raw.left(end) + "\r\nX-MS-Exchange-Organization-SCL: -1\r\n\r\n" + raw.mid(end + 4);
}

QJsonObject spec(const QString &subject, const QJsonObject &extra = {})
{
    QJsonObject item{{u"raw"_s, QString::fromLatin1(mail(subject).toBase64())}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        item.insert(it.key(), it.value());
    return item;
}

QJsonArray specs(const QString &prefix, int count)
{
    QJsonArray all;
    for (int i = 0; i < count; ++i)
        all.append(spec(u"%1 %2"_s.arg(prefix).arg(i)));
    return all;
}

class EwsProfileTest : public Microsoft365Fixture
{
protected:
    void SetUp() override
    {
        Microsoft365Fixture::SetUp();
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
                  u"succeeded"_s);
    }
    QJsonObject scenario(const QJsonObject &tenantExtra = {},
                         const QJsonArray &exchangeRoles = {u"full_access_as_app"_s},
                         const QJsonArray &inboxExtra = {})
    {
        QJsonArray inbox = specs(u"inbox"_s, 5);
        for (const QJsonValue &more : inboxExtra)
            inbox.append(more);
        const QJsonArray folders{
            QJsonObject{{u"displayName"_s, u"Inbox"_s},
                        {u"wellKnownName"_s, u"inbox"_s},
                        {u"messages"_s, inbox},
                        {u"childFolders"_s,
                         QJsonArray{QJsonObject{{u"displayName"_s, u"Projects"_s},
                                                {u"messages"_s, specs(u"project"_s, 2)}}}}},
            QJsonObject{{u"displayName"_s, u"Deleted Items"_s},
                        {u"wellKnownName"_s, u"deleteditems"_s},
                        {u"messages"_s, specs(u"thrown away"_s, 1)}}};
        const QJsonObject ada{
            {u"id"_s, u"id-ada"_s},
            {u"userPrincipalName"_s, kAda},
            {u"mail"_s, kAda},
            {u"mailbox"_s, QJsonObject{{u"folders"_s, folders}}},
            {u"archive"_s,
             QJsonObject{{u"folders"_s,
                          QJsonArray{QJsonObject{{u"displayName"_s, u"2019"_s},
                                                 {u"messages"_s, specs(u"archived"_s, 3)}}}}}}};
        QJsonObject loaded = tenantScenario(QJsonArray{ada}, {}, {}, exchangeRoles);
        QJsonObject tenant = loaded[u"tenants"_s][0].toObject();
        tenant.insert(u"ewsFindCountLimit"_s, 2); // partial FindItem pages
        tenant.insert(u"publicFolders"_s,
                      QJsonObject{{u"folders"_s, QJsonArray{QJsonObject{
                                                     {u"displayName"_s, u"Sales"_s},
                                                     {u"messages"_s, specs(u"sales"_s, 2)}}}}});
        for (auto it = tenantExtra.begin(); it != tenantExtra.end(); ++it)
            tenant.insert(it.key(), it.value());
        loaded.insert(u"tenants"_s, QJsonArray{tenant});
        return loaded;
    }
    qint64 createProfile(const QString &type, const QJsonObject &extra = {})
    {
        QJsonObject properties{{u"name"_s, QString(u"Ada over EWS "_s + type)},
                               {u"type"_s, type},
                               {u"credentialId"_s, m_credentialId},
                               {u"mailbox"_s, kAda},
                               {u"userName"_s, u"alice"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            properties.insert(it.key(), it.value());
        const QJsonObject created =
            admin(u"CreateProfile"_s, {{u"properties"_s, compactJson(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        EXPECT_EQ(created[u"result"_s][u"protocol"_s].toString(), u"EWS"_s);
        return created[u"result"_s][u"id"_s].toInteger();
    }
    QJsonObject run(qint64 id) { return admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}}); }
    QStringList subjectsIn(const QString &folder)
    {
        QStringList subjects;
        for (const QJsonValue &row :
             admin(u"GetMessages"_s, {{u"folder"_s, folder}})[u"result"_s].toArray())
            subjects << row[u"subject"_s].toString();
        subjects.sort();
        return subjects;
    }
};

TEST_F(EwsProfileTest, AMailboxIsArchivedAsEwsHandsItOutAndIncrementally)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    const qint64 id = createProfile(u"microsoft365EwsMailbox"_s);
    QJsonObject ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 7)
        << "Inbox (5, in partial pages), Projects";
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s).size(), 5);
    EXPECT_EQ(subjectsIn(u"alice/Inbox/Projects"_s), (QStringList{u"project 0"_s, u"project 1"_s}));
    EXPECT_TRUE(subjectsIn(u"alice/Deleted Items"_s).isEmpty()) << "Deleted Items stays out";

    // The bytes are those EWS handed out.
    const QJsonArray rows =
        admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Inbox/Projects"_s}})[u"result"_s].toArray();
    ASSERT_FALSE(rows.isEmpty());
    const QJsonObject content =
        admin(u"GetMessageContent"_s, {{u"id"_s, rows.at(0)[u"id"_s].toString()}})[u"result"_s]
            .toObject();
    const QByteArray stored = QByteArray::fromBase64(content[u"raw"_s].toString().toLatin1());
    const QString subject = rows.at(0)[u"subject"_s].toString();
    EXPECT_EQ(stored, ewsBytes(mail(subject)));

    // Nothing new: nothing fetched again. New mail: only it.
    ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 0);
    ASSERT_TRUE(m_fake.addMessage(kAda, u"Inbox"_s, spec(u"late arrival"_s)).ok());
    ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1);
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 0)
        << "what the last round saw is not fetched again";
}

TEST_F(EwsProfileTest, TheArchiveMailboxAndPublicFoldersHaveTypesOfTheirOwn)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    QJsonObject ran = run(createProfile(u"microsoft365EwsArchiveMailbox"_s,
                                        {{u"targetFolder"_s, u"Online archive"_s}}));
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(subjectsIn(u"alice/Online archive/2019"_s).size(), 3);
    ran = run(createProfile(u"microsoft365EwsPublicFolders"_s,
                            {{u"targetFolder"_s, u"Public folders"_s}}));
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(subjectsIn(u"alice/Public folders/Sales"_s),
              (QStringList{u"sales 0"_s, u"sales 1"_s}));
}

TEST_F(EwsProfileTest, ServerBusyWaitsForItsBackOff)
{
    QJsonObject loaded = scenario();
    loaded.insert(
        u"ewsServerBusy"_s,
        QJsonArray{QJsonObject{{u"style"_s, u"fault"_s}, {u"backOffMilliseconds"_s, 300}},
                   QJsonObject{{u"style"_s, u"message"_s}, {u"backOffMilliseconds"_s, 200}}});
    ASSERT_TRUE(m_fake.loadScenario(loaded).ok());
    const QJsonObject ran = run(createProfile(u"microsoft365EwsMailbox"_s));
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 7);
    const QJsonObject ews = ran[u"result"_s][u"ews"_s].toObject();
    EXPECT_EQ(ews[u"throttled"_s].toInt(), 2);
    EXPECT_GE(ews[u"throttledSeconds"_s].toDouble(), 0.5);
}

TEST_F(EwsProfileTest, AVirusItemFailsAloneUnlessItsSkipPropertyIsSet)
{
    ASSERT_TRUE(
        m_fake
            .loadScenario(scenario(
                {}, {u"full_access_as_app"_s},
                QJsonArray{spec(u"infected"_s, {{u"ewsError"_s, u"ErrorVirusDetected"_s}})}))
            .ok());
    const qint64 id = createProfile(u"microsoft365EwsMailbox"_s);
    QJsonObject ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"completedWithErrors"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 7);
    ASSERT_EQ(
        status(admin(u"SetGlobalProperty"_s, {{u"name"_s, u"public.arcclient.skipVirusDetected"_s},
                                              {u"value"_s, u"true"_s}})),
        u"succeeded"_s);
    ran = run(id);
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
}

TEST_F(EwsProfileTest, RefusalsPointTheWay)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({{u"ewsBlocked"_s, true}})).ok());
    const qint64 id = createProfile(u"microsoft365EwsMailbox"_s);
    QJsonObject ran = run(id);
    EXPECT_EQ(status(ran), u"failed"_s);
    EXPECT_TRUE(message(ran).contains(u"conversion tool"_s)) << message(ran).toStdString();
}

TEST_F(EwsProfileTest, WithoutFullAccessAsAppTheRunSaysWhatToGrant)
{
    // A scenario of its own: tokens are cached with the permissions they carry.
    ASSERT_TRUE(m_fake.loadScenario(scenario({}, {})).ok());
    const QJsonObject ran = run(createProfile(u"microsoft365EwsMailbox"_s));
    EXPECT_EQ(status(ran), u"failed"_s);
    EXPECT_TRUE(message(ran).contains(u"full_access_as_app"_s)) << message(ran).toStdString();
}

} // namespace
