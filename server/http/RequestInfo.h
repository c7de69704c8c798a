#pragma once

#include "core/Identity.h"

#include <QByteArray>
#include <QString>

class QHttpServerRequest;

namespace Mailkeep::Http {

// The parts of a request the API needs, copied out of QHttpServerRequest (which is reused for
// the connection's next request) so they can travel to worker threads and outlive the call.
struct RequestInfo
{
    enum class Route
    {
        Invoke,
        Metadata,
        Status,
        Cancel,
        Unknown,
    };

    Route route = Route::Unknown;
    QString functionName; // for Invoke
    bool isPost = false;
    bool isGet = false;
    QByteArray body;
    QByteArray authorization;
    QString clientAddress;
    Core::ClientKind clientKind = Core::ClientKind::Api;
    bool closeConnection = false;

    static RequestInfo from(const QHttpServerRequest &request);
};

// "/api//get-status/" -> "/api/get-status": old clients send doubled slashes.
QString normalisedPath(const QString &path);

} // namespace Mailkeep::Http
