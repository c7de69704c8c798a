// PgConnection and PgResult against a real server: every QVariant type makes the round trip
// through a bound parameter and back, and server errors arrive as the right ErrorCode.
#include "storage/PgConnection.h"

#include "support/TestPostgres.h"

#include <QUrl>

#include <gtest/gtest.h>
#include <limits>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;

namespace {

std::string str(const QString &text)
{
    return text.toStdString();
}

class PgConnectionTest : public PostgresTest
{
protected:
    // The single value of a one-row, one-column query; fails the test on a database error.
    PgResult one(const QString &sql, const QVariantList &params = {})
    {
        Result<PgResult> result = connection().exec(sql, params);
        EXPECT_TRUE(result.ok()) << str(result.ok() ? QString() : result.error().toString());
        if (!result.ok())
            return {};
        EXPECT_EQ(result->rowCount(), 1);
        return std::move(result.value());
    }
};

} // namespace

TEST_F(PgConnectionTest, NullParametersAreSqlNull)
{
    PgResult result = one(u"SELECT $1::text IS NULL, $2::int8, $3::timestamptz IS NULL"_s,
                          {QVariant(), QVariant(), QVariant(QDateTime())});
    EXPECT_TRUE(result.toBool(0, 0));
    EXPECT_TRUE(result.isNull(0, 1));
    EXPECT_TRUE(result.toBool(0, 2)) << "an invalid QDateTime is NULL";
    // An empty string is not NULL.
    EXPECT_FALSE(one(u"SELECT $1::text IS NULL"_s, {u""_s}).toBool(0, 0));
}

TEST_F(PgConnectionTest, ScalarTypesRoundTrip)
{
    PgResult result = one(u"SELECT $1, $2, $3, $4, $5, $6 + 0"_s,
                          {true, false, std::numeric_limits<qint64>::max(), 42, 2.5, -7});
    EXPECT_TRUE(result.toBool(0, 0));
    EXPECT_FALSE(result.toBool(0, 1));
    EXPECT_EQ(result.toInt64(0, 2), std::numeric_limits<qint64>::max());
    EXPECT_EQ(result.toInt64(0, 3), 42);
    EXPECT_DOUBLE_EQ(result.toDouble(0, 4), 2.5);
    EXPECT_EQ(result.toInt64(0, 5), -7);
    EXPECT_DOUBLE_EQ(one(u"SELECT $1"_s, {0.1}).toDouble(0, 0), 0.1) << "doubles keep every digit";
}

TEST_F(PgConnectionTest, UnicodeTextRoundTrips)
{
    const QString text = u"Grüße, Здравствуйте, 你好 🎉 'quoted' \"double\" \\ back"_s;
    PgResult result = one(u"SELECT $1::text, char_length($1::text)"_s, {text});
    EXPECT_EQ(result.text(0, 0), text);
    EXPECT_EQ(result.toInt64(0, 1), text.toUcs4().size()) << "the server saw characters, not bytes";
}

TEST_F(PgConnectionTest, ByteaWithZeroBytesRoundTrips)
{
    QByteArray bytes("\x00\x01\x02\xff\xfe"
                     "abc\x00\x00",
                     10);
    for (int i = 0; i < 256; ++i)
        bytes.append(static_cast<char>(i));
    PgResult result = one(u"SELECT $1, length($1)"_s, {bytes});
    EXPECT_EQ(result.bytes(0, 0), bytes);
    EXPECT_EQ(result.toInt64(0, 1), bytes.size());

    ASSERT_TRUE(connection().execScript(u"CREATE TABLE blobs (data bytea)"_s).ok());
    ASSERT_TRUE(connection().exec(u"INSERT INTO blobs VALUES ($1)"_s, {bytes}).ok());
    EXPECT_EQ(one(u"SELECT data FROM blobs"_s).bytes(0, 0), bytes);
}

TEST_F(PgConnectionTest, StringListsBecomeArraysWithEscaping)
{
    const QStringList values = {u"a,b"_s,  u"say \"hi\""_s, u"back\\slash"_s, u""_s,
                                u"NULL"_s, u" spaced "_s,   u"{brace}"_s,     u"ünï"_s};
    PgResult result = one(u"SELECT $1, cardinality($1), ($1)[5] IS NULL, ($1)[3]"_s, {values});
    EXPECT_EQ(result.textArray(0, 0), values);
    EXPECT_EQ(result.toInt64(0, 1), values.size());
    EXPECT_FALSE(result.toBool(0, 2)) << "the string NULL is not SQL NULL";
    EXPECT_EQ(result.text(0, 3), u"back\\slash"_s);

    // Server-made arrays, with a real NULL element.
    const QStringList fromServer = one(u"SELECT ARRAY['x', NULL, 'y z']"_s).textArray(0, 0);
    ASSERT_EQ(fromServer.size(), 3);
    EXPECT_EQ(fromServer.at(0), u"x"_s);
    EXPECT_TRUE(fromServer.at(1).isNull());
    EXPECT_EQ(fromServer.at(2), u"y z"_s);
    EXPECT_EQ(one(u"SELECT $1::text[]"_s, {QStringList()}).textArray(0, 0), QStringList());
}

TEST_F(PgConnectionTest, TimestampsRoundTripInUtcWithMilliseconds)
{
    const QDateTime utc(QDate(2024, 2, 29), QTime(23, 59, 58, 123), Qt::UTC);
    PgResult result = one(u"SELECT $1, $1 = '2024-02-29 23:59:58.123+00'::timestamptz"_s, {utc});
    EXPECT_EQ(result.toDateTime(0, 0), utc);
    EXPECT_EQ(result.toDateTime(0, 0).timeSpec(), Qt::UTC);
    EXPECT_TRUE(result.toBool(0, 1)) << "the server stored the same instant";

    const QDateTime offset(QDate(2024, 7, 1), QTime(10, 0), Qt::OffsetFromUTC, -4 * 3600);
    EXPECT_EQ(one(u"SELECT $1"_s, {offset}).toDateTime(0, 0), offset.toUTC());
    EXPECT_EQ(one(u"SELECT '2024-01-01 12:00:00+05:30'::timestamptz"_s).toDateTime(0, 0),
              QDateTime(QDate(2024, 1, 1), QTime(6, 30), Qt::UTC));
    EXPECT_EQ(one(u"SHOW TimeZone"_s).text(0, 0), u"UTC"_s);
}

TEST_F(PgConnectionTest, ColumnsAffectedRowsAndScripts)
{
    ASSERT_TRUE(connection()
                    .execScript(u"CREATE TABLE items (id int PRIMARY KEY, name text);"
                                " INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'c');"_s)
                    .ok());
    Result<PgResult> updated =
        connection().exec(u"UPDATE items SET name = $1 WHERE id >= $2"_s, {u"z"_s, 2});
    ASSERT_TRUE(updated.ok());
    EXPECT_EQ(updated->affectedRows(), 2);

    Result<PgResult> rows =
        connection().exec(u"SELECT id, name AS \"Name\" FROM items ORDER BY id"_s);
    ASSERT_TRUE(rows.ok());
    EXPECT_EQ(rows->rowCount(), 3);
    EXPECT_EQ(rows->columnCount(), 2);
    EXPECT_EQ(rows->columnIndex(u"Name"_s), 1);
    EXPECT_EQ(rows->columnIndex(u"name"_s), -1) << "names match exactly";
    EXPECT_EQ(rows->columnIndex(u"missing"_s), -1);
    EXPECT_EQ(rows->text(2, 1), u"z"_s);
    EXPECT_TRUE(rows->text(7, 0).isNull()) << "outside the result";
}

TEST_F(PgConnectionTest, UniqueViolationIsAlreadyExists)
{
    ASSERT_TRUE(connection().execScript(u"CREATE TABLE names (name text UNIQUE)"_s).ok());
    ASSERT_TRUE(connection().exec(u"INSERT INTO names VALUES ($1)"_s, {u"x"_s}).ok());
    Result<PgResult> again = connection().exec(u"INSERT INTO names VALUES ($1)"_s, {u"x"_s});
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::AlreadyExists);
    EXPECT_TRUE(again.error().details.contains(u"SQLSTATE 23505"_s)) << str(again.error().details);
    EXPECT_TRUE(again.error().details.contains(u"names_name_key"_s)) << "the server's message";
    EXPECT_TRUE(connection().isHealthy());
}

TEST_F(PgConnectionTest, SyntaxErrorIsDatabaseErrorAndBadValueInvalidArgument)
{
    Result<PgResult> broken = connection().exec(u"SELEC 1"_s);
    ASSERT_FALSE(broken.ok());
    EXPECT_EQ(broken.error().code, ErrorCode::DatabaseError);
    EXPECT_TRUE(broken.error().details.startsWith(u"SQLSTATE 42601: "_s))
        << str(broken.error().details);
    EXPECT_FALSE(broken.error().message.isEmpty());

    Result<PgResult> badNumber = connection().exec(u"SELECT $1::int"_s, {u"twelve"_s});
    ASSERT_FALSE(badNumber.ok());
    EXPECT_EQ(badNumber.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(badNumber.error().details.contains(u"22P02"_s));

    EXPECT_FALSE(connection().execScript(u"SELECT 1; SELEC 2"_s).ok());
    EXPECT_TRUE(connection().isIdle()) << "the connection stays usable";
}

TEST_F(PgConnectionTest, UnsupportedParameterTypeIsRefusedBeforeSending)
{
    Result<PgResult> result =
        connection().exec(u"SELECT $1"_s, {QVariant::fromValue(QVariantMap())});
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
}

TEST_F(PgConnectionTest, KilledBackendMakesConnectionUnhealthy)
{
    auto other = PgConnection::open(conninfo());
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(
        (*other)->exec(u"SELECT pg_terminate_backend($1)"_s, {connection().backendPid()}).ok());
    Result<PgResult> after = connection().exec(u"SELECT 1"_s);
    ASSERT_FALSE(after.ok());
    EXPECT_EQ(after.error().code, ErrorCode::Unavailable) << str(after.error().toString());
    EXPECT_FALSE(connection().isHealthy());
}

TEST(PgConnectionOpenTest, UnreachableServerIsUnavailable)
{
    auto opened = PgConnection::open(u"host=/nonexistent/socket/dir port=5432 dbname=x"_s);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::Unavailable);
    EXPECT_TRUE(opened.error().details.contains(u"/nonexistent/socket/dir"_s))
        << "libpq's message: " << str(opened.error().details);
}

TEST(PgConnectionOpenTest, MalformedConnectionStringIsInvalidArgument)
{
    auto opened = PgConnection::open(u"host=x nonsense_keyword=1"_s);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::InvalidArgument);
}

TEST_F(PgConnectionTest, UriConnectionStringsWork)
{
    const QString socket = QString::fromUtf8(QUrl::toPercentEncoding(cluster().socketDirectory()));
    auto opened = PgConnection::open(u"postgresql:///postgres?host=%1&user=mailkeep"_s.arg(socket));
    ASSERT_TRUE(opened.ok()) << str(opened.error().toString());
    EXPECT_TRUE((*opened)->isIdle());
}
