#include "connectors/microsoft365/GraphJson.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

QJsonObject lenientJson(const QByteArray &body)
{
    QJsonParseError error;
    QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::IllegalUTF8String)
        document = QJsonDocument::fromJson(QString::fromUtf8(body).toUtf8(), &error);
    return document.object();
}

Result<QJsonObject> graphJson(GraphSession &session, const QUrl &url, const GraphRefusal &refusal,
                              const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    HttpRequest request;
    request.url = url;
    request.headers = headers;
    request.headers.append(std::pair<QByteArray, QByteArray>("Accept", "application/json"));
    Result<HttpResponse> response = session.one(request);
    if (!response.ok())
        return response.error();
    if (response->status != 200)
        return refusal(response.value());
    return lenientJson(response->body);
}

Result<QList<QJsonObject>> graphList(GraphSession &session, const QUrl &first,
                                     const GraphRefusal &refusal,
                                     const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    QList<QJsonObject> items;
    QUrl next = first;
    while (next.isValid() && !next.isEmpty()) {
        Result<QJsonObject> page = graphJson(session, next, refusal, headers);
        if (!page.ok())
            return page.error();
        for (const QJsonValue &item : page->value(u"value"_s).toArray())
            items.append(item.toObject());
        next = QUrl(page->value(u"@odata.nextLink"_s).toString());
    }
    return items;
}

} // namespace Mailkeep::Connectors
