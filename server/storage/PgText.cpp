#include "storage/PgText.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage::PgText {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Reads the decimal digits at text[pos...], advancing pos; -1 when there are none.
qint64 readNumber(QByteArrayView text, qsizetype &pos, int *digitCount = nullptr)
{
    qint64 value = 0;
    const qsizetype start = pos;
    while (pos < text.size() && isDigit(text[pos]) && pos - start < 12)
        value = value * 10 + (text[pos++] - '0');
    if (digitCount)
        *digitCount = static_cast<int>(pos - start);
    return pos == start ? -1 : value;
}

bool expect(QByteArrayView text, qsizetype &pos, char c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

// An empty element ("") must stay distinguishable from NULL, which is a null QString.
QString nonNull(QString text)
{
    if (text.isNull())
        text = QStringLiteral("");
    return text;
}

} // namespace

QByteArray arrayLiteral(const QStringList &values)
{
    QByteArray literal = "{";
    for (qsizetype i = 0; i < values.size(); ++i) {
        if (i > 0)
            literal += ',';
        literal += '"';
        for (const char c : values.at(i).toUtf8()) {
            if (c == '"' || c == '\\')
                literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    literal += '}';
    return literal;
}

QStringList parseArray(QByteArrayView text)
{
    QStringList elements;
    qsizetype pos = 0;
    if (text.startsWith('[')) { // "[1:2]={...}" for arrays whose lower bound is not 1
        const qsizetype equals = text.indexOf('=');
        if (equals < 0)
            return elements;
        pos = equals + 1;
    }
    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '{' || c == '}' || c == ',' || isBlank(c)) {
            ++pos;
            continue;
        }
        QByteArray element;
        if (c == '"') {
            for (++pos; pos < text.size() && text[pos] != '"'; ++pos) {
                if (text[pos] == '\\' && pos + 1 < text.size())
                    ++pos;
                element += text[pos];
            }
            ++pos; // closing quote
            elements.append(nonNull(QString::fromUtf8(element)));
            continue;
        }
        // Unquoted: up to the next delimiter; trailing blanks are not part of the value, but
        // escaped characters are, so remember where the last escaped one ended.
        qsizetype keep = 0;
        bool escaped = false;
        for (; pos < text.size() && text[pos] != ',' && text[pos] != '}'; ++pos) {
            if (text[pos] == '\\' && pos + 1 < text.size()) {
                element += text[++pos];
                keep = element.size();
                escaped = true;
                continue;
            }
            element += text[pos];
        }
        while (element.size() > keep && isBlank(element.back()))
            element.chop(1);
        if (!escaped && element.compare("NULL", Qt::CaseInsensitive) == 0)
            elements.append(QString());
        else
            elements.append(nonNull(QString::fromUtf8(element)));
    }
    return elements;
}

QByteArray timestampLiteral(const QDateTime &dateTime)
{
    const QDateTime utc = dateTime.toUTC();
    const QDate date = utc.date();
    const QTime time = utc.time();
    // QDate counts 1 BC as year -1; PostgreSQL writes it as "0001 ... BC".
    const int year = date.year();
    const QString text = u"%1-%2-%3T%4:%5:%6.%7Z"_s.arg(std::abs(year), 4, 10, QLatin1Char('0'))
                             .arg(date.month(), 2, 10, QLatin1Char('0'))
                             .arg(date.day(), 2, 10, QLatin1Char('0'))
                             .arg(time.hour(), 2, 10, QLatin1Char('0'))
                             .arg(time.minute(), 2, 10, QLatin1Char('0'))
                             .arg(time.second(), 2, 10, QLatin1Char('0'))
                             .arg(time.msec(), 3, 10, QLatin1Char('0'));
    return year < 0 ? text.toLatin1() + " BC" : text.toLatin1();
}

QDateTime parseTimestamp(QByteArrayView text)
{
    qsizetype pos = 0;
    const qint64 year = readNumber(text, pos);
    if (year < 0 || !expect(text, pos, '-'))
        return {};
    const qint64 month = readNumber(text, pos);
    if (month < 0 || !expect(text, pos, '-'))
        return {};
    const qint64 day = readNumber(text, pos);
    if (day < 0)
        return {};

    qint64 hour = 0, minute = 0, second = 0, msec = 0;
    if (expect(text, pos, ' ') || expect(text, pos, 'T')) {
        hour = readNumber(text, pos);
        if (hour < 0 || !expect(text, pos, ':'))
            return {};
        minute = readNumber(text, pos);
        if (minute < 0 || !expect(text, pos, ':'))
            return {};
        second = readNumber(text, pos);
        if (second < 0)
            return {};
        if (expect(text, pos, '.')) {
            int digits = 0;
            qint64 fraction = readNumber(text, pos, &digits);
            for (; digits > 3; --digits)
                fraction /= 10;
            for (; digits < 3; ++digits)
                fraction *= 10;
            msec = fraction;
        }
    }

    qint64 offsetSeconds = 0;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos++] == '-' ? -1 : 1;
        const qint64 offsetHours = readNumber(text, pos);
        if (offsetHours < 0)
            return {};
        qint64 offsetMinutes = 0, offsetSecs = 0;
        if (expect(text, pos, ':'))
            offsetMinutes = readNumber(text, pos);
        if (expect(text, pos, ':'))
            offsetSecs = readNumber(text, pos);
        offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60 + offsetSecs);
    } else if (expect(text, pos, 'Z')) {
        offsetSeconds = 0;
    }
    const bool beforeChrist = text.sliced(pos).trimmed() == "BC";

    const QDate date(static_cast<int>(beforeChrist ? -year : year), static_cast<int>(month),
                     static_cast<int>(day));
    const QTime time(static_cast<int>(hour), static_cast<int>(minute), static_cast<int>(second),
                     static_cast<int>(msec));
    if (!date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC).addSecs(-offsetSeconds);
}

QByteArray decodeBytea(QByteArrayView text)
{
    if (text.startsWith("\\x"))
        return QByteArray::fromHex(text.sliced(2).toByteArray());
    // Escape format: \\ is a backslash, \ooo an octal byte, everything else literal.
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == '\\') {
            bytes += '\\';
            ++i;
        } else if (text[i] == '\\' && i + 3 < text.size() && isDigit(text[i + 1])) {
            const int value =
                (text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 + (text[i + 3] - '0');
            bytes += static_cast<char>(value);
            i += 3;
        } else {
            bytes += text[i];
        }
    }
    return bytes;
}

QString quoteIdentifier(const QString &identifier)
{
    QString quoted = identifier;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace Mailkeep::Storage::PgText
