#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Storage {

// Builds the data of a COPY ... FROM STDIN in PostgreSQL's text format: columns separated by
// tabs, rows ended by newlines, NULL as \N, and backslash, tab, newline and carriage return
// escaped. Add the columns of a row in table order, then end the row.
class PgCopyRows
{
public:
    void addText(const QString &text);
    void addBytes(const QByteArray &bytes); // bytea, hex format
    void addInteger(qint64 value);
    void addBool(bool value);
    void addTime(const QDateTime &time); // invalid: NULL
    void addTextArray(const QStringList &items);
    void addNull();
    void endRow();

    const QByteArray &data() const { return m_data; }
    qint64 rows() const { return m_rows; }
    void clear();

private:
    void separate();
    void addEscaped(const QByteArray &utf8);

    QByteArray m_data;
    qint64 m_rows = 0;
    bool m_rowStarted = false;
};

} // namespace Mailkeep::Storage
