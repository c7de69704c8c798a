// A folder's message list sorted by what the envelopes hold (served by the index), moving
// messages between folders, and moving folders: the index follows the mail.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QFile>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray mail(const QString &from, const QString &subject, int day)
{
    return "From: " + from.toUtf8() + "\r\nTo: team@example.org\r\nSubject: " + subject.toUtf8() +
           "\r\nDate: " + QByteArray::number(day) + " Mar 2026 10:00:00 +0000\r\nMessage-ID: <" +
           subject.toUtf8().toHex() + "@example.org>\r\nContent-Type: text/plain\r\n\r\nAbout " +
           subject.toUtf8() + "\r\n";
}

class MessageListingTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        importMail({mail(u"Zoe <zoe@example.org>"_s, u"gamma"_s, 1),
                    mail(u"adam <adam@example.org>"_s, u"Alpha"_s, 2),
                    mail(u"Mia <mia@example.org>"_s, u"delta"_s, 3),
                    mail(u"Bea <bea@example.org>"_s, u"Beta"_s, 4)},
                   u"Inbox"_s);
        importMail({mail(u"Ann <ann@example.org>"_s, u"aardvark"_s, 5)}, u"Inbox/Sub"_s);
        importMail({mail(u"Ann <ann@example.org>"_s, u"elsewhere"_s, 6)}, u"Other"_s);
    }

    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    void importMail(const QList<QByteArray> &messages, const QString &folder)
    {
        QTemporaryDir files;
        for (qsizetype i = 0; i < messages.size(); ++i) {
            QFile file(files.filePath(u"m%1.eml"_s.arg(i)));
            ASSERT_TRUE(file.open(QIODevice::WriteOnly));
            file.write(messages.at(i));
        }
        const QJsonObject answer = admin(
            u"ImportEmailFiles"_s,
            {{u"userName"_s, u"alice"_s}, {u"path"_s, files.path()}, {u"targetFolder"_s, folder}});
        ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    }
    void grantAlice(const QString &privileges)
    {
        ASSERT_EQ(status(admin(u"SetUserPrivilegesOnFolder"_s, {{u"userName"_s, u"alice"_s},
                                                                {u"folder"_s, u"alice"_s},
                                                                {u"privileges"_s, privileges}})),
                  u"succeeded"_s);
    }
    QJsonArray list(HttpsTestClient &caller, const QString &folder, Api::FormFields more = {})
    {
        more.append({u"folder"_s, folder});
        const QJsonObject answer = call(caller, u"GetMessages"_s, more);
        EXPECT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        return answer[u"result"_s].toArray();
    }
    static QStringList field(const QJsonArray &messages, const QString &name)
    {
        QStringList values;
        for (const QJsonValue &row : messages)
            values << row[name].toString();
        return values;
    }
    QStringList searchSubjects(HttpsTestClient &caller, const QString &folder)
    {
        const QJsonObject answer =
            call(caller, u"SearchMessages"_s, {{u"query"_s, u"about"_s}, {u"folder"_s, folder}});
        EXPECT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        QStringList subjects = field(answer[u"result"_s][u"results"_s].toArray(), u"subject"_s);
        subjects.sort();
        return subjects;
    }
    Core::StoreRecord currentStore()
    {
        const auto stores = m_archive->catalog().listStores(false);
        for (const auto &store : stores.value()) {

            if (store.state == Core::StoreState::Current)
                return store;
        }
        return {};
    }

    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(MessageListingTest, SubjectAndSenderOrdersPageThroughTheFolderAlone)
{
    grantAlice(u"read"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QStringList bySubject{u"Alpha"_s, u"Beta"_s, u"delta"_s, u"gamma"_s};
    // A page (the index's order) and the whole folder (read and sorted) agree; the
    // sub-folder's "aardvark" is not this folder's.
    EXPECT_EQ(
        field(list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"10"_s}}),
              u"subject"_s),
        bySubject);
    EXPECT_EQ(field(list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}}), u"subject"_s),
              bySubject);
    EXPECT_EQ(field(list(alice, u"alice/Inbox"_s,
                         {{u"sort"_s, u"subject"_s}, {u"offset"_s, u"1"_s}, {u"limit"_s, u"2"_s}}),
                    u"subject"_s),
              bySubject.mid(1, 2));
    QStringList reversed = bySubject;
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(
        field(
            list(alice, u"alice/Inbox"_s,
                 {{u"sort"_s, u"subject"_s}, {u"descending"_s, u"true"_s}, {u"limit"_s, u"10"_s}}),
            u"subject"_s),
        reversed);
    EXPECT_EQ(field(list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"sender"_s}, {u"limit"_s, u"3"_s}}),
                    u"subject"_s),
              (QStringList{u"Alpha"_s, u"Beta"_s, u"delta"_s}))
        << "adam, Bea, Mia, Zoe";
    const QJsonArray bySize =
        list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"size"_s}, {u"limit"_s, u"10"_s}});
    ASSERT_EQ(bySize.size(), 4);
    for (qsizetype i = 1; i < bySize.size(); ++i)
        EXPECT_GE(bySize.at(i - 1)[u"size"_s].toInteger(), bySize.at(i)[u"size"_s].toInteger());

    // The page comes from the index: a document missing from it is missing from the page ...
    const Core::StoreRecord store = currentStore();
    const QJsonArray all = list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}});
    const qint64 betaId = all.at(1)[u"id"_s].toString().section(u':', 1).toLongLong();
    ASSERT_TRUE(m_archive->archive().index().removeDocuments(store, {betaId}).ok());
    EXPECT_EQ(
        field(list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"10"_s}}),
              u"subject"_s),
        (QStringList{u"Alpha"_s, u"delta"_s, u"gamma"_s}));
    // ... until the database says the folder waits for the index: then the folder is read whole.
    ASSERT_TRUE(m_archive->archive().messages().setIndexed(store, {betaId}, false).ok());
    EXPECT_EQ(
        field(list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"10"_s}}),
              u"subject"_s),
        bySubject);
}

TEST_F(MessageListingTest, MovingMessagesNeedsDeleteAtTheSourceAndWriteAtTheTarget)
{
    grantAlice(u"read"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonArray inbox = list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}});
    ASSERT_EQ(inbox.size(), 4);
    const QString alpha = inbox.at(0)[u"id"_s].toString();
    const QString beta = inbox.at(1)[u"id"_s].toString();
    const Api::FormFields move{{u"ids"_s, alpha + u',' + beta},
                               {u"targetFolder"_s, u"alice/Other"_s}};

    QJsonObject answer = call(alice, u"MoveMessages"_s, move);
    EXPECT_TRUE(message(answer).contains(u"may not file"_s)) << message(answer).toStdString();
    grantAlice(u"read,write"_s);
    answer = call(alice, u"MoveMessages"_s, move);
    EXPECT_TRUE(message(answer).contains(u"privilege to delete"_s))
        << message(answer).toStdString();

    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login,delete"_s},
                                             {u"password"_s, u"bob-Pa55-long"_s}})),
              u"succeeded"_s);
    ASSERT_EQ(status(admin(u"SetUserPrivilegesOnFolder"_s, {{u"userName"_s, u"bob"_s},
                                                            {u"folder"_s, u"alice/Other"_s},
                                                            {u"privileges"_s, u"write"_s}})),
              u"succeeded"_s);
    HttpsTestClient bob = client(u"bob"_s, u"bob-Pa55-long"_s);
    EXPECT_TRUE(message(call(bob, u"MoveMessages"_s, move)).contains(u"no message"_s))
        << "another user's mail is answered like missing mail";

    ASSERT_EQ(status(admin(u"SetUserPrivileges"_s,
                           {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"login,delete"_s}})),
              u"succeeded"_s);
    grantAlice(u"read,write,delete"_s);
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"legalHoldEnabled\": true}"_s}})),
              u"succeeded"_s);
    EXPECT_TRUE(message(call(alice, u"MoveMessages"_s, move)).contains(u"Legal hold"_s));
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"legalHoldEnabled\": false}"_s}})),
              u"succeeded"_s);

    answer = call(alice, u"MoveMessages"_s, move);
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_EQ(answer[u"result"_s][u"moved"_s].toArray(), (QJsonArray{alpha, beta}));
    EXPECT_EQ(
        field(list(alice, u"alice/Inbox"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"10"_s}}),
              u"subject"_s),
        (QStringList{u"delta"_s, u"gamma"_s}));
    EXPECT_EQ(
        field(list(alice, u"alice/Other"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"10"_s}}),
              u"subject"_s),
        (QStringList{u"Alpha"_s, u"Beta"_s, u"elsewhere"_s}));
    // Searches find them in their new folder only.
    EXPECT_EQ(searchSubjects(alice, u"alice/Other"_s),
              (QStringList{u"Alpha"_s, u"Beta"_s, u"elsewhere"_s}));
    EXPECT_EQ(searchSubjects(alice, u"alice/Inbox"_s),
              (QStringList{u"aardvark"_s, u"delta"_s, u"gamma"_s}));

    // Moving back a copy the folder holds already leaves it where it is.
    importMail({mail(u"adam <adam@example.org>"_s, u"Alpha"_s, 2)}, u"Inbox"_s);
    answer =
        call(alice, u"MoveMessages"_s, {{u"ids"_s, alpha}, {u"targetFolder"_s, u"alice/Inbox"_s}});
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_EQ(answer[u"result"_s][u"alreadyInTarget"_s].toArray(), QJsonArray{alpha});
    EXPECT_TRUE(answer[u"result"_s][u"moved"_s].toArray().isEmpty());

    EXPECT_TRUE(message(call(alice, u"MoveMessages"_s,
                             {{u"ids"_s, alpha}, {u"targetFolder"_s, u"alice/Nowhere"_s}}))
                    .contains(u"no archive folder"_s));
    EXPECT_TRUE(message(call(alice, u"MoveMessages"_s,
                             {{u"ids"_s, u"not-an-id"_s}, {u"targetFolder"_s, u"alice/Inbox"_s}}))
                    .contains(u"store:message"_s));

    auto audit = connection().exec(u"SELECT user_name, details->>'to', details->'ids' FROM "
                                   "audit_log WHERE event = 'MessageMove' ORDER BY id"_s);
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->rowCount(), 2);
    EXPECT_EQ(audit->text(0, 0), u"alice"_s);
    EXPECT_EQ(audit->text(0, 1), u"alice/Other"_s);
    EXPECT_TRUE(audit->text(0, 2).contains(beta));
}

TEST_F(MessageListingTest, AMovedFolderIsSearchedUnderItsNewPath)
{
    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login"_s},
                                             {u"password"_s, u"bob-Pa55-long"_s}})),
              u"succeeded"_s);
    ASSERT_EQ(status(admin(u"SetUserPrivilegesOnFolder"_s, {{u"userName"_s, u"bob"_s},
                                                            {u"folder"_s, u"bob"_s},
                                                            {u"privileges"_s, u"read"_s}})),
              u"succeeded"_s);
    const QJsonObject moved = admin(
        u"MoveFolder"_s, {{u"fromFolder"_s, u"alice/Inbox"_s}, {u"toFolder"_s, u"bob/Inbox"_s}});
    ASSERT_EQ(status(moved), u"succeeded"_s) << message(moved).toStdString();
    EXPECT_EQ(moved[u"result"_s][u"reindexed"_s].toInt(), 5);
    HttpsTestClient bob = client(u"bob"_s, u"bob-Pa55-long"_s);
    EXPECT_EQ(searchSubjects(bob, QString()),
              (QStringList{u"Alpha"_s, u"Beta"_s, u"aardvark"_s, u"delta"_s, u"gamma"_s}));
    EXPECT_EQ(field(list(bob, u"bob/Inbox"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"2"_s}}),
                    u"subject"_s),
              (QStringList{u"Alpha"_s, u"Beta"_s}));
}
