#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Storage {

// Builds the data of a COPY ... FROM STDIN (FORMAT binary): every value in PostgreSQL's
// binary send format, so neither side spends time on hex or escapes (content is most of the
// bytes). Add the columns of a row in table order with the method matching each column's
// type, end the row, and send finished().
class PgCopyRows
{
public:
    PgCopyRows();
    void addText(const QString &text);      // text; NUL characters are dropped
    void addBytes(const QByteArray &bytes); // bytea
    void addInt32(qint32 value);            // int
    void addInt64(qint64 value);            // bigint
    void addBool(bool value);
    void addTime(const QDateTime &time);         // timestamptz; invalid: NULL
    void addTextArray(const QStringList &items); // text[]
    void addNull();
    void endRow();

    // The rows with the format's trailer.
    QByteArray finished() const;
    qint64 rows() const { return m_rows; }
    void clear();

private:
    void startField(qint32 length);
    void appendInt16(qint16 value);
    void appendInt32(qint32 value);

    QByteArray m_data;
    qint64 m_rows = 0;
    qsizetype m_rowStart = -1; // where the field count of the row being added goes
    qint16 m_fields = 0;
};

} // namespace Mailkeep::Storage
