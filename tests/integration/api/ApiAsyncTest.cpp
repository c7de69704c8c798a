// Long-running calls: the running envelope, get-status long-polls, cancel-async, token expiry.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QTimer>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class ApiAsyncTest : public ApiServerFixture
{
protected:
    // Starts TestGate and returns its running envelope.
    QJsonObject startGate(HttpsTestClient &caller)
    {
        // The first answer itself (invokeJson would follow the call to its end).
        const QJsonObject running =
            parseEnvelopeObject(caller.post(u"/api/invoke/TestGate"_s).body);
        EXPECT_EQ(running[u"statusCode"_s].toString(), u"running"_s);
        return running;
    }

    HttpsResponse status(HttpsTestClient &caller, const QString &token, qint64 knownVersion,
                         int timeoutMs)
    {
        return caller.post(
            u"/api/get-status"_s,
            Api::encodeForm({{u"token"_s, token},
                             {u"lastKnownStatusVersion"_s, QString::number(knownVersion)},
                             {u"millisecondsTimeout"_s, QString::number(timeoutMs)}}));
    }
};

} // namespace

TEST_F(ApiAsyncTest, SlowCallAnswersRunningWithTokenAndProgress)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject running = startGate(admin);
    EXPECT_EQ(running[u"token"_s].toString().size(), 43);
    EXPECT_GE(running[u"statusVersion"_s].toInt(), 1);
    EXPECT_EQ(running[u"percentProgress"_s].toInt(), 10);
    EXPECT_EQ(running[u"statusText"_s].toString(), u"Waiting at the gate"_s);
    EXPECT_TRUE(running[u"result"_s].isNull());
}

TEST_F(ApiAsyncTest, GetStatusAnswersAtOnceWhenTheClientIsBehind)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject running = startGate(admin);
    const HttpsResponse response = status(admin, running[u"token"_s].toString(), 0, 10000);
    ASSERT_EQ(response.status, 200);
    EXPECT_LT(response.elapsedMs, 2000);
    EXPECT_EQ(parseEnvelopeObject(response.body)[u"statusVersion"_s].toInt(),
              running[u"statusVersion"_s].toInt());
}

TEST_F(ApiAsyncTest, GetStatusWaitsUntilTimeoutWhenNothingChanges)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject running = startGate(admin);
    const int version = running[u"statusVersion"_s].toInt();
    const HttpsResponse response = status(admin, running[u"token"_s].toString(), version, 700);
    ASSERT_EQ(response.status, 200);
    EXPECT_GE(response.elapsedMs, 650);
    EXPECT_LT(response.elapsedMs, 5000);
    const QJsonObject envelope = parseEnvelopeObject(response.body);
    EXPECT_EQ(envelope[u"statusVersion"_s].toInt(), version);
    EXPECT_EQ(envelope[u"statusCode"_s].toString(), u"running"_s);
}

TEST_F(ApiAsyncTest, GetStatusAnswersAsSoonAsTheStatusChanges)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject running = startGate(admin);
    const int version = running[u"statusVersion"_s].toInt();
    QTimer::singleShot(300, [this] { m_gateAdvance = true; });
    const HttpsResponse response = status(admin, running[u"token"_s].toString(), version, 20000);
    ASSERT_EQ(response.status, 200);
    EXPECT_GE(response.elapsedMs, 250);
    EXPECT_LT(response.elapsedMs, 5000) << "should not wait for the 20 s timeout";
    const QJsonObject envelope = parseEnvelopeObject(response.body);
    EXPECT_EQ(envelope[u"statusVersion"_s].toInt(), version + 1);
    EXPECT_EQ(envelope[u"percentProgress"_s].toInt(), 50);
    EXPECT_EQ(envelope[u"statusText"_s].toString(), u"Half way"_s);

    QTimer::singleShot(200, [this] { m_gateOpen = true; });
    const HttpsResponse done = status(admin, running[u"token"_s].toString(), version + 1, 20000);
    const QJsonObject final = parseEnvelopeObject(done.body);
    EXPECT_EQ(final[u"statusCode"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(final[u"result"_s].toString(), u"opened"_s);
    EXPECT_TRUE(final[u"token"_s].isNull());
}

TEST_F(ApiAsyncTest, CancelAsyncStopsTheTask)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject running = startGate(admin);
    const QString token = running[u"token"_s].toString();
    const HttpsResponse cancelled =
        admin.post(u"/api/cancel-async"_s, Api::encodeForm({{u"token"_s, token}}));
    ASSERT_EQ(cancelled.status, 200);
    QJsonObject envelope = parseEnvelopeObject(cancelled.body);
    for (int i = 0; i < 50 && envelope[u"statusCode"_s].toString() == u"running"_s; ++i) {
        envelope = parseEnvelopeObject(
            status(admin, token, envelope[u"statusVersion"_s].toInt(), 2000).body);
    }
    EXPECT_EQ(envelope[u"statusCode"_s].toString(), u"cancelled"_s);
    EXPECT_TRUE(m_gateSawCancel);
}

TEST_F(ApiAsyncTest, TokensExpireMinutesAfterTheTaskEnded)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject running = startGate(admin);
    const QString token = running[u"token"_s].toString();
    m_gateOpen = true;
    QJsonObject envelope;
    for (int i = 0; i < 50 && envelope[u"statusCode"_s].toString() != u"succeeded"_s; ++i)
        envelope = parseEnvelopeObject(status(admin, token, 1, 2000).body);
    ASSERT_EQ(envelope[u"statusCode"_s].toString(), u"succeeded"_s);

    m_clock.advance(4 * 60 * 1000);
    EXPECT_EQ(status(admin, token, 0, 0).status, 200) << "still there after 4 minutes";
    m_clock.advance(2 * 60 * 1000);
    EXPECT_EQ(status(admin, token, 0, 0).status, 404) << "gone 6 minutes after the end";
}

TEST_F(ApiAsyncTest, UnknownAndForeignTokensAre404)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    EXPECT_EQ(status(admin, u"no-such-token"_s, 0, 0).status, 404);
    EXPECT_EQ(admin.post(u"/api/cancel-async"_s, "token=no-such-token").status, 404);

    const QString adminToken = startGate(admin)[u"token"_s].toString();
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(status(alice, adminToken, 0, 0).status, 404);
    EXPECT_EQ(
        alice.post(u"/api/cancel-async"_s, Api::encodeForm({{u"token"_s, adminToken}})).status,
        404);
    EXPECT_FALSE(m_gateSawCancel);

    const QJsonObject missing = parseEnvelopeObject(admin.post(u"/api/get-status"_s).body);
    EXPECT_EQ(missing[u"error"_s].toObject()[u"message"_s].toString(),
              u"Missing API argument token."_s);
}
