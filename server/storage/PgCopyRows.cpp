#include "storage/PgCopyRows.h"

#include <QtEndian>

#include <cstring>

namespace Mailkeep::Storage {

namespace {

// The signature, flags (no OIDs) and an empty header extension.
constexpr char kHeader[] = "PGCOPY\n\377\r\n";
constexpr qint64 kPostgresEpochMicros = 946684800LL * 1000000; // 2000-01-01 in Unix time
constexpr qint32 kTextOid = 25;

QByteArray utf8WithoutNul(const QString &text)
{
    // A NUL cannot be stored in a PostgreSQL text value; mail text never needs one.
    QByteArray utf8 = text.toUtf8();
    utf8.replace('\0', QByteArrayView());
    return utf8;
}

} // namespace

PgCopyRows::PgCopyRows()
{
    clear();
}

void PgCopyRows::clear()
{
    m_data.clear();
    m_data.append(kHeader, sizeof kHeader); // with its closing NUL, which the format wants
    appendInt32(0);
    appendInt32(0);
    m_rows = 0;
    m_rowStart = -1;
    m_fields = 0;
}

void PgCopyRows::appendInt16(qint16 value)
{
    const qint16 big = qToBigEndian(value);
    m_data.append(reinterpret_cast<const char *>(&big), sizeof big);
}

void PgCopyRows::appendInt32(qint32 value)
{
    const qint32 big = qToBigEndian(value);
    m_data.append(reinterpret_cast<const char *>(&big), sizeof big);
}

void PgCopyRows::startField(qint32 length)
{
    if (m_rowStart < 0) {
        m_rowStart = m_data.size();
        appendInt16(0); // the field count, filled in by endRow
    }
    ++m_fields;
    appendInt32(length);
}

void PgCopyRows::addText(const QString &text)
{
    const QByteArray utf8 = utf8WithoutNul(text);
    startField(static_cast<qint32>(utf8.size()));
    m_data += utf8;
}

void PgCopyRows::addBytes(const QByteArray &bytes)
{
    startField(static_cast<qint32>(bytes.size()));
    m_data += bytes;
}

void PgCopyRows::addInt32(qint32 value)
{
    startField(4);
    appendInt32(value);
}

void PgCopyRows::addInt64(qint64 value)
{
    startField(8);
    const qint64 big = qToBigEndian(value);
    m_data.append(reinterpret_cast<const char *>(&big), sizeof big);
}

void PgCopyRows::addBool(bool value)
{
    startField(1);
    m_data += value ? '\1' : '\0';
}

void PgCopyRows::addTime(const QDateTime &time)
{
    if (!time.isValid()) {
        addNull();
        return;
    }
    // Microseconds since 2000-01-01 UTC: the integer timestamp of every supported server.
    const qint64 micros = time.toMSecsSinceEpoch() * 1000 - kPostgresEpochMicros;
    const qint64 big = qToBigEndian(micros);
    startField(8);
    m_data.append(reinterpret_cast<const char *>(&big), sizeof big);
}

void PgCopyRows::addTextArray(const QStringList &items)
{
    // One dimension, no NULLs, elements of type text; an empty array has no dimension.
    QByteArray array;
    const auto append32 = [&array](qint32 value) {
        const qint32 big = qToBigEndian(value);
        array.append(reinterpret_cast<const char *>(&big), sizeof big);
    };
    append32(items.isEmpty() ? 0 : 1);
    append32(0);
    append32(kTextOid);
    if (!items.isEmpty()) {
        append32(static_cast<qint32>(items.size()));
        append32(1);
        for (const QString &item : items) {
            const QByteArray utf8 = utf8WithoutNul(item);
            append32(static_cast<qint32>(utf8.size()));
            array += utf8;
        }
    }
    addBytes(array);
}

void PgCopyRows::addNull()
{
    startField(-1);
}

void PgCopyRows::endRow()
{
    const qint16 big = qToBigEndian(m_fields);
    std::memcpy(m_data.data() + m_rowStart, &big, sizeof big);
    m_rowStart = -1;
    m_fields = 0;
    ++m_rows;
}

QByteArray PgCopyRows::finished() const
{
    QByteArray data = m_data;
    const qint16 trailer = qToBigEndian(qint16(-1));
    data.append(reinterpret_cast<const char *>(&trailer), sizeof trailer);
    return data;
}

} // namespace Mailkeep::Storage
