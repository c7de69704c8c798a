#pragma once

#include "model/Error.h"

#include <QString>

struct pg_conn;
struct pg_result;

namespace Mailkeep::Storage {

// The ErrorCode callers branch on for a SQLSTATE: 23505 AlreadyExists; 40001/40P01 Conflict
// (retry); class 08 and 57P01-57P03 Unavailable; other classes 22 and 23 InvalidArgument
// (the data was refused); anything else DatabaseError.
ErrorCode errorCodeForSqlState(const QString &sqlState);

// An Error for a failed statement: a sentence for the code, and in details "SQLSTATE xxxxx: "
// with the server's primary message and its DETAIL line. A null result, or a result without
// SQLSTATE on a broken connection, means the server went away: Unavailable with libpq's text.
Error errorFromResult(const pg_result *result, const pg_conn *connection);

} // namespace Mailkeep::Storage
