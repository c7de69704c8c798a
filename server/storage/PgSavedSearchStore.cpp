#include "storage/PgSavedSearchStore.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {
QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}
} // namespace

PgSavedSearchStore::PgSavedSearchStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Status PgSavedSearchStore::save(qint64 userId, const Core::SavedSearch &search)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO saved_searches (user_id, name, query, folder, sort) VALUES ($1, $2, $3, $4, "
        "$5) ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query, folder = "
        "EXCLUDED.folder, sort = EXCLUDED.sort, created_at = now()"_s,
        {userId, search.name, search.query, nullIfEmpty(search.folder), nullIfEmpty(search.sort)});
    if (!rows.ok())
        return rows.error();
    return {};
}

Result<QList<Core::SavedSearch>> PgSavedSearchStore::list(qint64 userId)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT name, query, folder, sort, created_at FROM saved_searches WHERE user_id = $1 "
        "ORDER BY name"_s,
        {userId});
    if (!rows.ok())
        return rows.error();
    QList<Core::SavedSearch> searches;
    for (int row = 0; row < rows->rowCount(); ++row)
        searches.append({rows->text(row, 0), rows->text(row, 1), rows->text(row, 2),
                         rows->text(row, 3), rows->toDateTime(row, 4)});
    return searches;
}

Result<bool> PgSavedSearchStore::remove(qint64 userId, const QString &name)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"DELETE FROM saved_searches WHERE user_id = $1 AND name = $2"_s, {userId, name});
    if (!rows.ok())
        return rows.error();
    return rows->affectedRows() > 0;
}

} // namespace Mailkeep::Storage
