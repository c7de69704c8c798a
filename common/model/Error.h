#pragma once

#include <QString>

namespace Mailkeep {

// What went wrong, as a category callers can branch on. Append only: codes are logged and
// compared in tests by name.
enum class ErrorCode
{
    InvalidArgument, // the caller asked for something malformed
    NotFound,
    AlreadyExists,
    PermissionDenied, // authenticated, but not allowed
    Unauthenticated,  // unknown user or wrong password
    Cancelled,
    Unavailable, // a dependency (database, network peer) cannot be reached right now
    Conflict,    // concurrent change, serialisation failure
    IoError,
    DatabaseError,
    Unsupported,
    Internal,
};

QString errorCodeName(ErrorCode code);

// An error value: a code, a sentence for the person reading it, and optional technical details.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    QString details;

    Error() = default;
    Error(ErrorCode errorCode, QString errorMessage, QString errorDetails = {})
        : code(errorCode)
        , message(std::move(errorMessage))
        , details(std::move(errorDetails))
    {}

    // "message (details)" for logs.
    QString toString() const;
};

} // namespace Mailkeep
