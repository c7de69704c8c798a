#pragma once

#include "model/Result.h"
#include "storage/PgResult.h"

#include <QString>
#include <QVariantList>

#include <memory>

struct pg_conn;

namespace Mailkeep::Storage {

// One libpq connection. Not thread-safe: use it from one thread at a time (the pool hands each
// thread its own). Every session runs with client_encoding UTF8, TimeZone UTC and DateStyle
// ISO, which PgResult's conversions rely on.
class PgConnection
{
public:
    // conninfo: a libpq keyword string ("host=/run/x dbname=y") or a postgresql:// URI.
    // A malformed string is InvalidArgument; a server that cannot be reached is Unavailable.
    static Result<std::unique_ptr<PgConnection>> open(const QString &conninfo);
    ~PgConnection();
    PgConnection(const PgConnection &) = delete;
    PgConnection &operator=(const PgConnection &) = delete;

    // One statement with its parameters bound to $1..$n (see PgParameters.h for the mapping
    // of QVariant types). Values are never spliced into the SQL text.
    Result<PgResult> exec(const QString &sql, const QVariantList &params = {});
    // Several statements separated by semicolons, without parameters (migrations, set-up).
    // Outside a transaction they run as one implicit transaction.
    Status execScript(const QString &sql);
    // COPY ... FROM STDIN with `data` in COPY's text format (see PgCopyRows): one round trip
    // for many rows. Returns the number of rows copied.
    Result<qint64> copyIn(const QString &copySql, const QByteArray &data);

    // The connection is up (it may still be inside a transaction).
    bool isHealthy() const;
    // The session is idle and outside any transaction block.
    bool isIdle() const;
    // The session is inside a transaction block whose statement failed (only ROLLBACK works).
    bool isInFailedTransaction() const;
    // The server process' PID, e.g. for pg_terminate_backend in tests.
    int backendPid() const;

private:
    explicit PgConnection(pg_conn *connection);
    Result<PgResult> checked(pg_result *result);

    pg_conn *m_connection;
};

} // namespace Mailkeep::Storage
