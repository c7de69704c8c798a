#include "storage/PgCopyRows.h"

namespace Mailkeep::Storage {

void PgCopyRows::separate()
{
    if (m_rowStarted)
        m_data += '\t';
    m_rowStarted = true;
}

void PgCopyRows::addEscaped(const QByteArray &utf8)
{
    m_data.reserve(m_data.size() + utf8.size());
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            m_data += "\\\\";
            break;
        case '\t':
            m_data += "\\t";
            break;
        case '\n':
            m_data += "\\n";
            break;
        case '\r':
            m_data += "\\r";
            break;
        default:
            m_data += c;
        }
    }
}

void PgCopyRows::addText(const QString &text)
{
    separate();
    // A NUL cannot be stored in a PostgreSQL text value; mail text never needs one.
    addEscaped(text.toUtf8().replace('\0', ""));
}

void PgCopyRows::addBytes(const QByteArray &bytes)
{
    separate();
    // bytea hex input is \x..., and COPY's own escaping doubles the backslash.
    m_data += "\\\\x";
    m_data += bytes.toHex();
}

void PgCopyRows::addInteger(qint64 value)
{
    separate();
    m_data += QByteArray::number(value);
}

void PgCopyRows::addBool(bool value)
{
    separate();
    m_data += value ? 't' : 'f';
}

void PgCopyRows::addTime(const QDateTime &time)
{
    if (!time.isValid()) {
        addNull();
        return;
    }
    separate();
    m_data += time.toUTC().toString(Qt::ISODateWithMs).toLatin1();
}

void PgCopyRows::addTextArray(const QStringList &items)
{
    // An array literal {"a","b"} with " and \ escaped inside the quotes, then COPY-escaped.
    QByteArray literal = "{";
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (i > 0)
            literal += ',';
        literal += '"';
        const QByteArray item = items.at(i).toUtf8().replace('\0', "");
        for (const char c : item) {
            if (c == '"' || c == '\\')
                literal += '\\';
            literal += c;
        }
        literal += '"';
    }
    literal += '}';
    separate();
    addEscaped(literal);
}

void PgCopyRows::addNull()
{
    separate();
    m_data += "\\N";
}

void PgCopyRows::endRow()
{
    m_data += '\n';
    m_rowStarted = false;
    ++m_rows;
}

void PgCopyRows::clear()
{
    m_data.clear();
    m_rows = 0;
    m_rowStarted = false;
}

} // namespace Mailkeep::Storage
