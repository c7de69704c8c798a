#include "storage/PgError.h"

#include <libpq-fe.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

QString messageFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::AlreadyExists:
        return u"The database already holds a record with the same unique key."_s;
    case ErrorCode::Conflict:
        return u"The database transaction collided with a concurrent one; try again."_s;
    case ErrorCode::Unavailable:
        return u"The database is not available."_s;
    case ErrorCode::InvalidArgument:
        return u"The database refused a value as invalid."_s;
    default:
        return u"The database statement failed."_s;
    }
}

QString field(const pg_result *result, int code)
{
    return QString::fromUtf8(PQresultErrorField(result, code)).trimmed();
}

} // namespace

ErrorCode errorCodeForSqlState(const QString &sqlState)
{
    if (sqlState == "23505"_L1)
        return ErrorCode::AlreadyExists;
    if (sqlState == "40001"_L1 || sqlState == "40P01"_L1)
        return ErrorCode::Conflict;
    if (sqlState.startsWith("08"_L1) || sqlState == "57P01"_L1 || sqlState == "57P02"_L1 ||
        sqlState == "57P03"_L1)
        return ErrorCode::Unavailable;
    if (sqlState.startsWith("22"_L1) || sqlState.startsWith("23"_L1))
        return ErrorCode::InvalidArgument;
    return ErrorCode::DatabaseError;
}

Error errorFromResult(const pg_result *result, const pg_conn *connection)
{
    const QString sqlState = result ? field(result, PG_DIAG_SQLSTATE) : QString();
    const bool broken = PQstatus(connection) == CONNECTION_BAD;
    if (sqlState.isEmpty()) {
        // libpq made this error up itself (lost connection, out of memory): no SQLSTATE.
        const char *text = result ? PQresultErrorMessage(result) : PQerrorMessage(connection);
        const ErrorCode code =
            broken || !result ? ErrorCode::Unavailable : ErrorCode::DatabaseError;
        return Error(code, messageFor(code), QString::fromUtf8(text).trimmed());
    }
    const ErrorCode code = errorCodeForSqlState(sqlState);
    QString details = u"SQLSTATE "_s + sqlState + u": "_s + field(result, PG_DIAG_MESSAGE_PRIMARY);
    if (const QString detail = field(result, PG_DIAG_MESSAGE_DETAIL); !detail.isEmpty())
        details += u"; "_s + detail;
    return Error(code, messageFor(code), details);
}

} // namespace Mailkeep::Storage
