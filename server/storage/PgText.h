#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QString>
#include <QStringList>

// Conversions between Qt values and PostgreSQL's text formats. Pure functions without libpq, so
// the escaping rules are unit-tested without a server.
namespace Mailkeep::Storage::PgText {

// An array literal for a text[] parameter: every element double-quoted, so commas, braces,
// blanks, quotes, backslashes and the word NULL survive. Null QStrings become empty strings.
QByteArray arrayLiteral(const QStringList &values);

// Parses the text form of a one- or multi-dimensional array ({a,"b c",NULL}); nested arrays
// are flattened and an optional dimension decoration ([0:1]={...}) is skipped. An unquoted
// NULL element becomes a null QString.
QStringList parseArray(QByteArrayView text);

// ISO 8601 UTC with milliseconds ("2024-05-01T10:20:30.123Z", " BC" appended before year 1).
QByteArray timestampLiteral(const QDateTime &dateTime);

// Parses timestamptz/timestamp/date output in DateStyle ISO ("2024-05-01 12:20:30.123456+02",
// offsets with minutes or seconds, " BC"). Returns a UTC QDateTime, cut to milliseconds;
// an invalid one for infinity or text that is no timestamp. No offset is taken as UTC.
QDateTime parseTimestamp(QByteArrayView text);

// Decodes bytea output in hex format (\x0001ff) or the older escape format.
QByteArray decodeBytea(QByteArrayView text);

// A double-quoted SQL identifier ("My ""odd"" name").
QString quoteIdentifier(const QString &identifier);

} // namespace Mailkeep::Storage::PgText
