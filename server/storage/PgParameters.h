#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QStringList>
#include <QVariantList>

#include <vector>

namespace Mailkeep::Storage {

// QVariants turned into the parallel arrays PQexecParams wants. Every value is sent in text
// format except QByteArray, which goes as binary bytea so zero bytes need no escaping.
// Types: bool, integers, floating point, QDateTime, QDate and QByteArray carry their SQL type
// (so "SELECT $1" is typed); QString is left to the server to infer (it fits any column);
// QStringList is text[]. A null or invalid QVariant, and an invalid QDateTime, is SQL NULL.
class PgParameters
{
public:
    static Result<PgParameters> bind(const QVariantList &values);

    int count() const { return static_cast<int>(m_storage.size()); }
    const unsigned int *types() const { return m_types.data(); }
    const char *const *values() const { return m_values.data(); }
    const int *lengths() const { return m_lengths.data(); }
    const int *formats() const { return m_formats.data(); }

private:
    std::vector<QByteArray> m_storage; // owns the bytes m_values points into
    std::vector<const char *> m_values;
    std::vector<int> m_lengths;
    std::vector<int> m_formats;
    std::vector<unsigned int> m_types; // PostgreSQL Oids (unsigned int in libpq)
};

// Ids as one parameter for "= ANY($n::bigint[])" (a text[] PostgreSQL casts).
inline QStringList idArray(const QList<qint64> &ids)
{
    QStringList texts;
    texts.reserve(ids.size());
    for (const qint64 id : ids)
        texts << QString::number(id);
    return texts;
}

} // namespace Mailkeep::Storage
