// Archiving Microsoft 365 mailboxes through Graph against the fake Microsoft 365: folders
// (nested, hidden, the well-known ones left out), exact bytes, incremental runs through delta
// links, an expired delta link, throttling with the fake enforcing Outlook's limits, a token
// that expires mid-run, conversion failures, deletion after archiving, and clear failures.
#include "Microsoft365Fixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kAlice = u"alice@contoso.onmicrosoft.com"_s;

QByteArray mail(const QString &subject)
{
    return "From: sender@example.org\r\nTo: alice@contoso.onmicrosoft.com\r\nSubject: " +
           subject.toUtf8() + "\r\nDate: Sun, 1 Mar 2026 10:00:00 +0000\r\nMessage-ID: <" +
           subject.toUtf8().toHex() + "@example.org>\r\nX-MS-Exchange-Organization: fake\r\n\r\n" +
           "About " + subject.toUtf8() + "\r\n";
}

class GraphProfileTest : public Microsoft365Fixture
{
protected:
    void SetUp() override
    {
        Microsoft365Fixture::SetUp();
        // alice (the archive user) is one of the fixture's users.
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
                  u"succeeded"_s);
    }
    QJsonObject spec(const QString &subject, const QJsonObject &extra = {})
    {
        const QByteArray raw = mail(subject);
        m_sent.insert(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex(), subject);
        QJsonObject item{{u"raw"_s, QString::fromLatin1(raw.toBase64())}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            item.insert(it.key(), it.value());
        return item;
    }
    // Alice's mailbox: Inbox (2) with Projects (2), a hidden folder (1), Deleted Items (1).
    QJsonObject scenario(const QJsonObject &extra = {}, const QJsonArray &moreInbox = {})
    {
        QJsonArray inbox{spec(u"inbox one"_s), spec(u"inbox two"_s)};
        for (const QJsonValue &spec : moreInbox)
            inbox.append(spec);
        const QJsonArray folders{
            QJsonObject{
                {u"displayName"_s, u"Inbox"_s},
                {u"wellKnownName"_s, u"inbox"_s},
                {u"messages"_s, inbox},
                {u"childFolders"_s,
                 QJsonArray{QJsonObject{
                     {u"displayName"_s, u"Projects"_s},
                     {u"messages"_s, QJsonArray{spec(u"project a"_s), spec(u"project b"_s)}}}}}},
            QJsonObject{{u"displayName"_s, u"Hidden stuff"_s},
                        {u"isHidden"_s, true},
                        {u"messages"_s, QJsonArray{spec(u"hidden"_s)}}},
            QJsonObject{{u"displayName"_s, u"Deleted Items"_s},
                        {u"wellKnownName"_s, u"deleteditems"_s},
                        {u"messages"_s, QJsonArray{spec(u"thrown away"_s)}}}};
        QJsonObject loaded = tenantScenario(
            QJsonArray{QJsonObject{{u"id"_s, u"11111111-aaaa-4bbb-8ccc-000000000001"_s},
                                   {u"userPrincipalName"_s, kAlice},
                                   {u"mail"_s, kAlice},
                                   {u"mailbox"_s, QJsonObject{{u"folders"_s, folders}}}},
                       QJsonObject{{u"id"_s, u"11111111-aaaa-4bbb-8ccc-000000000002"_s},
                                   {u"userPrincipalName"_s, u"nobody@contoso.onmicrosoft.com"_s},
                                   {u"noMailbox"_s, true}}},
            QJsonArray{u"Mail.ReadWrite"_s});
        for (auto it = extra.begin(); it != extra.end(); ++it)
            loaded.insert(it.key(), it.value());
        return loaded;
    }
    qint64 createProfile(const QJsonObject &extra = {})
    {
        QJsonObject properties{{u"name"_s, u"Alice in Microsoft 365"_s},
                               {u"type"_s, u"microsoft365Mailbox"_s},
                               {u"credentialId"_s, m_credentialId},
                               {u"mailbox"_s, kAlice},
                               {u"userName"_s, u"alice"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            properties.insert(it.key(), it.value());
        const QJsonObject created =
            admin(u"CreateProfile"_s, {{u"properties"_s, compactJson(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        EXPECT_EQ(created[u"result"_s][u"protocol"_s].toString(), u"Graph"_s);
        return created[u"result"_s][u"id"_s].toInteger();
    }
    QJsonObject runProfile(qint64 id)
    {
        return admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
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

    QHash<QByteArray, QString> m_sent;
};

} // namespace

TEST_F(GraphProfileTest, AMailboxIsArchivedExactlyAndIncrementally)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    const qint64 id = createProfile();
    QJsonObject ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ran).toJson().toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 5) << "Deleted Items stays out";
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s), (QStringList{u"inbox one"_s, u"inbox two"_s}));
    EXPECT_EQ(subjectsIn(u"alice/Inbox/Projects"_s), (QStringList{u"project a"_s, u"project b"_s}));
    EXPECT_EQ(subjectsIn(u"alice/Hidden stuff"_s), QStringList{u"hidden"_s})
        << "hidden folders are archived too";
    for (const QJsonValue &row :
         admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Inbox"_s}})[u"result"_s].toArray()) {
        const QJsonObject content =
            admin(u"GetMessageContent"_s, {{u"id"_s, row[u"id"_s].toString()}})[u"result"_s]
                .toObject();
        const QByteArray raw = QByteArray::fromBase64(content[u"raw"_s].toString().toLatin1());
        EXPECT_TRUE(
            m_sent.contains(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex()))
            << "Exchange's bytes, unchanged";
    }

    // Only what is new next time.
    ASSERT_TRUE(m_fake.addMessage(kAlice, u"Inbox/Projects"_s, spec(u"project c"_s)).ok());
    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1);
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 0) << "nothing fetched again";

    // The delta links expire: a full round, and nothing twice.
    ASSERT_TRUE(m_fake.expireDeltaLinks(kAlice).ok());
    ASSERT_TRUE(m_fake.addMessage(kAlice, u"Inbox"_s, spec(u"inbox three"_s)).ok());
    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1);
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 6);
    bool rescanned = false;
    for (const QJsonValue &folder : ran[u"result"_s][u"folders"_s].toArray())
        rescanned = rescanned || folder[u"rescanned"_s].toBool();
    EXPECT_TRUE(rescanned);
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s).size(), 3);
}

TEST_F(GraphProfileTest, ThrottlingSlowsTheRunButLosesNothing)
{
    QJsonArray many;
    for (int i = 0; i < 150; ++i) // more than one delta page of 100
        many.append(spec(u"bulk %1"_s.arg(i)));
    // A small budget (25 requests a second), Retry-After fractional, some latency so that
    // requests overlap.
    ASSERT_TRUE(
        m_fake
            .loadScenario(scenario({{u"latencyMs"_s, 30},
                                    {u"throttling"_s, QJsonObject{{u"concurrent"_s, 4},
                                                                  {u"requestsPerWindow"_s, 25},
                                                                  {u"windowSeconds"_s, 1},
                                                                  {u"retryAfter"_s, u"0.25"_s}}}},
                                   many))
            .ok());
    const qint64 id = createProfile();
    const QJsonObject ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ran).toJson().toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 155) << "zero lost";
    EXPECT_EQ(subjectsIn(u"alice/Inbox"_s).size(), 152);
    const QJsonObject graph = ran[u"result"_s][u"graph"_s].toObject();
    EXPECT_GT(graph[u"throttled"_s].toInt(), 0) << "the fake did throttle";
    EXPECT_LE(graph[u"mostInFlight"_s].toInt(), 4);
    Result<QJsonObject> seen = m_fake.throttling();
    ASSERT_TRUE(seen.ok());
    for (auto it = seen->begin(); it != seen->end(); ++it) {
        EXPECT_LE(it.value()[u"maxInFlight"_s].toInt(), 4) << it.key().toStdString();
        EXPECT_EQ(it.value()[u"refusedForConcurrency"_s].toInt(), 0)
            << "never a fifth request at once: " << it.key().toStdString();
        EXPECT_GT(it.value()[u"refusedForBudget"_s].toInt(), 0);
    }
}

TEST_F(GraphProfileTest, ATokenThatExpiresMidRunIsRenewed)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    ASSERT_TRUE(
        m_fake
            .addFault({{u"path"_s, u"/\\$value$"_s},
                       {u"status"_s, 401},
                       {u"count"_s, 1},
                       {u"body"_s,
                        QJsonObject{{u"error"_s,
                                     QJsonObject{{u"code"_s, u"InvalidAuthenticationToken"_s},
                                                 {u"message"_s, u"Lifetime validation failed, the "
                                                                "token is expired."_s}}}}}})
            .ok());
    const QJsonObject ran = runProfile(createProfile());
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 5);
    int tokens = 0;
    for (const QJsonValue &request : m_fake.log()->value(u"requests"_s).toArray())
        tokens += request[u"path"_s].toString().endsWith(u"/token"_s) ? 1 : 0;
    EXPECT_EQ(tokens, 2) << "one sign-in, one renewal";
}

TEST_F(GraphProfileTest, ASignInThatStopsWorkingEndsTheRunWithTheReason)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    // The token expires during the run, and the certificate is gone from Entra ID by then.
    ASSERT_TRUE(
        m_fake
            .addFault(
                {{u"path"_s, u"/\\$value$"_s},
                 {u"status"_s, 401},
                 {u"skip"_s, 2},
                 {u"body"_s,
                  QJsonObject{{u"error"_s, QJsonObject{{u"code"_s, u"InvalidAuthenticationToken"_s},
                                                       {u"message"_s, u"expired"_s}}}}}})
            .ok());
    ASSERT_TRUE(m_fake
                    .addFault({{u"path"_s, u"/oauth2/v2.0/token$"_s},
                               {u"status"_s, 401},
                               {u"skip"_s, 1},
                               {u"count"_s, -1},
                               {u"body"_s,
                                QJsonObject{{u"error"_s, u"invalid_client"_s},
                                            {u"error_description"_s,
                                             u"AADSTS700027: Client assertion contains an invalid "
                                             "signature. [Reason - The key was not found.]"_s},
                                            {u"error_codes"_s, QJsonArray{700027}}}}})
                    .ok());
    const QJsonObject ran = runProfile(createProfile());
    EXPECT_EQ(status(ran), u"failed"_s) << QJsonDocument(ran).toJson().toStdString();
    EXPECT_TRUE(message(ran).contains(u"upload"_s)) << message(ran).toStdString();
    EXPECT_TRUE(message(ran).contains(u"AADSTS700027"_s)) << message(ran).toStdString();
}

TEST_F(GraphProfileTest, AMessageThatCannotBeConvertedFailsAloneAndCanBeSkipped)
{
    ASSERT_TRUE(m_fake
                    .loadScenario(
                        scenario({}, QJsonArray{spec(u"broken"_s, {{u"conversionFails"_s, true}})}))
                    .ok());
    const qint64 id = createProfile();
    QJsonObject ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"completedWithErrors"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 5);
    EXPECT_EQ(ran[u"result"_s][u"failed"_s].toInt(), 1);
    const QString report = QString::fromUtf8(QJsonDocument(ran).toJson());
    EXPECT_TRUE(report.contains(u"cannot convert"_s)) << report.toStdString();

    // Tried again by the next run; with the global property it no longer counts as an error.
    ASSERT_EQ(status(admin(u"SetGlobalProperty"_s,
                           {{u"name"_s, u"public.arcclient.skipGraphContentConversionFailed"_s},
                            {u"value"_s, u"true"_s}})),
              u"succeeded"_s);
    ran = runProfile(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ran).toJson().toStdString();
    EXPECT_EQ(ran[u"result"_s][u"conversionFailuresSkipped"_s].toInt(), 1);
}

TEST_F(GraphProfileTest, DeletionAfterArchivingRemovesOnlyTheArchivedMail)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    const QJsonObject ran = runProfile(createProfile(
        {{u"deleteAfterArchiving"_s, true}, {u"includeFolders"_s, QJsonArray{u"Inbox"_s}}}));
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 4) << "Inbox and its sub-folder";
    Result<QJsonObject> left = m_fake.mailbox(kAlice);
    ASSERT_TRUE(left.ok());
    int remaining = 0;
    for (const QJsonValue &ids : left->value(u"folders"_s).toObject())
        remaining += static_cast<int>(ids.toArray().size());
    EXPECT_EQ(remaining, 2) << "the hidden folder's and Deleted Items' messages stay";
    int batches = 0;
    int deletes = 0;
    for (const QJsonValue &request : m_fake.log()->value(u"requests"_s).toArray()) {
        batches += request[u"path"_s].toString().endsWith(u"/$batch"_s);
        deletes += request[u"method"_s] == u"DELETE"_s && request[u"inBatch"_s].toBool();
    }
    EXPECT_EQ(deletes, 4) << "every deletion went inside a JSON batch";
    EXPECT_GE(batches, 1);
}

TEST_F(GraphProfileTest, ThrottledDeletionsInsideABatchGoAgainAfterTheirRetryAfter)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    // The batch itself answers 200; two of its deletions are throttled, twice each.
    ASSERT_TRUE(m_fake
                    .addFault({{u"path"_s, u"/messages/[^/]+$"_s},
                               {u"method"_s, u"DELETE"_s},
                               {u"status"_s, 429},
                               {u"retryAfter"_s, u"0.3"_s},
                               {u"skip"_s, 1},
                               {u"count"_s, 4}})
                    .ok());
    const QJsonObject ran = runProfile(createProfile(
        {{u"deleteAfterArchiving"_s, true}, {u"includeFolders"_s, QJsonArray{u"Inbox"_s}}}));
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
    Result<QJsonObject> left = m_fake.mailbox(kAlice);
    ASSERT_TRUE(left.ok());
    int remaining = 0;
    for (const QJsonValue &ids : left->value(u"folders"_s).toObject())
        remaining += static_cast<int>(ids.toArray().size());
    EXPECT_EQ(remaining, 2) << "every archived message was deleted in the end";
    // Each throttled deletion went again no sooner than its Retry-After.
    QHash<QString, double> throttledAt;
    QList<double> waited;
    for (const QJsonValue &request : m_fake.log()->value(u"requests"_s).toArray()) {
        if (request[u"method"_s] != u"DELETE"_s)
            continue;
        const QString path = request[u"path"_s].toString();
        if (throttledAt.contains(path))
            waited << request[u"at"_s].toDouble() - throttledAt.take(path);
        if (request[u"status"_s].toInt() == 429)
            throttledAt.insert(path, request[u"at"_s].toDouble());
    }
    ASSERT_EQ(waited.size(), 4) << "four throttled answers, each followed by another try";
    for (const double seconds : std::as_const(waited))
        EXPECT_GE(seconds, 0.29);
    EXPECT_GE(ran[u"result"_s][u"graph"_s][u"throttledSeconds"_s].toDouble(), 0.3);
}

TEST_F(GraphProfileTest, FailuresSayWhatIsWrong)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    QJsonObject ran =
        runProfile(createProfile({{u"mailbox"_s, u"nobody@contoso.onmicrosoft.com"_s}}));
    EXPECT_EQ(status(ran), u"failed"_s) << QJsonDocument(ran).toJson().toStdString();
    EXPECT_TRUE(message(ran).contains(u"MailboxNotEnabledForRESTAPI"_s))
        << message(ran).toStdString();
    EXPECT_TRUE(message(ran).contains(u"no Exchange Online mailbox"_s))
        << message(ran).toStdString();

    // A profile needs its credential and mailbox.
    const QJsonObject bad = admin(
        u"CreateProfile"_s, {{u"properties"_s, compactJson({{u"name"_s, u"x"_s},
                                                            {u"type"_s, u"microsoft365Mailbox"_s},
                                                            {u"userName"_s, u"alice"_s},
                                                            {u"mailbox"_s, kAlice}})}});
    EXPECT_EQ(status(bad), u"failed"_s);
    EXPECT_TRUE(message(bad).contains(u"credentialId"_s)) << message(bad).toStdString();
    // Application permissions reach every mailbox: administrators only.
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonObject refused =
        call(alice, u"CreateProfile"_s,
             {{u"properties"_s, compactJson({{u"name"_s, u"mine"_s},
                                             {u"type"_s, u"microsoft365Mailbox"_s},
                                             {u"credentialId"_s, m_credentialId},
                                             {u"userName"_s, u"alice"_s},
                                             {u"mailbox"_s, kAlice}})}});
    EXPECT_NE(status(refused), u"succeeded"_s);
}

TEST_F(GraphProfileTest, WithoutMailReadWriteTheRunSaysWhatToGrant)
{
    QJsonObject withoutMail = scenario();
    QJsonObject tenant = withoutMail[u"tenants"_s][0].toObject();
    QJsonObject app = tenant[u"apps"_s][0].toObject();
    app.insert(u"roles"_s, QJsonObject{{u"graph"_s, QJsonArray{u"Directory.Read.All"_s}}});
    tenant.insert(u"apps"_s, QJsonArray{app});
    withoutMail.insert(u"tenants"_s, QJsonArray{tenant});
    ASSERT_TRUE(m_fake.loadScenario(withoutMail).ok());
    const QJsonObject ran = runProfile(createProfile());
    EXPECT_EQ(status(ran), u"failed"_s);
    EXPECT_TRUE(message(ran).contains(u"Mail.ReadWrite"_s)) << message(ran).toStdString();
    EXPECT_TRUE(message(ran).contains(u"ErrorAccessDenied"_s)) << message(ran).toStdString();
}
