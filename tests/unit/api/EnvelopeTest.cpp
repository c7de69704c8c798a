#include "api/Envelope.h"

#include "api/FunctionSignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Mailkeep::Api;
using namespace Qt::Literals::StringLiterals;

TEST(Envelope, SucceededIsByteExactWithBomAndFieldOrder)
{
    const Envelope envelope =
        Envelope::succeeded(QJsonObject{{u"version"_s, u"1.0.0"_s}, {u"machineName"_s, u"HOST"_s}});
    const QByteArray expected =
        "\xEF\xBB\xBF{\"error\":null,\"token\":null,\"statusVersion\":2,\"statusCode\":"
        "\"succeeded\",\"percentProgress\":null,\"statusText\":null,\"result\":{\"machineName\":"
        "\"HOST\",\"version\":\"1.0.0\"},\"logOutput\":null}";
    EXPECT_EQ(envelope.serialize(), expected);
}

TEST(Envelope, FailedCarriesMessageAndDetails)
{
    const QByteArray body =
        Envelope::failed(u"Missing API argument userName."_s, u"see \"docs\""_s).serialize();
    EXPECT_EQ(body, QByteArray("\xEF\xBB\xBF{\"error\":{\"message\":\"Missing API argument "
                               "userName.\",\"details\":\"see \\\"docs\\\"\"},\"token\":null,"
                               "\"statusVersion\":2,\"statusCode\":\"failed\",\"percentProgress\":"
                               "null,\"statusText\":null,\"result\":null,\"logOutput\":null}"));
}

TEST(Envelope, RunningCarriesTokenProgressAndText)
{
    Envelope envelope;
    envelope.statusCode = StatusCode::Running;
    envelope.token = u"abc"_s;
    envelope.statusVersion = 5;
    envelope.percentProgress = 40;
    envelope.statusText = u"Verifying store 2 of 5"_s;
    EXPECT_EQ(envelope.serialize(),
              QByteArray("\xEF\xBB\xBF{\"error\":null,\"token\":\"abc\",\"statusVersion\":5,"
                         "\"statusCode\":\"running\",\"percentProgress\":40,\"statusText\":"
                         "\"Verifying store 2 of 5\",\"result\":null,\"logOutput\":null}"));
}

TEST(Envelope, ScalarAndArrayResultsSerialise)
{
    EXPECT_TRUE(Envelope::succeeded(QJsonValue(42)).serialize().contains("\"result\":42,"));
    EXPECT_TRUE(Envelope::succeeded(QJsonValue(u"x\u00e9"_s))
                    .serialize()
                    .contains("\"result\":\"x\xc3\xa9\","));
    EXPECT_TRUE(Envelope::succeeded(QJsonArray{1, 2}).serialize().contains("\"result\":[1,2],"));
}

TEST(Envelope, ParseRoundTripsWithAndWithoutBom)
{
    Envelope original = Envelope::failed(u"No."_s);
    original.statusVersion = 7;
    for (QByteArray body : {original.serialize(), original.serialize().mid(3)}) {
        const auto parsed = Envelope::parse(body);
        ASSERT_TRUE(parsed.ok());
        EXPECT_EQ(parsed->statusCode, StatusCode::Failed);
        EXPECT_EQ(parsed->statusVersion, 7);
        ASSERT_TRUE(parsed->error.has_value());
        EXPECT_EQ(parsed->error->message, u"No."_s);
    }
    EXPECT_FALSE(Envelope::parse("{\"statusCode\":\"weird\"}").ok());
    EXPECT_FALSE(Envelope::parse("not json").ok());
}

TEST(Metadata, IsABareArrayListingEveryArgument)
{
    const QList<FunctionSignature> functions = {
        {u"GetServerInfo"_s, {}},
        {u"GetStores"_s, {{u"includeSize"_s, ArgumentType::Bool, true}}},
        {u"SetThing"_s,
         {{u"names"_s, ArgumentType::StringList, false}, {u"config"_s, ArgumentType::Json, true}}}};
    const QJsonDocument document = QJsonDocument::fromJson(metadataDocument(functions));
    ASSERT_TRUE(document.isArray());
    const QJsonArray entries = document.array();
    ASSERT_EQ(entries.size(), 3);
    EXPECT_EQ(entries[0].toObject().value(u"name"_s).toString(), u"GetServerInfo"_s);
    EXPECT_TRUE(entries[0].toObject().value(u"args"_s).toArray().isEmpty());
    const QJsonObject includeSize = entries[1].toObject()[u"args"_s].toArray()[0].toObject();
    EXPECT_EQ(includeSize,
              (QJsonObject{
                  {u"name"_s, u"includeSize"_s}, {u"type"_s, u"bool"_s}, {u"nullable"_s, true}}));
    const QJsonArray setThing = entries[2].toObject()[u"args"_s].toArray();
    EXPECT_EQ(setThing[0].toObject()[u"type"_s].toString(), u"string"_s); // lists travel as text
    EXPECT_FALSE(setThing[0].toObject()[u"nullable"_s].toBool());
    EXPECT_EQ(setThing[1].toObject()[u"type"_s].toString(), u"json"_s);
}
