#pragma once

#include "connectors/microsoft365/GraphSession.h"

#include <QJsonObject>

namespace Mailkeep::Connectors {

// A JSON answer of Graph. Exchange sometimes puts invalid UTF-8 into JSON strings; one bad
// message must not break a whole page, so such text is read with replacement characters.
QJsonObject lenientJson(const QByteArray &body);

using GraphRefusal = std::function<Error(const HttpResponse &)>;

// GET url as JSON; an answer other than 200 becomes refusal's error.
Result<QJsonObject> graphJson(GraphSession &session, const QUrl &url, const GraphRefusal &refusal,
                              const QList<std::pair<QByteArray, QByteArray>> &headers = {});
// Every page of a Graph list: the value arrays joined, @odata.nextLink followed as it is
// (its $skiptoken is opaque).
Result<QList<QJsonObject>> graphList(GraphSession &session, const QUrl &first,
                                     const GraphRefusal &refusal,
                                     const QList<std::pair<QByteArray, QByteArray>> &headers = {});

} // namespace Mailkeep::Connectors
