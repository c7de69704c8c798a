// The IMAP client against a real Dovecot: TLS both ways with certificate checks, logins
// (master user too), folders with special use and non-ASCII names, exact bytes, UIDs,
// appending and deleting, and the errors an administrator sees.
#include "connectors/imap/VmimeImapConnection.h"
#include "support/TestDovecot.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray mail(const QString &subject, const QByteArray &extra = {})
{
    return "From: sender@example.org\r\nTo: alice@example.org\r\nSubject: " + subject.toUtf8() +
           "\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\nMessage-ID: <" + subject.toUtf8().toHex() +
           "@example.org>\r\n" + extra + "\r\nAbout " + subject.toUtf8() + "\r\n";
}

class ImapConnectionTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const Status started = m_dovecot.start({{u"alice"_s, u"alice-imap-Pa55"_s}});
        ASSERT_TRUE(started.ok()) << started.error().toString().toStdString();
    }
    Core::ImapAccount
    account(Core::ImapAccount::Security security = Core::ImapAccount::Security::StartTls) const
    {
        Core::ImapAccount account;
        account.host = u"127.0.0.1"_s;
        account.security = security;
        account.port =
            security == Core::ImapAccount::Security::Tls ? m_dovecot.tlsPort() : m_dovecot.port();
        account.userName = u"alice"_s;
        account.password = u"alice-imap-Pa55"_s;
        account.ignoreCertificateErrors = true;
        account.timeoutSeconds = 10;
        return account;
    }

    TestDovecot m_dovecot;
};

} // namespace

TEST_F(ImapConnectionTest, FoldersUidsAndTheExactBytes)
{
    const QByteArray first = mail(u"first"_s);
    const QByteArray second = mail(u"second"_s, "X-Odd:  two  spaces \r\n");
    ASSERT_TRUE(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, first).ok());
    ASSERT_TRUE(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, second).ok());
    ASSERT_TRUE(
        m_dovecot.deliver(u"alice"_s, u"Projekte/Müller & Söhne"_s, mail(u"nested"_s)).ok());
    ASSERT_TRUE(m_dovecot.createFolder(u"alice"_s, u"Trash"_s).ok());

    for (const auto security :
         {Core::ImapAccount::Security::StartTls, Core::ImapAccount::Security::Tls}) {
        auto connection = Connectors::connectImap(account(security));
        ASSERT_TRUE(connection.ok()) << connection.error().toString().toStdString();
        auto folders = (*connection)->folders();
        ASSERT_TRUE(folders.ok()) << folders.error().toString().toStdString();
        QStringList paths;
        QString trashRole;
        for (const Core::MailboxFolder &folder : folders.value()) {
            paths << folder.path;
            if (folder.path == u"Trash"_s)
                trashRole = folder.role;
        }
        EXPECT_TRUE(paths.contains(u"INBOX"_s)) << paths.join(u", "_s).toStdString();
        EXPECT_TRUE(paths.contains(u"Projekte/Müller & Söhne"_s))
            << "modified UTF-7 decoded: " << paths.join(u", "_s).toStdString();
        EXPECT_EQ(trashRole, u"trash"_s);

        auto state = (*connection)->openFolder(u"INBOX"_s);
        ASSERT_TRUE(state.ok()) << state.error().toString().toStdString();
        EXPECT_GT(state->uidValidity, 0u);
        EXPECT_EQ(state->messages, 2);
        auto messages = (*connection)->messagesFrom(1);
        ASSERT_TRUE(messages.ok());
        ASSERT_EQ(messages->size(), 2);
        EXPECT_LT(messages->at(0).uid, messages->at(1).uid);
        EXPECT_FALSE(messages->at(0).seen);
        auto raw = (*connection)->fetch(messages->at(1).uid);
        ASSERT_TRUE(raw.ok());
        EXPECT_EQ(raw.value(), second) << "byte for byte";
        EXPECT_EQ(messages->at(1).size, second.size());
        // Past the last UID: nothing, although IMAP's "n:*" names the last message.
        auto none = (*connection)->messagesFrom(messages->at(1).uid + 1);
        ASSERT_TRUE(none.ok());
        EXPECT_TRUE(none->isEmpty());
    }
}

TEST_F(ImapConnectionTest, AppendAndDelete)
{
    auto connection = Connectors::connectImap(account());
    ASSERT_TRUE(connection.ok()) << connection.error().toString().toStdString();
    ASSERT_TRUE((*connection)->createFolder(u"Mailkeep Export/Old PC"_s).ok());
    const QByteArray message = mail(u"exported"_s);
    const Status appended = (*connection)
                                ->append(u"Mailkeep Export/Old PC"_s, message, true,
                                         QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
    ASSERT_TRUE(appended.ok()) << appended.error().toString().toStdString();
    ASSERT_TRUE((*connection)->openFolder(u"Mailkeep Export/Old PC"_s).ok());
    auto messages = (*connection)->messagesFrom(1);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 1);
    EXPECT_TRUE(messages->at(0).seen);
    EXPECT_EQ((*connection)->fetch(messages->at(0).uid).value(), message);
    ASSERT_TRUE((*connection)->remove({messages->at(0).uid}).ok());
    auto after = (*connection)->messagesFrom(1);
    ASSERT_TRUE(after.ok());
    EXPECT_TRUE(after->isEmpty());
}

TEST_F(ImapConnectionTest, AMessageExpungedElsewhereIsNotFoundAndTheOthersStayRight)
{
    QList<QByteArray> sent;
    for (const QString &subject : {u"one"_s, u"two"_s, u"three"_s}) {
        sent << mail(subject);
        ASSERT_TRUE(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, sent.last()).ok());
    }
    auto connection = Connectors::connectImap(account());
    ASSERT_TRUE(connection.ok()) << connection.error().toString().toStdString();
    ASSERT_TRUE((*connection)->openFolder(u"INBOX"_s).ok());
    auto messages = (*connection)->messagesFrom(1);
    ASSERT_TRUE(messages.ok());
    ASSERT_EQ(messages->size(), 3);
    // Another client removes the first one: the others move up a sequence number.
    const Result<QByteArray> expunged =
        m_dovecot.doveadm({u"expunge"_s, u"-u"_s, u"alice"_s, u"mailbox"_s, u"INBOX"_s, u"uid"_s,
                           QString::number(messages->at(0).uid)});
    ASSERT_TRUE(expunged.ok()) << expunged.error().toString().toStdString();

    const Result<QByteArray> gone = (*connection)->fetch(messages->at(0).uid);
    ASSERT_FALSE(gone.ok());
    EXPECT_EQ(gone.error().code, ErrorCode::NotFound) << gone.error().toString().toStdString();
    EXPECT_TRUE((*connection)->connected()) << "a message gone is no connection gone";
    EXPECT_EQ((*connection)->fetch(messages->at(2).uid).value(), sent.at(2));
    EXPECT_EQ((*connection)->fetch(messages->at(1).uid).value(), sent.at(1));
}

TEST_F(ImapConnectionTest, ALargeFolderIsListedWhole)
{
    constexpr int kMessages = 1234; // more than one slice of the listing
    const QString cur = m_dovecot.homeOf(u"alice"_s) + u"/Maildir/cur"_s;
    ASSERT_TRUE(QDir().mkpath(cur));
    for (const QString &sub : {u"/Maildir/new"_s, u"/Maildir/tmp"_s})
        QDir().mkpath(m_dovecot.homeOf(u"alice"_s) + sub);
    for (int i = 0; i < kMessages; ++i) {
        QFile file(
            cur +
            u"/%1.M%2P1.test:2,%3"_s.arg(1767225600 + i).arg(i).arg(i % 2 ? u"S"_s : QString()));
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(mail(u"bulk %1"_s.arg(i)));
    }
    ASSERT_TRUE(m_dovecot.handOver(m_dovecot.homeOf(u"alice"_s)).ok());
    auto connection = Connectors::connectImap(account());
    ASSERT_TRUE(connection.ok()) << connection.error().toString().toStdString();
    ASSERT_TRUE((*connection)->openFolder(u"INBOX"_s).ok());
    auto messages = (*connection)->messagesFrom(1);
    ASSERT_TRUE(messages.ok()) << messages.error().toString().toStdString();
    ASSERT_EQ(messages->size(), kMessages);
    int seen = 0;
    for (qsizetype i = 0; i < messages->size(); ++i) {
        if (i > 0) {
            EXPECT_LT(messages->at(i - 1).uid, messages->at(i).uid);
        }

        EXPECT_GT(messages->at(i).size, 0);
        seen += messages->at(i).seen ? 1 : 0;
    }
    EXPECT_EQ(seen, kMessages / 2);
    const quint32 middle = messages->at(700).uid;
    auto rest = (*connection)->messagesFrom(middle);
    ASSERT_TRUE(rest.ok());
    ASSERT_EQ(rest->size(), kMessages - 700);
    EXPECT_EQ(rest->first().uid, middle);
}

TEST_F(ImapConnectionTest, MasterUsersLogInAsAnyUser)
{

    ASSERT_TRUE(m_dovecot.deliver(u"alice"_s, u"INBOX"_s, mail(u"for alice"_s)).ok());
    Core::ImapAccount master = account();
    master.userName = u"alice*"_s + m_dovecot.masterUser();
    master.password = m_dovecot.masterPassword();
    auto connection = Connectors::connectImap(master);
    ASSERT_TRUE(connection.ok()) << connection.error().toString().toStdString();
    auto state = (*connection)->openFolder(u"INBOX"_s);
    ASSERT_TRUE(state.ok());
    EXPECT_EQ(state->messages, 1);
}

TEST_F(ImapConnectionTest, FailuresSayWhatIsWrong)
{
    Core::ImapAccount checked = account(Core::ImapAccount::Security::Tls);
    checked.ignoreCertificateErrors = false;
    auto untrusted = Connectors::connectImap(checked);
    ASSERT_FALSE(untrusted.ok());
    EXPECT_TRUE(untrusted.error().message.contains(u"not trusted"_s))
        << untrusted.error().message.toStdString();

    Core::ImapAccount wrong = account();
    wrong.password = u"wrong"_s;
    auto refused = Connectors::connectImap(wrong);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Unauthenticated)
        << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(u"alice"_s));

    Core::ImapAccount nobody = account(Core::ImapAccount::Security::None);
    nobody.port = 1; // nothing listens there
    auto unreachable = Connectors::connectImap(nobody);
    ASSERT_FALSE(unreachable.ok());
    EXPECT_EQ(unreachable.error().code, ErrorCode::Unavailable)
        << unreachable.error().message.toStdString();

    auto connection = Connectors::connectImap(account());
    ASSERT_TRUE(connection.ok());
    auto missing = (*connection)->openFolder(u"Does not exist"_s);
    ASSERT_FALSE(missing.ok());
    EXPECT_FALSE(missing.error().message.isEmpty());
    // vmime ends the refused folder's own TLS connection; the store's is still there.
    EXPECT_TRUE((*connection)->connected());
    EXPECT_TRUE((*connection)->openFolder(u"INBOX"_s).ok());
    EXPECT_TRUE((*connection)->connected());

    // A cancelled run stops its connection.
    QElapsedTimer timer;
    timer.start();
    std::atomic<bool> cancel = true;
    auto cancelled = Connectors::connectImap(account(), [&cancel] { return cancel.load(); });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.error().code, ErrorCode::Cancelled)
        << cancelled.error().message.toStdString();
}
