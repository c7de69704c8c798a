// IMAP archiving profiles against a real Dovecot: folders chosen by the profile, exact bytes,
// incremental runs, a changed UIDVALIDITY, the deletion rule, the password sealed at rest and
// clear failures.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"
#include "support/TestDovecot.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QThread>

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kImapPassword = u"alice-imap-Secret-77"_s;

QByteArray mail(const QString &subject)
{
    return "From: sender@example.org\r\nTo: alice@example.org\r\nSubject: " + subject.toUtf8() +
           "\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\nMessage-ID: <" + subject.toUtf8().toHex() +
           "@example.org>\r\n\r\nAbout " + subject.toUtf8() + "\r\n";
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class ImapProfileTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        const Status started =
            m_dovecot.start({{u"alice"_s, kImapPassword}, {u"bob"_s, kImapPassword}});
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
        for (const QString &subject : {u"inbox one"_s, u"inbox two"_s})
            deliver(u"INBOX"_s, subject);
        deliver(u"Projekte/Müller"_s, u"nested"_s);
        deliver(u"Trash"_s, u"thrown away"_s);
        deliver(u"Drafts"_s, u"unfinished"_s);
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
                  u"succeeded"_s);
    }
    void deliver(const QString &folder, const QString &subject)
    {
        const QByteArray message = mail(subject);
        m_delivered.insert(QCryptographicHash::hash(message, QCryptographicHash::Sha256).toHex(),
                           subject);
        const Status delivered = m_dovecot.deliver(u"alice"_s, folder, message);
        ASSERT_TRUE(delivered.ok()) << delivered.error().toString().toStdString();
    }
    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    QJsonObject profile() const
    {
        return {{u"name"_s, u"Alice's mailbox"_s},    {u"type"_s, u"imapMailbox"_s},
                {u"userName"_s, u"alice"_s},          {u"host"_s, u"127.0.0.1"_s},
                {u"port"_s, m_dovecot.port()},        {u"security"_s, u"starttls"_s},
                {u"ignoreCertificateErrors"_s, true}, {u"imapUserName"_s, u"alice"_s},
                {u"password"_s, kImapPassword}};
    }
    QJsonObject runProfile(qint64 id)
    {
        return admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    }
    QSet<QString> hashesIn(const QString &folder)
    {
        QSet<QString> hashes;
        for (const QJsonValue &row :
             admin(u"GetMessages"_s, {{u"folder"_s, folder}})[u"result"_s].toArray())
            hashes.insert(row[u"sha256"_s].toString());
        return hashes;
    }
    QStringList subjectsIn(const QString &folder)
    {
        QStringList subjects;
        for (const QJsonValue &row :
             admin(u"GetMessages"_s, {{u"folder"_s, folder}})[u"result"_s].toArray())
            subjects << row[u"subject"_s].toString();
        subjects.sort();
        return subjects;
    }
    int onServer(const QString &folder) { return onServerOf(u"alice"_s, folder); }
    int onServerOf(const QString &user, const QString &folder)
    {
        Result<QByteArray> answer = m_dovecot.doveadm(
            {u"-f"_s, u"flow"_s, u"mailbox"_s, u"status"_s, u"-u"_s, user, u"messages"_s, folder});

        EXPECT_TRUE(answer.ok());
        return answer.ok() ? QString::fromUtf8(*answer).section(u'=', 1).trimmed().toInt() : -1;
    }

    TestDovecot m_dovecot;
    QHash<QByteArray, QString> m_delivered; // SHA-256 hex -> subject
    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(ImapProfileTest, AMailboxIsArchivedIncrementallyAndExactly)
{
    const QJsonObject created = admin(u"CreateProfile"_s, {{u"properties"_s, json(profile())}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
    const qint64 id = created[u"result"_s][u"id"_s].toInteger();
    EXPECT_EQ(created[u"result"_s][u"protocol"_s].toString(), u"IMAP"_s);
    EXPECT_FALSE(created[u"result"_s].toObject().contains(u"password"_s)) << "write-only";
    EXPECT_EQ(created[u"result"_s][u"storedSecrets"_s].toArray(), QJsonArray{u"password"_s});
    // Sealed at rest: neither the properties nor the sealed secrets hold the password.
    auto stored = connection().exec(u"SELECT properties::text, secrets FROM profiles"_s);
    ASSERT_TRUE(stored.ok());
    EXPECT_FALSE(stored->text(0, 0).contains(kImapPassword));
    EXPECT_FALSE(stored->bytes(0, 1).contains(kImapPassword.toUtf8()));

    QJsonObject ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 3) << "trash and drafts stay out";
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s), (QStringList{u"inbox one"_s, u"inbox two"_s}));
    EXPECT_EQ(subjectsIn(u"alice/Projekte/Müller"_s), QStringList{u"nested"_s});
    for (const QJsonValue &row :
         admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Inbox"_s}})[u"result"_s].toArray()) {
        const QJsonObject content =
            admin(u"GetMessageContent"_s, {{u"id"_s, row[u"id"_s].toString()}})[u"result"_s]
                .toObject();
        const QByteArray raw = QByteArray::fromBase64(content[u"raw"_s].toString().toLatin1());
        EXPECT_TRUE(
            m_delivered.contains(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()))
            << "the server's bytes";
    }
    QJsonArray folders = ran[u"result"_s][u"folders"_s].toArray();
    ASSERT_EQ(folders.size(), 2);
    EXPECT_EQ(folders.at(0)[u"folder"_s].toString(), u"INBOX"_s);
    EXPECT_EQ(folders.at(0)[u"onServer"_s].toInt(), 2);
    EXPECT_EQ(folders.at(0)[u"archived"_s].toInt(), 2);

    // Only the new mail next time.
    deliver(u"INBOX"_s, u"inbox three"_s);
    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1);
    EXPECT_EQ(ran[u"result"_s][u"folders"_s][0][u"new"_s].toInt(), 1);
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 0) << "nothing fetched again";

    // A new UIDVALIDITY: the folder is read again, and nothing is archived twice.
    ASSERT_TRUE(m_dovecot
                    .doveadm({u"mailbox"_s, u"update"_s, u"-u"_s, u"alice"_s, u"--uid-validity"_s,
                              u"4242"_s, u"INBOX"_s})
                    .ok());
    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 0);
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 3);
    EXPECT_TRUE(ran[u"result"_s][u"folders"_s][0][u"rescanned"_s].toBool());
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s).size(), 3);
}

TEST_F(ImapProfileTest, AFolderRenamedOnTheServerKeepsItsArchiveFolder)
{
    const QJsonObject created = admin(u"CreateProfile"_s, {{u"properties"_s, json(profile())}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
    const qint64 id = created[u"result"_s][u"id"_s].toInteger();
    QJsonObject ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    ASSERT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 3);

    // Renamed (UIDVALIDITY and UIDs stay), then new mail arrives in it.
    const Result<QByteArray> renamed =
        m_dovecot.doveadm({u"mailbox"_s, u"rename"_s, u"-u"_s, u"alice"_s, u"Projekte/Müller"_s,
                           u"Kunden/Müller GmbH"_s});
    ASSERT_TRUE(renamed.ok()) << renamed.error().toString().toStdString();
    deliver(u"Kunden/Müller GmbH"_s, u"after the rename"_s);

    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1) << "only the new message";
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 0) << "nothing fetched again";
    QJsonObject renamedReport;
    for (const QJsonValue &folder : ran[u"result"_s][u"folders"_s].toArray()) {
        if (folder[u"folder"_s].toString() == u"Kunden/Müller GmbH"_s)
            renamedReport = folder.toObject();
    }
    EXPECT_EQ(renamedReport[u"renamedFrom"_s].toString(), u"Projekte/Müller"_s);
    EXPECT_EQ(renamedReport[u"archiveFolder"_s].toString(), u"alice/Projekte/Müller"_s);
    EXPECT_EQ(renamedReport[u"new"_s].toInt(), 1);
    EXPECT_EQ(subjectsIn(u"alice/Projekte/Müller"_s),
              (QStringList{u"after the rename"_s, u"nested"_s}));
    // A new folder under the old name is new mail (another UIDVALIDITY); the renamed one
    // goes on where it was.
    deliver(u"Projekte/Müller"_s, u"a new folder with the old name"_s);
    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1);
    EXPECT_EQ(
        subjectsIn(u"alice/Projekte/Müller"_s),
        (QStringList{u"a new folder with the old name"_s, u"after the rename"_s, u"nested"_s}));
    const QJsonObject children = admin(u"GetChildFolders"_s, {{u"folder"_s, u"alice"_s}});
    ASSERT_EQ(status(children), u"succeeded"_s);
    for (const QJsonValue &child : children[u"result"_s].toArray())
        EXPECT_FALSE(child[u"folder"_s].toString().startsWith(u"alice/Kunden"_s))
            << "no second archive folder for the renamed one";
}

TEST_F(ImapProfileTest, TheDeletionRuleRemovesOnlyWhatIsArchived)
{

    QJsonObject settings = profile();
    settings.insert(u"deleteAfterArchiving"_s, true);
    settings.insert(u"excludeFolders"_s, QJsonArray{u"Projekte"_s});
    const qint64 id =
        admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}})[u"result"_s][u"id"_s]
            .toInteger();
    const QJsonObject ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 2);
    EXPECT_EQ(onServer(u"INBOX"_s), 0) << "archived, so deleted";
    EXPECT_EQ(onServer(u"Projekte/Müller"_s), 1) << "not archived: kept";
    EXPECT_EQ(onServer(u"Trash"_s), 1);
    EXPECT_EQ(onServer(u"Drafts"_s), 1);
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s).size(), 2);
}

TEST_F(ImapProfileTest, AWrongPasswordFailsTheRunWithTheServersAnswer)
{
    QJsonObject settings = profile();
    settings.insert(u"password"_s, u"wrong"_s);
    settings.insert(u"deleteAfterArchiving"_s, true);
    const qint64 id =
        admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}})[u"result"_s][u"id"_s]
            .toInteger();
    const QJsonObject ran = runProfile(id);
    EXPECT_EQ(status(ran), u"failed"_s);
    EXPECT_TRUE(message(ran).contains(u"refused the login of alice"_s))
        << message(ran).toStdString();
    EXPECT_EQ(onServer(u"INBOX"_s), 2) << "a failed run deletes nothing";

    // The password can be changed without repeating the rest; an absent one is kept.
    QJsonObject listed = admin(u"GetProfiles"_s)[u"result"_s][0].toObject();
    listed.insert(u"password"_s, kImapPassword);
    listed.insert(u"deleteAfterArchiving"_s, false);
    ASSERT_EQ(status(admin(u"CreateProfile"_s, {{u"properties"_s, json(listed)}})), u"succeeded"_s);
    listed = admin(u"GetProfiles"_s)[u"result"_s][0].toObject();
    listed.insert(u"targetFolder"_s, u"From IMAP"_s);
    ASSERT_EQ(status(admin(u"CreateProfile"_s, {{u"properties"_s, json(listed)}})), u"succeeded"_s);
    const QJsonObject again = runProfile(id);
    ASSERT_EQ(status(again), u"succeeded"_s) << message(again).toStdString();
    EXPECT_EQ(subjectsIn(u"alice/From IMAP/Inbox"_s).size(), 2)
        << QJsonDocument(again).toJson().toStdString();
}

TEST_F(ImapProfileTest, AnExportToImapArchivedAgainGivesTheSameMessages)
{
    const qint64 archiving =
        admin(u"CreateProfile"_s, {{u"properties"_s, json(profile())}})[u"result"_s][u"id"_s]
            .toInteger();
    ASSERT_EQ(status(runProfile(archiving)), u"succeeded"_s);
    const QSet<QString> archived = hashesIn(u"alice/Inbox"_s);
    ASSERT_EQ(archived.size(), 2);

    // alice's archive into bob's mailbox, folders kept below "Mailkeep Export".
    QJsonObject exporting{{u"name"_s, u"Alice to Bob"_s},
                          {u"type"_s, u"exportImap"_s},
                          {u"sourceFolder"_s, u"alice/Inbox"_s},
                          {u"retainFolderStructure"_s, true},
                          {u"host"_s, u"127.0.0.1"_s},
                          {u"port"_s, m_dovecot.tlsPort()},
                          {u"security"_s, u"tls"_s},
                          {u"ignoreCertificateErrors"_s, true},
                          {u"imapUserName"_s, u"bob"_s},
                          {u"password"_s, kImapPassword}};
    const QJsonObject created = admin(u"CreateProfile"_s, {{u"properties"_s, json(exporting)}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
    const QJsonObject exported = runProfile(created[u"result"_s][u"id"_s].toInteger());
    ASSERT_EQ(status(exported), u"succeeded"_s) << message(exported).toStdString();
    EXPECT_EQ(exported[u"result"_s][u"exported"_s].toInt(), 2);
    EXPECT_EQ(onServerOf(u"bob"_s, u"Mailkeep Export/Inbox"_s), 2);

    // bob's mailbox archived into carol's archive: the very same bytes come back.
    QJsonObject again = profile();
    again.insert(u"userName"_s, u"carol"_s);
    again.insert(u"imapUserName"_s, u"bob"_s);
    again.insert(u"includeFolders"_s, QJsonArray{u"Mailkeep Export"_s});
    const qint64 back =
        admin(u"CreateProfile"_s, {{u"properties"_s, json(again)}})[u"result"_s][u"id"_s]
            .toInteger();
    const QJsonObject ran = runProfile(back);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(hashesIn(u"carol/Mailkeep Export/Inbox"_s), archived);
}

TEST_F(ImapProfileTest, AMasterUserArchivesSeveralMailboxesIntoTheirArchives)
{
    deliver(u"INBOX"_s, u"also for alice"_s);
    ASSERT_TRUE(m_dovecot.deliver(u"bob"_s, u"INBOX"_s, mail(u"for bob"_s)).ok());
    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login"_s},
                                             {u"password"_s, u"bob-Pa55-long"_s}})),
              u"succeeded"_s);
    QJsonObject settings{
        {u"name"_s, u"Everybody"_s},
        {u"type"_s, u"imapMultiple"_s},
        {u"host"_s, u"127.0.0.1"_s},
        {u"port"_s, m_dovecot.port()},
        {u"security"_s, u"starttls"_s},
        {u"ignoreCertificateErrors"_s, true},
        {u"masterUser"_s, m_dovecot.masterUser()},
        {u"masterPassword"_s, m_dovecot.masterPassword()},
        {u"mailboxes"_s,
         QJsonArray{
             QJsonObject{{u"userName"_s, u"alice"_s}}, QJsonObject{{u"userName"_s, u"bob"_s}},
             QJsonObject{{u"userName"_s, u"carol"_s}, {u"imapUserName"_s, u"nobody-here"_s}}}}};
    const QJsonObject created = admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
    const QJsonObject ran = runProfile(created[u"result"_s][u"id"_s].toInteger());
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"completedWithErrors"_s)
        << "carol's mailbox does not exist on the server";
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s).size(), 3);
    EXPECT_EQ(subjectsIn(u"bob/Inbox"_s), QStringList{u"for bob"_s});
    const QJsonArray failures = ran[u"result"_s][u"failures"_s].toArray();
    ASSERT_EQ(failures.size(), 1);
    EXPECT_EQ(failures.at(0)[u"item"_s].toString(), u"nobody-here"_s);

    settings.insert(u"mailboxes"_s, QJsonArray{QJsonObject{{u"userName"_s, u"ghost"_s}}});
    EXPECT_TRUE(message(admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}}))
                    .contains(u"no user ghost"_s));
}

TEST_F(ImapProfileTest, AJournalMailboxIsFiledByAddressAndReportsAreUnpacked)
{
    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login"_s},
                                             {u"password"_s, u"bob-Pa55-long"_s}})),
              u"succeeded"_s);
    for (const auto &[user, address] :
         {std::pair{u"alice"_s, u"alice@example.org"_s}, std::pair{u"bob"_s, u"bob@example.org"_s}})
        ASSERT_EQ(status(admin(u"SetUserEmailAddresses"_s,
                               {{u"userName"_s, user}, {u"emailAddresses"_s, address}})),
                  u"succeeded"_s);
    const QByteArray original = "From: Alice <alice@example.org>\r\nTo: bob@example.org\r\n"
                                "Cc: stranger@elsewhere.example\r\nSubject: Quarterly numbers\r\n"
                                "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\nMessage-ID: "
                                "<orig1@example.org>\r\n\r\nThe numbers are good.\r\n";
    const QByteArray report =
        "From: Microsoft Exchange <postmaster@example.org>\r\nTo: journal@example.org\r\n"
        "Subject: Quarterly numbers\r\nX-MS-Journal-Report:\r\nMessage-ID: "
        "<report1@example.org>\r\n"
        "Date: Mon, 2 Mar 2026 09:00:01 +0000\r\nMIME-Version: 1.0\r\n"
        "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
        "Content-Type: text/plain; charset=us-ascii\r\n\r\nSender: alice@example.org\r\n"
        "Subject: Quarterly numbers\r\nMessage-Id: <orig1@example.org>\r\nTo: bob@example.org\r\n"
        "Cc: stranger@elsewhere.example\r\n\r\n--b1\r\nContent-Type: message/rfc822\r\n\r\n" +
        original + "\r\n--b1--\r\n";
    const QByteArray unknown =
        "From: stranger@elsewhere.example\r\nTo: nobody@example.org\r\n"
        "Subject: For nobody here\r\nDate: Mon, 2 Mar 2026 10:00:00 +0000\r\n"
        "Message-ID: <x1@elsewhere.example>\r\n\r\nHello?\r\n";
    ASSERT_TRUE(m_dovecot.deliver(u"bob"_s, u"INBOX"_s, report).ok());
    ASSERT_TRUE(m_dovecot.deliver(u"bob"_s, u"INBOX"_s, unknown).ok());

    QJsonObject settings{{u"name"_s, u"Journal"_s},      {u"type"_s, u"imapJournal"_s},
                         {u"host"_s, u"127.0.0.1"_s},    {u"port"_s, m_dovecot.port()},
                         {u"security"_s, u"starttls"_s}, {u"ignoreCertificateErrors"_s, true},
                         {u"imapUserName"_s, u"bob"_s},  {u"password"_s, kImapPassword}};
    EXPECT_TRUE(message(admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}}))
                    .contains(u"catch-all"_s));
    settings.insert(u"catchAllUser"_s, u"carol"_s);
    const QJsonObject created = admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
    const QJsonObject ran = runProfile(created[u"result"_s][u"id"_s].toInteger());
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);

    const QString originalHash =
        QString::fromLatin1(QCryptographicHash::hash(original, QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(hashesIn(u"alice/Journal Outgoing"_s), QSet<QString>{originalHash})
        << "the original, unpacked from the report";
    EXPECT_EQ(hashesIn(u"bob/Journal Incoming"_s), QSet<QString>{originalHash});
    EXPECT_EQ(subjectsIn(u"carol/Journal Incoming"_s), QStringList{u"For nobody here"_s});
    EXPECT_TRUE(subjectsIn(u"alice/Journal Incoming"_s).isEmpty());
}

// The server drops the connection while a run fetches: the run fails at once (long before
// the profile's timeout) with a clear reason, and the next run completes, nothing lost or
// doubled. With TLS and without: each ends differently inside vmime.
TEST_F(ImapProfileTest, AConnectionDroppedMidRunFailsAtOnceAndTheNextRunCompletes)
{
    constexpr int kMessages = 4000;
    constexpr int kTimeoutSeconds = 60;
    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login"_s},
                                             {u"password"_s, u"bob-Pa55-long"_s}})),
              u"succeeded"_s);
    const QString cur = m_dovecot.homeOf(u"bob"_s) + u"/Maildir/cur"_s;
    ASSERT_TRUE(QDir().mkpath(cur));
    for (const QString &sub : {u"/Maildir/new"_s, u"/Maildir/tmp"_s})
        QDir().mkpath(m_dovecot.homeOf(u"bob"_s) + sub);
    for (int i = 0; i < kMessages; ++i) {
        QFile file(cur + u"/%1.M%2P1.test:2,S"_s.arg(1767225600 + i).arg(i));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(mail(u"bulk %1"_s.arg(i)));
    }
    ASSERT_TRUE(m_dovecot.handOver(m_dovecot.homeOf(u"bob"_s)).ok());

    for (const QString &security : {u"starttls"_s, u"none"_s}) {
        SCOPED_TRACE(security.toStdString());
        QJsonObject settings = profile();
        settings.insert(u"name"_s, QString(u"bob over "_s + security));
        settings.insert(u"userName"_s, u"bob"_s);
        settings.insert(u"imapUserName"_s, u"bob"_s);
        settings.insert(u"security"_s, security);
        settings.insert(u"targetFolder"_s, security); // each into folders of its own
        settings.insert(u"timeoutSeconds"_s, kTimeoutSeconds);
        const QJsonObject created = admin(u"CreateProfile"_s, {{u"properties"_s, json(settings)}});
        ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        const qint64 id = created[u"result"_s][u"id"_s].toInteger();
        const QString inbox = u"bob/%1/Inbox"_s.arg(security);

        // Bob's connections from the run before must be gone, or the kick below could hit
        // one of them instead of this run's.
        const auto bobConnected = [this]() {
            Result<QByteArray> who = m_dovecot.doveadm({u"who"_s, u"-1"_s, u"bob"_s});
            return who.ok() && who->contains("bob");
        };
        for (int i = 0; i < 200 && bobConnected(); ++i)
            QThread::msleep(50);
        ASSERT_FALSE(bobConnected());
        std::atomic<bool> kicked = false;
        std::thread dropper([&]() {
            for (int i = 0; i < 400 && !kicked; ++i) {
                QThread::msleep(25);
                // About half a second into the run, once its session is there.
                if (i >= 20 && bobConnected())
                    kicked = m_dovecot.doveadm({u"kick"_s, u"bob"_s}).ok();
            }
        });
        QElapsedTimer clock;
        clock.start();
        const QJsonObject ran = runProfile(id);
        const qint64 took = clock.elapsed();
        dropper.join();
        ASSERT_TRUE(kicked);
        ASSERT_EQ(status(ran), u"failed"_s) << "the run must still have been going";
        EXPECT_TRUE(message(ran).contains(u"127.0.0.1"_s)) << message(ran).toStdString();
        // "closed the connection" when reading, "was lost" when writing to it.
        EXPECT_TRUE(message(ran).contains(u"connection"_s)) << message(ran).toStdString();

        EXPECT_LT(took, kTimeoutSeconds * 1000 / 2) << "noticed at once, not by the timeout";
        const int first = static_cast<int>(subjectsIn(inbox).size());
        EXPECT_LT(first, kMessages);

        const QJsonObject again = runProfile(id);
        ASSERT_EQ(status(again), u"succeeded"_s) << message(again).toStdString();
        const QStringList subjects = subjectsIn(inbox);
        EXPECT_EQ(subjects.size(), kMessages) << "nothing lost";
        EXPECT_EQ(QSet<QString>(subjects.cbegin(), subjects.cend()).size(), kMessages)
            << "nothing twice";
        EXPECT_EQ(again[u"result"_s][u"archived"_s].toInt(), kMessages - first);
    }
}
