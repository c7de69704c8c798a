#include "storage/PgResult.h"

#include "storage/PgText.h"

#include <QtNumeric>

#include <libpq-fe.h>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

PgResult::PgResult(pg_result *result)
    : m_result(result)
{}

PgResult::~PgResult()
{
    PQclear(m_result); // accepts nullptr
}

PgResult::PgResult(PgResult &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
{}

PgResult &PgResult::operator=(PgResult &&other) noexcept
{
    if (this != &other) {
        PQclear(m_result);
        m_result = std::exchange(other.m_result, nullptr);
    }
    return *this;
}

int PgResult::rowCount() const
{
    return m_result ? PQntuples(m_result) : 0;
}

int PgResult::columnCount() const
{
    return m_result ? PQnfields(m_result) : 0;
}

int PgResult::columnIndex(const QString &name) const
{
    if (!m_result)
        return -1;
    // PQfnumber folds unquoted names to lower case; quoting makes the match exact.
    return PQfnumber(m_result, PgText::quoteIdentifier(name).toUtf8().constData());
}

QString PgResult::columnName(int column) const
{
    return m_result ? QString::fromUtf8(PQfname(m_result, column)) : QString();
}

const char *PgResult::raw(int row, int column) const
{
    if (!m_result || row < 0 || row >= rowCount() || column < 0 || column >= columnCount())
        return nullptr;
    if (PQgetisnull(m_result, row, column))
        return nullptr;
    return PQgetvalue(m_result, row, column);
}

bool PgResult::isNull(int row, int column) const
{
    return raw(row, column) == nullptr;
}

QString PgResult::text(int row, int column) const
{
    const char *value = raw(row, column);
    return value ? QString::fromUtf8(value, PQgetlength(m_result, row, column)) : QString();
}

qint64 PgResult::toInt64(int row, int column) const
{
    const char *value = raw(row, column);
    return value ? QByteArrayView(value).toLongLong() : 0;
}

double PgResult::toDouble(int row, int column) const
{
    const char *value = raw(row, column);
    if (!value)
        return 0.0;
    const QByteArrayView text(value);
    // QByteArray::toDouble does not know PostgreSQL's spellings of the special values.
    if (text == "NaN")
        return qQNaN();
    if (text == "Infinity")
        return qInf();
    if (text == "-Infinity")
        return -qInf();
    return text.toDouble();
}

bool PgResult::toBool(int row, int column) const
{
    const char *value = raw(row, column);
    return value && (value[0] == 't' || value[0] == 'T' || value[0] == '1');
}

QDateTime PgResult::toDateTime(int row, int column) const
{
    const char *value = raw(row, column);
    return value ? PgText::parseTimestamp(QByteArrayView(value)) : QDateTime();
}

QStringList PgResult::textArray(int row, int column) const
{
    const char *value = raw(row, column);
    return value ? PgText::parseArray(QByteArrayView(value)) : QStringList();
}

QByteArray PgResult::bytes(int row, int column) const
{
    const char *value = raw(row, column);
    return value ? PgText::decodeBytea(QByteArrayView(value, PQgetlength(m_result, row, column)))
                 : QByteArray();
}

qint64 PgResult::affectedRows() const
{
    return m_result ? QByteArrayView(PQcmdTuples(m_result)).toLongLong() : 0;
}

QString PgResult::commandStatus() const
{
    return m_result ? QString::fromUtf8(PQcmdStatus(m_result)) : QString();
}

} // namespace Mailkeep::Storage
