// The text-format conversions, without a server: the escaping rules in isolation.
#include "storage/PgText.h"

#include "storage/PgError.h"

#include <gtest/gtest.h>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;

TEST(PgTextTest, ArrayLiteralQuotesEveryElement)
{
    EXPECT_EQ(PgText::arrayLiteral({}), QByteArray("{}"));
    EXPECT_EQ(PgText::arrayLiteral({u"a,b"_s, u"say \"hi\""_s, u"C:\\dir"_s, u""_s, u"NULL"_s}),
              QByteArray(R"({"a,b","say \"hi\"","C:\\dir","","NULL"})"));
}

TEST(PgTextTest, ParseArrayHandlesQuotingNullAndDecoration)
{
    EXPECT_EQ(PgText::parseArray("{}"), QStringList());
    const QStringList parsed =
        PgText::parseArray(R"({plain,"with space","a,b","q\"x","b\\s",NULL,"NULL",""})");
    ASSERT_EQ(parsed.size(), 8);
    EXPECT_EQ(parsed.at(0), u"plain"_s);
    EXPECT_EQ(parsed.at(1), u"with space"_s);
    EXPECT_EQ(parsed.at(2), u"a,b"_s);
    EXPECT_EQ(parsed.at(3), u"q\"x"_s);
    EXPECT_EQ(parsed.at(4), u"b\\s"_s);
    EXPECT_TRUE(parsed.at(5).isNull());
    EXPECT_EQ(parsed.at(6), u"NULL"_s);
    EXPECT_FALSE(parsed.at(6).isNull());
    EXPECT_TRUE(parsed.at(7).isEmpty());
    EXPECT_FALSE(parsed.at(7).isNull());
    EXPECT_EQ(PgText::parseArray("[0:1]={x,y}"), QStringList({u"x"_s, u"y"_s}));
    EXPECT_EQ(PgText::parseArray("{{1,2},{3,4}}"), QStringList({u"1"_s, u"2"_s, u"3"_s, u"4"_s}));
    EXPECT_EQ(PgText::parseArray(R"({a\,b})"), QStringList({u"a,b"_s}));
    EXPECT_EQ(PgText::parseArray("{\xc3\xbc}"), QStringList({u"\u00fc"_s}));
}

TEST(PgTextTest, ArrayLiteralRoundTripsThroughParser)
{
    const QStringList values = {u"{brace}"_s, u" padded "_s, u"back\\\\slash"_s, u"\"\""_s};
    EXPECT_EQ(PgText::parseArray(PgText::arrayLiteral(values)), values);
}

TEST(PgTextTest, TimestampLiteralIsUtcIsoWithMilliseconds)
{
    const QDateTime local(QDate(2024, 2, 29), QTime(23, 59, 58, 7), Qt::OffsetFromUTC, 2 * 3600);
    EXPECT_EQ(PgText::timestampLiteral(local), QByteArray("2024-02-29T21:59:58.007Z"));
    const QDateTime ancient(QDate(-44, 3, 15), QTime(12, 0), Qt::UTC);
    EXPECT_EQ(PgText::timestampLiteral(ancient), QByteArray("0044-03-15T12:00:00.000Z BC"));
}

TEST(PgTextTest, ParseTimestampHonoursOffsetsAndFractions)
{
    const QDateTime expected(QDate(2024, 1, 1), QTime(6, 30, 0, 123), Qt::UTC);
    EXPECT_EQ(PgText::parseTimestamp("2024-01-01 12:00:00.123456+05:30"), expected);
    EXPECT_EQ(PgText::parseTimestamp("2024-01-01 06:30:00.123+00"), expected);
    EXPECT_EQ(PgText::parseTimestamp("2024-01-01 06:30:00.1+00").time().msec(), 100);
    EXPECT_EQ(PgText::parseTimestamp("2024-01-01 00:00:00-01"),
              QDateTime(QDate(2024, 1, 1), QTime(1, 0), Qt::UTC));
    EXPECT_EQ(PgText::parseTimestamp("2024-01-01"),
              QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC));
    EXPECT_EQ(PgText::parseTimestamp("0044-03-15 12:00:00+00 BC").date(), QDate(-44, 3, 15));
    EXPECT_EQ(PgText::parseTimestamp("2024-01-01 00:00:00+00").timeSpec(), Qt::UTC);
    EXPECT_FALSE(PgText::parseTimestamp("infinity").isValid());
    EXPECT_FALSE(PgText::parseTimestamp("2024-13-01 00:00:00+00").isValid());
}

TEST(PgTextTest, DecodeByteaHexAndEscapeFormats)
{
    EXPECT_EQ(PgText::decodeBytea("\\x00ff41"), QByteArray("\x00\xff"
                                                           "A",
                                                           3));
    EXPECT_EQ(PgText::decodeBytea("a\\000b\\\\c"), QByteArray("a\x00"
                                                              "b\\c",
                                                              5));
    EXPECT_EQ(PgText::decodeBytea("\\x"), QByteArray());
}

TEST(PgTextTest, QuoteIdentifierDoublesQuotes)
{
    EXPECT_EQ(PgText::quoteIdentifier(u"My \"odd\" name"_s), u"\"My \"\"odd\"\" name\""_s);
}

TEST(PgErrorTest, SqlStatesMapToErrorCodes)
{
    EXPECT_EQ(errorCodeForSqlState(u"23505"_s), ErrorCode::AlreadyExists);
    EXPECT_EQ(errorCodeForSqlState(u"40001"_s), ErrorCode::Conflict);
    EXPECT_EQ(errorCodeForSqlState(u"40P01"_s), ErrorCode::Conflict);
    EXPECT_EQ(errorCodeForSqlState(u"08006"_s), ErrorCode::Unavailable);
    EXPECT_EQ(errorCodeForSqlState(u"57P01"_s), ErrorCode::Unavailable);
    EXPECT_EQ(errorCodeForSqlState(u"57P03"_s), ErrorCode::Unavailable);
    EXPECT_EQ(errorCodeForSqlState(u"57014"_s), ErrorCode::DatabaseError); // query cancelled
    EXPECT_EQ(errorCodeForSqlState(u"22P02"_s), ErrorCode::InvalidArgument);
    EXPECT_EQ(errorCodeForSqlState(u"23503"_s), ErrorCode::InvalidArgument);
    EXPECT_EQ(errorCodeForSqlState(u"42601"_s), ErrorCode::DatabaseError);
    EXPECT_EQ(errorCodeForSqlState(u"XX000"_s), ErrorCode::DatabaseError);
}
