#include "api/Arguments.h"

#include "api/FormEncoding.h"

#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Api;
using namespace Qt::Literals::StringLiterals;

namespace {

const FunctionSignature kSignature{u"Sample"_s,
                                   {{u"userName"_s, ArgumentType::String, false},
                                    {u"count"_s, ArgumentType::Number, true},
                                    {u"enabled"_s, ArgumentType::Bool, true},
                                    {u"config"_s, ArgumentType::Json, true},
                                    {u"privileges"_s, ArgumentType::StringList, true}}};

Result<Arguments> decode(const QByteArray &body)
{
    Result<FormFields> fields = parseForm(body);
    if (!fields.ok())
        return fields.error();
    return decodeArguments(kSignature, fields.value());
}

} // namespace

TEST(FormEncoding, DecodesPlusPercentAndUtf8)
{
    const auto fields = parseForm("userName=J%C3%BCrgen+M%C3%BCller&empty=&flag");
    ASSERT_TRUE(fields.ok());
    ASSERT_EQ(fields->size(), 3);
    EXPECT_EQ(fields->at(0).second, u"J\u00fcrgen M\u00fcller"_s);
    EXPECT_EQ(fields->at(1).second, QString());
    EXPECT_EQ(fields->at(2).first, u"flag"_s);
}

TEST(FormEncoding, RefusesInvalidUtf8AndDuplicates)
{
    EXPECT_EQ(parseForm("userName=%FF%FE").error().code, ErrorCode::InvalidArgument);
    const auto twice = parseForm("a=1&a=2");
    ASSERT_FALSE(twice.ok());
    EXPECT_TRUE(twice.error().message.contains(u"a"_s));
}

TEST(FormEncoding, EncodeRoundTrips)
{
    const FormFields fields = {{u"config"_s, u"{\"a\": \"b&c=d\"}"_s},
                               {u"name"_s, u"M\u00fcller +1"_s}};
    const auto parsed = parseForm(encodeForm(fields));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed.value(), fields);
}

TEST(Arguments, DecodesEveryType)
{
    const auto args = decode("userName=alice&count=42&enabled=true&config=%7B%22a%22%3A1%7D"
                             "&privileges=read,+write,,delete");
    ASSERT_TRUE(args.ok()) << args.error().toString().toStdString();
    EXPECT_EQ(args->string(u"userName"_s), u"alice"_s);
    EXPECT_EQ(args->integer(u"count"_s), 42);
    EXPECT_TRUE(args->boolean(u"enabled"_s));
    EXPECT_EQ(args->json(u"config"_s).toObject().value(u"a"_s).toInt(), 1);
    EXPECT_EQ(args->list(u"privileges"_s), (QStringList{u"read"_s, u"write"_s, u"delete"_s}));
}

TEST(Arguments, OmittedOptionalArgumentsFallBack)
{
    const auto args = decode("userName=bob");
    ASSERT_TRUE(args.ok());
    EXPECT_FALSE(args->has(u"count"_s));
    EXPECT_EQ(args->integer(u"count"_s, 7), 7);
    EXPECT_FALSE(args->boolean(u"enabled"_s));
    EXPECT_TRUE(args->list(u"privileges"_s).isEmpty());
}

TEST(Arguments, BooleansAcceptDotNetSpelling)
{
    EXPECT_TRUE(decode("userName=a&enabled=True")->boolean(u"enabled"_s));
    EXPECT_FALSE(decode("userName=a&enabled=FALSE")->boolean(u"enabled"_s, true));
}

TEST(Arguments, MissingMandatoryArgumentIsNamed)
{
    const auto args = decode("count=1");
    ASSERT_FALSE(args.ok());
    EXPECT_EQ(args.error().message, u"Missing API argument userName."_s);
}

TEST(Arguments, WrongTypesAreRefusedWithTheArgumentName)
{
    for (const char *body : {"userName=a&count=12abc", "userName=a&count=", "userName=a&count=NaN",
                             "userName=a&count=1e5"}) {
        const auto args = decode(body);
        ASSERT_FALSE(args.ok()) << body;
        EXPECT_EQ(args.error().message, u"API argument count must be a decimal number."_s);
    }
    EXPECT_EQ(decode("userName=a&enabled=yes").error().message,
              u"API argument enabled must be true or false."_s);
    EXPECT_EQ(decode("userName=a&config=%7Bbroken").error().message,
              u"API argument config must be a JSON document."_s);
}

TEST(Arguments, JsonScalarsAndNegativeDecimalsAreAccepted)
{
    const auto args = decode("userName=a&config=42&count=-3.5");
    ASSERT_TRUE(args.ok());
    EXPECT_EQ(args->json(u"config"_s).toInt(), 42);
    EXPECT_DOUBLE_EQ(args->number(u"count"_s), -3.5);
}

TEST(Arguments, UnknownAndWrongCaseNamesAreRefused)
{
    const auto args = decode("username=alice");
    ASSERT_FALSE(args.ok());
    EXPECT_TRUE(args.error().message.startsWith(u"Unknown API argument username"_s));
}
