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
    QJsonObject exportAll()
    {
        const QJsonObject properties{{u"name"_s, u"Back to Microsoft 365"_s},
                                     {u"type"_s, u"microsoft365Export"_s},
                                     {u"credentialId"_s, m_credentialId},
                                     {u"mailbox"_s, kAda},
                                     {u"host"_s, u"127.0.0.1"_s},
                                     {u"port"_s, m_fake.imapPort()},
                                     {u"sourceFolder"_s, u"alice"_s},
                                     {u"retainFolderStructure"_s, true}};
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

} // namespace
