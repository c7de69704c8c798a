#include "storage/PgWorkerResultStore.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

const QString kColumns =
    u"id, profile_id, profile_name, user_name, started_by, started_at, completed_at, result, "
    "items_archived, items_skipped, items_failed, report::text"_s;

Core::WorkerResult resultFromRow(const PgResult &rows, int row)
{
    Core::WorkerResult run;
    run.id = rows.toInt64(row, 0);
    if (!rows.isNull(row, 1))
        run.profileId = rows.toInt64(row, 1);
    run.profileName = rows.text(row, 2);
    run.userName = rows.text(row, 3);
    run.startedBy = rows.text(row, 4);
    run.startedAt = rows.toDateTime(row, 5);
    if (!rows.isNull(row, 6))
        run.completedAt = rows.toDateTime(row, 6);
    run.result = rows.text(row, 7);
    run.itemsArchived = rows.toInt64(row, 8);
    run.itemsSkipped = rows.toInt64(row, 9);
    run.itemsFailed = rows.toInt64(row, 10);
    run.report = QJsonDocument::fromJson(rows.text(row, 11).toUtf8()).object();
    return run;
}

QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

PgWorkerResultStore::PgWorkerResultStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<qint64> PgWorkerResultStore::begin(const Core::WorkerResult &run)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO worker_results (profile_id, profile_name, user_name, started_by, "
        "started_at, report) VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING id"_s,
        {run.profileId ? QVariant(*run.profileId) : QVariant(), run.profileName,
         run.userName.isEmpty() ? QVariant() : QVariant(run.userName), run.startedBy, run.startedAt,
         jsonText(run.report)});
    if (!rows.ok())
        return rows.error();
    return rows->toInt64(0, 0);
}

Status PgWorkerResultStore::finish(const Core::WorkerResult &run)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"UPDATE worker_results SET completed_at = $2, result = $3, items_archived = $4, "
        "items_skipped = $5, items_failed = $6, report = $7::jsonb WHERE id = $1"_s,
        {run.id, run.completedAt, run.result, run.itemsArchived, run.itemsSkipped, run.itemsFailed,
         jsonText(run.report)});
    if (!rows.ok())
        return rows.error();
    if (rows->affectedRows() == 0)
        return Error(ErrorCode::NotFound, u"There is no worker result %1."_s.arg(run.id));
    return {};
}

Result<QList<Core::WorkerResult>>
PgWorkerResultStore::results(const Core::WorkerResultFilter &filter)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT "_s + kColumns +
            u" FROM worker_results WHERE started_at >= $1 AND started_at < $2 "
            "AND ($3::bigint IS NULL OR profile_id = $3) AND ($4::text IS NULL OR user_name = $4) "
            "ORDER BY started_at DESC, id DESC"_s,
        {filter.fromIncluding, filter.toExcluding,
         filter.profileId ? QVariant(*filter.profileId) : QVariant(),
         filter.userName ? QVariant(*filter.userName) : QVariant()});
    if (!rows.ok())
        return rows.error();
    QList<Core::WorkerResult> list;
    for (int row = 0; row < rows->rowCount(); ++row)
        list.append(resultFromRow(rows.value(), row));
    return list;
}

Result<std::optional<Core::WorkerResult>> PgWorkerResultStore::result(qint64 id)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kColumns + u" FROM worker_results WHERE id = $1"_s, {id});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::WorkerResult>();
    return std::optional<Core::WorkerResult>(resultFromRow(rows.value(), 0));
}

Result<qint64> PgWorkerResultStore::closeAbandonedRuns(const QDateTime &now)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE worker_results SET result = 'threadAbort', completed_at = $1, "
                       "report = report || jsonb_build_object('error', "
                       "'The server stopped before the run ended. Run it again to complete it.') "
                       "WHERE result IS NULL"_s,
                       {now});
    if (!rows.ok())
        return rows.error();
    return rows->affectedRows();
}

} // namespace Mailkeep::Storage
