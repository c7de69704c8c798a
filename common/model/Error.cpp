#include "model/Error.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return u"invalidArgument"_s;
    case ErrorCode::NotFound:
        return u"notFound"_s;
    case ErrorCode::AlreadyExists:
        return u"alreadyExists"_s;
    case ErrorCode::PermissionDenied:
        return u"permissionDenied"_s;
    case ErrorCode::Unauthenticated:
        return u"unauthenticated"_s;
    case ErrorCode::Cancelled:
        return u"cancelled"_s;
    case ErrorCode::Unavailable:
        return u"unavailable"_s;
    case ErrorCode::Conflict:
        return u"conflict"_s;
    case ErrorCode::IoError:
        return u"ioError"_s;
    case ErrorCode::DatabaseError:
        return u"databaseError"_s;
    case ErrorCode::Unsupported:
        return u"unsupported"_s;
    case ErrorCode::Internal:
        return u"internal"_s;
    }
    return u"internal"_s;
}

QString Error::toString() const
{
    return details.isEmpty() ? message : message + u" ("_s + details + u')';
}

} // namespace Mailkeep
