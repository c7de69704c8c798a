// Export into a Microsoft 365 mailbox over IMAP with XOAUTH2 against the fake Exchange Online
// IMAP service: the folder structure below "Mailkeep Export", the exact bytes, read flags and
// dates; a throttled APPEND that waits and goes on; and each refusal turned into advice.
#include "Microsoft365Fixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kAda = u"ada@contoso.example"_s;

QByteArray mail(const QString &subject, int padding = 0)
{
    return "From: sender@example.org\r\nTo: alice@example.org\r\nSubject: " + subject.toUtf8() +
           "\r\nDate: Tue, 3 Mar 2026 11:22:33 +0100\r\nMessage-ID: <" + subject.toUtf8().toHex() +
           "@example.org>\r\n\r\nAbout " + subject.toUtf8() + "\r\n" + QByteArray(padding, 'x') +
           "\r\n";
}

class Microsoft365ExportTest : public Microsoft365Fixture
{
protected:
    void SetUp() override
    {
        Microsoft365Fixture::SetUp();
        // An export reads what its owner (the administrator) may read.
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
                  u"succeeded"_s);
        importInto(u"Inbox"_s, {u"first"_s, u"second"_s});
        importInto(u"Inbox/Projects"_s, {u"third"_s, u"big"_s});
    }
    void importInto(const QString &folder, const QStringList &subjects)
    {
        QTemporaryDir files;
        for (const QString &subject : subjects) {
            QFile eml(QDir(files.path()).filePath(subject + u".eml"_s));
            ASSERT_TRUE(eml.open(QIODevice::WriteOnly));
            eml.write(mail(subject, subject == u"big"_s ? 4000 : 0));
            m_sent.insert(subject, mail(subject, subject == u"big"_s ? 4000 : 0));
        }
        ASSERT_EQ(status(admin(u"ImportEmailFiles"_s, {{u"userName"_s, u"alice"_s},
                                                       {u"path"_s, files.path()},
                                                       {u"targetFolder"_s, folder}})),
                  u"succeeded"_s);
    }
    QJsonObject scenario(const QJsonArray &exchangeRoles, const QJsonObject &adaExtra = {},
                         const QJsonObject &extra = {})
    {
        QJsonObject ada{{u"id"_s, u"id-ada"_s}, {u"userPrincipalName"_s, kAda}, {u"mail"_s, kAda}};
        for (auto it = adaExtra.begin(); it != adaExtra.end(); ++it)
            ada.insert(it.key(), it.value());
        QJsonObject loaded = tenantScenario(QJsonArray{ada}, {}, {}, exchangeRoles);
        for (auto it = extra.begin(); it != extra.end(); ++it)
            loaded.insert(it.key(), it.value());
        return loaded;
    }
    qint64 createExport(const QString &type)
    {
        const QJsonObject properties{
            {u"name"_s, u"Back to Microsoft 365"_s}, {u"type"_s, type},
            {u"credentialId"_s, m_credentialId},     {u"mailbox"_s, kAda},
            {u"sourceFolder"_s, u"alice"_s},         {u"retainFolderStructure"_s, true}};
        const QJsonObject created =
            admin(u"CreateProfile"_s, {{u"properties"_s, compactJson(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        return created[u"result"_s][u"id"_s].toInteger();
    }
    QJsonObject run(qint64 id) { return admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}}); }
    int exportedOverImap()
    {
        Result<QJsonObject> folders = m_fake.imapFolders(kAda);
        if (!folders.ok())
            return -1;
        return static_cast<int>(
            folders->value(u"Mailkeep Export/alice/Inbox"_s).toArray().size() +
            folders->value(u"Mailkeep Export/alice/Inbox/Projects"_s).toArray().size());
    }
    QJsonObject exportAll()
    {
        const QJsonObject properties{
            {u"name"_s, u"Back to Microsoft 365"_s}, {u"type"_s, u"microsoft365Export"_s},
            {u"credentialId"_s, m_credentialId},     {u"mailbox"_s, kAda},
            {u"sourceFolder"_s, u"alice"_s},         {u"retainFolderStructure"_s, true}};
        const QJsonObject created =
            admin(u"CreateProfile"_s, {{u"properties"_s, compactJson(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        EXPECT_EQ(created[u"result"_s][u"protocol"_s].toString(), u"IMAP"_s);
        return admin(u"RunProfile"_s,
                     {{u"id"_s, QString::number(created[u"result"_s][u"id"_s].toInteger())}});
    }
    QHash<QString, QByteArray> m_sent;
};

TEST_F(Microsoft365ExportTest, MessagesArriveWithTheirFoldersBytesFlagsAndDates)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"IMAP.AccessAsApp"_s})).ok());
    const QJsonObject ran = exportAll();
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ran).toJson().toStdString();
    Result<QJsonObject> folders = m_fake.imapFolders(kAda);
    ASSERT_TRUE(folders.ok());
    const QJsonArray inbox = folders->value(u"Mailkeep Export/alice/Inbox"_s).toArray();
    const QJsonArray projects = folders->value(u"Mailkeep Export/alice/Inbox/Projects"_s).toArray();
    ASSERT_EQ(inbox.size(), 2) << QJsonDocument(folders.value()).toJson().toStdString();
    ASSERT_EQ(projects.size(), 2);
    QJsonArray both = inbox;
    for (const QJsonValue &message : projects)
        both.append(message);
    for (const QJsonValue &stored : std::as_const(both)) {
        const QByteArray raw = QByteArray::fromBase64(stored[u"raw"_s].toString().toLatin1());
        bool known = false;
        for (const QByteArray &sent : std::as_const(m_sent))
            known = known || sent == raw;
        EXPECT_TRUE(known) << "the archived bytes, unchanged";
        EXPECT_EQ(stored[u"flags"_s].toArray(), QJsonArray{u"\\Seen"_s});
        EXPECT_TRUE(stored[u"date"_s].toString().startsWith(u" 3-Mar-2026"_s) ||
                    stored[u"date"_s].toString().startsWith(u"03-Mar-2026"_s))
            << stored[u"date"_s].toString().toStdString();
    }
}

TEST_F(Microsoft365ExportTest, AThrottledAppendWaitsAndGoesOn)
{
    ASSERT_TRUE(
        m_fake
            .loadScenario(scenario({u"IMAP.AccessAsApp"_s}, {},
                                   {{u"imapThrottleAfterAppends"_s, 2}, {u"imapBackoffMs"_s, 300}}))
            .ok());
    const QJsonObject ran = exportAll();
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ran).toJson().toStdString();
    Result<QJsonObject> folders = m_fake.imapFolders(kAda);
    ASSERT_TRUE(folders.ok());
    EXPECT_EQ(folders->value(u"Mailkeep Export/alice/Inbox"_s).toArray().size() +
                  folders->value(u"Mailkeep Export/alice/Inbox/Projects"_s).toArray().size(),
              4)
        << "nothing lost, nothing twice";
    EXPECT_GE(ran[u"result"_s][u"throttled"_s].toInt(), 1)
        << QJsonDocument(ran).toJson().toStdString();
}

TEST_F(Microsoft365ExportTest, ATooLargeMessageFailsAlone)
{
    ASSERT_TRUE(
        m_fake.loadScenario(scenario({u"IMAP.AccessAsApp"_s}, {{u"maxReceiveSize"_s, 2000}})).ok());
    const QJsonObject ran = exportAll();
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"completedWithErrors"_s);
    const QString report = QString::fromUtf8(QJsonDocument(ran).toJson());
    EXPECT_TRUE(report.contains(u"MaxReceiveSize"_s)) << report.toStdString();
}

TEST_F(Microsoft365ExportTest, WithoutFullAccessTheRunSaysSo)
{
    ASSERT_TRUE(
        m_fake.loadScenario(scenario({u"IMAP.AccessAsApp"_s}, {{u"imapFullAccess"_s, false}}))
            .ok());
    const QJsonObject ran = exportAll();
    EXPECT_EQ(status(ran), u"failed"_s);
    EXPECT_TRUE(message(ran).contains(u"FullAccess"_s)) << message(ran).toStdString();
}

TEST_F(Microsoft365ExportTest, WithoutImapAccessAsAppTheRunSaysWhatToGrant)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({})).ok());
    const QJsonObject ran = exportAll();
    EXPECT_EQ(status(ran), u"failed"_s);
    EXPECT_TRUE(message(ran).contains(u"IMAP.AccessAsApp"_s)) << message(ran).toStdString();
}

TEST_F(Microsoft365ExportTest, AnEwsExportWorksAndConvertsToImap)
{
    const auto withMailbox = [](QJsonObject loaded) {
        QJsonObject tenant = loaded[u"tenants"_s][0].toObject();
        QJsonArray users = tenant[u"users"_s].toArray();
        QJsonObject ada = users.at(0).toObject();
        ada.insert(
            u"mailbox"_s,
            QJsonObject{{u"folders"_s, QJsonArray{QJsonObject{{u"displayName"_s, u"Inbox"_s},
                                                              {u"wellKnownName"_s, u"inbox"_s}}}}});
        users.replace(0, ada);
        tenant.insert(u"users"_s, users);
        loaded.insert(u"tenants"_s, QJsonArray{tenant});
        return loaded;
    };
    ASSERT_TRUE(m_fake.loadScenario(withMailbox(scenario({u"full_access_as_app"_s}))).ok());
    const qint64 id = createExport(u"microsoft365EwsExport"_s);
    QJsonObject ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ran).toJson().toStdString();
    Result<QJsonObject> mailbox = m_fake.mailbox(kAda);
    ASSERT_TRUE(mailbox.ok());
    const QJsonArray projects =
        mailbox->value(u"byPath"_s)[u"Mailkeep Export/alice/Inbox/Projects"_s].toArray();
    ASSERT_EQ(projects.size(), 2) << QJsonDocument(mailbox.value()).toJson().toStdString();
    for (const QJsonValue &created : projects) {
        EXPECT_TRUE(created[u"isRead"_s].toBool());
        EXPECT_FALSE(created[u"isDraft"_s].toBool()) << "created as mail, not as a draft";
        const QByteArray raw = QByteArray::fromBase64(created[u"raw"_s].toString().toLatin1());
        EXPECT_TRUE(raw == m_sent.value(u"third"_s) || raw == m_sent.value(u"big"_s));
    }

    // The conversion tool turns it into an IMAP export; without IMAP.AccessAsApp it refuses.
    const QJsonObject overview =
        admin(u"GetMicrosoft365ProfileConversions"_s)[u"result"_s].toObject();
    ASSERT_EQ(overview[u"profiles"_s].toArray().size(), 1);
    EXPECT_EQ(overview[u"profiles"_s][0][u"category"_s].toString(), u"automatic"_s);
    EXPECT_EQ(overview[u"profiles"_s][0][u"convertsTo"_s].toString(), u"microsoft365Export"_s);
    const QJsonObject refused =
        admin(u"ConvertMicrosoft365Profile"_s, {{u"id"_s, QString::number(id)}});
    EXPECT_EQ(status(refused), u"failed"_s);
    EXPECT_TRUE(message(refused).contains(u"IMAP.AccessAsApp"_s)) << message(refused).toStdString();

    ASSERT_TRUE(
        m_fake.loadScenario(withMailbox(scenario({u"full_access_as_app"_s, u"IMAP.AccessAsApp"_s})))
            .ok());
    const QJsonObject converted =
        admin(u"ConvertMicrosoft365Profile"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(converted), u"succeeded"_s) << message(converted).toStdString();
    EXPECT_EQ(converted[u"result"_s][u"to"_s].toString(), u"microsoft365Export"_s);
    ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(exportedOverImap(), 4) << "the converted profile exports over IMAP";
}

} // namespace
