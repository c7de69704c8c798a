// The Administration API on the wire: authentication, envelope, metadata, arguments, access.
#include "ApiServerFixture.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTimer>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class ApiServerTest : public ApiServerFixture
{};

} // namespace

TEST_F(ApiServerTest, RequestWithoutCredentialsGetsBasicChallenge)
{
    HttpsTestClient anonymous = client();
    const HttpsResponse response = anonymous.post(u"/api/invoke/GetServerInfo"_s);
    EXPECT_EQ(response.status, 401);
    EXPECT_TRUE(response.header("WWW-Authenticate").startsWith("Basic realm=\"Mailkeep\""))
        << response.header("WWW-Authenticate").toStdString();
}

TEST_F(ApiServerTest, WrongPasswordUnknownUserAndGarbageAreRefused)
{
    HttpsTestClient wrong = client(u"admin"_s, u"nope"_s);
    EXPECT_EQ(wrong.post(u"/api/invoke/GetServerInfo"_s).status, 401);
    HttpsTestClient unknown = client(u"mallory"_s, kAdminPassword);
    EXPECT_EQ(unknown.post(u"/api/invoke/GetServerInfo"_s).status, 401);
    HttpsTestClient garbage = client();
    garbage.setExtraHeader("Authorization", "Basic %%%not-base64");
    EXPECT_EQ(garbage.post(u"/api/invoke/GetServerInfo"_s).status, 401);
    HttpsTestClient bearer = client();
    bearer.setExtraHeader("Authorization", "Bearer abc");
    EXPECT_EQ(bearer.post(u"/api/invoke/GetServerInfo"_s).status, 401);
}

TEST_F(ApiServerTest, GetServerInfoEnvelopeIsByteExact)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const HttpsResponse response = admin.post(u"/api/invoke/GetServerInfo"_s);
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.header("Content-Type"), "application/json; charset=utf-8");
    EXPECT_EQ(response.body,
              QByteArray("\xEF\xBB\xBF{\"error\":null,\"token\":null,\"statusVersion\":2,"
                         "\"statusCode\":\"succeeded\",\"percentProgress\":null,\"statusText\":"
                         "null,\"result\":{\"machineName\":\"test-host\",\"version\":\"1.2.3\"},"
                         "\"logOutput\":null}"));
}

TEST_F(ApiServerTest, RepeatedSlashesAreCollapsed)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject envelope =
        parseEnvelopeObject(admin.post(u"//api//invoke/GetServerInfo"_s).body);
    EXPECT_EQ(envelope[u"statusCode"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(admin.post(u"/api/nothing-here"_s).status, 404);
}

TEST_F(ApiServerTest, UnknownFunctionFailsInsideTheEnvelope)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject envelope = invokeJson(admin, u"NoSuchFunction"_s);
    EXPECT_EQ(envelope[u"statusCode"_s].toString(), u"failed"_s);
    EXPECT_EQ(envelope[u"error"_s].toObject()[u"message"_s].toString(),
              u"Unknown API function NoSuchFunction."_s);
    const QJsonObject wrongCase = invokeJson(admin, u"getserverinfo"_s);
    EXPECT_EQ(wrongCase[u"statusCode"_s].toString(), u"failed"_s);
}

TEST_F(ApiServerTest, AdminFunctionsRefuseOtherUsers)
{
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonObject denied = invokeJson(alice, u"GetServiceConfiguration"_s);
    EXPECT_EQ(denied[u"statusCode"_s].toString(), u"failed"_s);
    EXPECT_TRUE(
        denied[u"error"_s].toObject()[u"message"_s].toString().contains(u"administrator"_s));
    EXPECT_EQ(invokeJson(alice, u"GetServerInfo"_s)[u"statusCode"_s].toString(), u"succeeded"_s);
}

TEST_F(ApiServerTest, LoginPrivilegeDecidesWhichClientMayBeUsed)
{
    HttpsTestClient carolApi = client(u"carol"_s, kCarolPassword);
    const HttpsResponse refused = carolApi.post(u"/api/invoke/GetServerInfo"_s);
    EXPECT_EQ(refused.status, 403);
    EXPECT_TRUE(refused.body.contains("\"api\""));

    HttpsTestClient carolConsole = client(u"carol"_s, kCarolPassword);
    carolConsole.setExtraHeader("X-Mailkeep-Client", "console");
    EXPECT_EQ(invokeJson(carolConsole, u"GetServerInfo"_s)[u"statusCode"_s].toString(),
              u"succeeded"_s);
}

TEST_F(ApiServerTest, MetadataIsABareArrayOfDeclaredFunctions)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    for (const HttpsResponse &response :
         {admin.post(u"/api/get-metadata"_s), admin.get(u"/api/get-metadata"_s)}) {
        ASSERT_EQ(response.status, 200);
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        ASSERT_TRUE(document.isArray()) << response.body.left(200).toStdString();
        QStringList names;
        for (const QJsonValue &entry : document.array()) {
            const QJsonObject function = entry.toObject();
            names << function[u"name"_s].toString();
            ASSERT_TRUE(function[u"args"_s].isArray());
            for (const QJsonValue &argument : function[u"args"_s].toArray()) {
                const QJsonObject arg = argument.toObject();
                EXPECT_FALSE(arg[u"name"_s].toString().isEmpty());
                EXPECT_TRUE((QStringList{u"string"_s, u"number"_s, u"bool"_s, u"json"_s})
                                .contains(arg[u"type"_s].toString()));
                EXPECT_TRUE(arg[u"nullable"_s].isBool());
            }
        }
        EXPECT_TRUE(names.contains(u"GetServerInfo"_s));
        EXPECT_TRUE(names.contains(u"GetTimeZones"_s));
        EXPECT_FALSE(names.contains(u"get-status"_s));
        EXPECT_FALSE(names.contains(u"cancel-async"_s));
    }
    HttpsTestClient anonymous = client();
    EXPECT_EQ(anonymous.get(u"/api/get-metadata"_s).status, 401);
}

TEST_F(ApiServerTest, ArgumentsAreDecodedByDeclaredType)
{
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonObject ok = invokeJson(
        alice, u"TestEcho"_s,
        "text=Gr%C3%BC%C3%9Fe+aus+K%C3%B6ln&count=12.5&flag=true&config=%7B%22a%22%3A%5B1%2C2%5D%7D"
        "&items=read%2Cwrite");
    ASSERT_EQ(ok[u"statusCode"_s].toString(), u"succeeded"_s)
        << QJsonDocument(ok).toJson().toStdString();
    const QJsonObject echo = ok[u"result"_s].toObject();
    EXPECT_EQ(echo[u"text"_s].toString(), u"Gr\u00fc\u00dfe aus K\u00f6ln"_s);
    EXPECT_EQ(echo[u"count"_s].toDouble(), 12.5);
    EXPECT_EQ(echo[u"flag"_s].toBool(), true);
    EXPECT_EQ(echo[u"config"_s].toObject()[u"a"_s].toArray().size(), 2);
    EXPECT_EQ(echo[u"items"_s].toArray(), (QJsonArray{u"read"_s, u"write"_s}));
    EXPECT_EQ(echo[u"caller"_s].toString(), u"alice"_s);

    const auto message = [&](const QByteArray &body) {
        const QJsonObject envelope = invokeJson(alice, u"TestEcho"_s, body);
        EXPECT_EQ(envelope[u"statusCode"_s].toString(), u"failed"_s) << body.toStdString();
        return envelope[u"error"_s].toObject()[u"message"_s].toString();
    };
    EXPECT_EQ(message("count=1"), u"Missing API argument text."_s);
    EXPECT_EQ(message("text=a&count=many"), u"API argument count must be a decimal number."_s);
    EXPECT_EQ(message("text=a&flag=maybe"), u"API argument flag must be true or false."_s);
    EXPECT_EQ(message("text=a&config=%7B"), u"API argument config must be a JSON document."_s);
    EXPECT_TRUE(message("Text=a").startsWith(u"Unknown API argument Text"_s));
    EXPECT_EQ(message("text=%FF"), u"The request body is not valid UTF-8 form data."_s);
}

TEST_F(ApiServerTest, OnlyPostIsAccepted)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const HttpsResponse response = admin.get(u"/api/invoke/GetServerInfo"_s);
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(response.header("Allow"), "POST");
}

TEST_F(ApiServerTest, FailedLoginsSlowDownProgressively)
{
    HttpsTestClient wrong = client(u"admin"_s, u"guess"_s);
    QList<qint64> elapsed;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const HttpsResponse response = wrong.post(u"/api/invoke/GetServerInfo"_s);
        ASSERT_EQ(response.status, 401);
        elapsed << response.elapsedMs;
    }
    // Penalties are 100, 200, 400, 800, 1600 ms; each attempt also waits for the previous one's.
    EXPECT_GE(elapsed[0], 100);
    EXPECT_GE(elapsed[3], 800);
    EXPECT_GE(elapsed[4], 1600);
    EXPECT_GT(elapsed[4], elapsed[1] + 1000);

    // The right password still works (after the pending penalty), and resets the count.
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    EXPECT_EQ(admin.post(u"/api/invoke/GetServerInfo"_s).status, 200);
    EXPECT_EQ(m_api->throttle().failureCount(u"admin"_s, u"127.0.0.1"_s), 0);
}

TEST_F(ApiServerTest, ServiceConfigurationHoldsNoSecrets)
{
    m_information.certificateFingerprint = u"AB:CD"_s;
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject envelope = invokeJson(admin, u"GetServiceConfiguration"_s);
    ASSERT_EQ(envelope[u"statusCode"_s].toString(), u"succeeded"_s);
    const QByteArray text = QJsonDocument(envelope[u"result"_s].toObject()).toJson();
    EXPECT_TRUE(text.contains("\"endpoints\""));
    EXPECT_TRUE(text.contains("\"administrationApi\""));
    EXPECT_FALSE(text.contains("password"));
    EXPECT_FALSE(text.contains("PRIVATE KEY"));
}

TEST_F(ApiServerTest, ActiveSessionsAndTimeZones)
{
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    ASSERT_EQ(invokeJson(alice, u"GetServerInfo"_s)[u"statusCode"_s].toString(), u"succeeded"_s);
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonArray sessions = invokeJson(admin, u"GetActiveSessions"_s)[u"result"_s].toArray();
    QStringList users;
    for (const QJsonValue &session : sessions) {
        users << session[u"userName"_s].toString();
        EXPECT_EQ(session[u"clientAddress"_s].toString(), u"127.0.0.1"_s);
    }
    EXPECT_TRUE(users.contains(u"alice"_s));
    EXPECT_TRUE(users.contains(u"admin"_s));

    const QJsonArray zones = invokeJson(alice, u"GetTimeZones"_s)[u"result"_s].toArray();
    ASSERT_FALSE(zones.isEmpty());
    EXPECT_EQ(zones[0][u"id"_s].toString(), u"$Local"_s);
}

namespace {

// Runs openssl s_client against the server while this thread's event loop keeps serving.
int opensslHandshake(quint16 port, const QStringList &protocolOptions, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList arguments{u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port)};
    arguments << protocolOptions;
    process.start(u"openssl"_s, arguments);
    process.closeWriteChannel();
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(15000, &loop, &QEventLoop::quit);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace

TEST_F(ApiServerTest, TlsBelowVersion12IsRefused)
{
    QByteArray output;
    EXPECT_EQ(opensslHandshake(m_port, {u"-tls1_2"_s}, &output), 0) << output.toStdString();
    EXPECT_TRUE(output.contains("Protocol  : TLSv1.2")) << output.toStdString();
    EXPECT_EQ(opensslHandshake(m_port, {u"-tls1_3"_s}, &output), 0) << output.toStdString();
    // The client is allowed to offer TLS 1.1 (security level 0); the server must refuse.
    EXPECT_NE(
        opensslHandshake(m_port, {u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s}, &output), 0)
        << output.toStdString();
    EXPECT_TRUE(output.contains("Cipher is (NONE)")) << output.toStdString();
}
