#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

struct pg_result;

namespace Mailkeep::Storage {

// The rows of one statement (owns a libpq PGresult; movable, not copyable). Values arrive in
// text format; the accessors convert them. Rows and columns count from 0. Asking outside the
// result, or for a NULL, gives an empty value (QString(), 0, false, invalid QDateTime).
class PgResult
{
public:
    PgResult() = default;
    explicit PgResult(pg_result *result); // takes ownership
    ~PgResult();
    PgResult(PgResult &&other) noexcept;
    PgResult &operator=(PgResult &&other) noexcept;
    PgResult(const PgResult &) = delete;
    PgResult &operator=(const PgResult &) = delete;

    int rowCount() const;
    int columnCount() const;
    // The column with exactly this name (case-sensitive), or -1.
    int columnIndex(const QString &name) const;
    QString columnName(int column) const;

    bool isNull(int row, int column) const;
    QString text(int row, int column) const;
    qint64 toInt64(int row, int column) const;
    double toDouble(int row, int column) const;
    bool toBool(int row, int column) const;
    // timestamptz (the connection uses TimeZone=UTC, DateStyle=ISO), timestamp or date: UTC.
    QDateTime toDateTime(int row, int column) const;
    // An array column; NULL elements are null QStrings.
    QStringList textArray(int row, int column) const;
    // A bytea column.
    QByteArray bytes(int row, int column) const;

    // Rows an INSERT/UPDATE/DELETE/... touched (0 for statements that report none).
    qint64 affectedRows() const;
    // The command tag, e.g. "INSERT 0 1" or "ROLLBACK".
    QString commandStatus() const;

private:
    const char *raw(int row, int column) const;

    pg_result *m_result = nullptr;
};

} // namespace Mailkeep::Storage
