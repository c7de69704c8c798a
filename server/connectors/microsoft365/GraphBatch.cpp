#include "connectors/microsoft365/GraphBatch.h"

#include "connectors/microsoft365/GraphJson.h"
#include "connectors/microsoft365/GraphMailboxClient.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

constexpr int kMostAttempts = 12;

HttpResponse partAnswer(const QJsonObject &answer)
{
    HttpResponse response;
    response.status = answer.value(u"status"_s).toInt();
    const QJsonObject headers = answer.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        response.headers.insert(it.key().toLower().toUtf8(), it.value().toString().toUtf8());
    const QJsonValue body = answer.value(u"body"_s);
    if (body.isString() && !response.headers.value("content-type").startsWith("application/json"))
        response.body = QByteArray::fromBase64(body.toString().toLatin1());
    else if (body.isObject())
        response.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
    else if (body.isString())
        response.body = body.toString().toUtf8();
    return response;
}

} // namespace

void runBatched(GraphSession &session, const QUrl &batchUrl, const QList<BatchPart> &parts,
                const std::function<void(qsizetype, Result<HttpResponse>)> &done)
{
    QList<qsizetype> waiting;
    for (qsizetype i = 0; i < parts.size(); ++i)
        waiting << i;
    QHash<qsizetype, int> attempts;
    while (!waiting.isEmpty()) {
        const QList<qsizetype> chunk = waiting.mid(0, kMostPartsPerBatch);
        waiting.remove(0, chunk.size());
        QJsonArray requests;
        for (const qsizetype index : chunk)
            requests.append(QJsonObject{{u"id"_s, QString::number(index)},
                                        {u"method"_s, QString::fromLatin1(parts.at(index).method)},
                                        {u"url"_s, parts.at(index).url}});
        HttpRequest request;
        request.verb = "POST";
        request.url = batchUrl;
        request.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
        request.body =
            QJsonDocument(QJsonObject{{u"requests"_s, requests}}).toJson(QJsonDocument::Compact);
        request.weight = static_cast<int>(chunk.size());
        Result<HttpResponse> outer = session.one(request);
        if (outer.ok() && outer->status != 200)
            outer = GraphMailboxClient::graphError(outer.value(), u"a batch of requests"_s);
        if (!outer.ok()) {
            for (const qsizetype index : chunk)
                done(index, outer.error());
            for (const qsizetype index : std::as_const(waiting))
                done(index, outer.error());
            return;
        }
        QSet<qsizetype> answered;
        QByteArray longestWait;
        double longestSeconds = -1;
        for (const QJsonValue &value : lenientJson(outer->body).value(u"responses"_s).toArray()) {
            bool number = false;
            const qsizetype index = value[u"id"_s].toString().toLongLong(&number);
            if (!number || !chunk.contains(index) || answered.contains(index))
                continue;
            answered.insert(index);
            const HttpResponse part = partAnswer(value.toObject());
            const bool throttled = part.status == 429 || part.status == 503 || part.status == 504;
            if (throttled && ++attempts[index] < kMostAttempts) {
                waiting.prepend(index);
                const QByteArray retryAfter = part.headers.value("retry-after");
                const double seconds = retryAfter.isEmpty() ? 0 : retryAfter.toDouble();
                if (seconds >= longestSeconds) {
                    longestSeconds = seconds;
                    longestWait = retryAfter;
                }
                continue;
            }
            done(index, part);
        }
        // A part the answer left out goes again (Graph answers every part; this is a guard).
        for (const qsizetype index : chunk) {
            if (!answered.contains(index)) {
                if (++attempts[index] < kMostAttempts)
                    waiting.append(index);
                else
                    done(index, Error(ErrorCode::Unavailable,
                                      u"Microsoft Graph left a batch request unanswered."_s));
            }
        }
        if (longestSeconds >= 0)
            session.pause(longestWait, attempts.value(chunk.first()));
    }
}

} // namespace Mailkeep::Connectors
