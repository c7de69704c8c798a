#include "api/Envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Api {

QString statusCodeName(StatusCode code)
{
    switch (code) {
    case StatusCode::Succeeded:
        return u"succeeded"_s;
    case StatusCode::Failed:
        return u"failed"_s;
    case StatusCode::Running:
        return u"running"_s;
    case StatusCode::Cancelled:
        return u"cancelled"_s;
    }
    return u"failed"_s;
}

std::optional<StatusCode> statusCodeFromName(const QString &name)
{
    for (StatusCode code :
         {StatusCode::Succeeded, StatusCode::Failed, StatusCode::Running, StatusCode::Cancelled}) {
        if (statusCodeName(code) == name)
            return code;
    }
    return std::nullopt;
}

namespace {

// One JSON value in compact form; QJsonDocument only serialises objects and arrays, so a
// scalar is wrapped in an array and unwrapped again.
QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    if (value.isNull() || value.isUndefined())
        return "null";
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

QByteArray stringOrNull(const QString &text)
{
    return text.isEmpty() ? QByteArray("null") : compactJson(QJsonValue(text));
}

} // namespace

QByteArray Envelope::serialize() const
{
    QByteArray errorJson("null");
    if (error) {
        errorJson = "{\"message\":" + compactJson(QJsonValue(error->message)) +
                    ",\"details\":" + stringOrNull(error->details) + '}';
    }
    QByteArray body("\xEF\xBB\xBF");
    body += "{\"error\":" + errorJson;
    body += ",\"token\":" + stringOrNull(token);
    body += ",\"statusVersion\":" + QByteArray::number(statusVersion);
    body += ",\"statusCode\":\"" + statusCodeName(statusCode).toLatin1() + '"';
    body += ",\"percentProgress\":" +
            (percentProgress ? QByteArray::number(*percentProgress) : QByteArray("null"));
    body += ",\"statusText\":" + stringOrNull(statusText);
    body += ",\"result\":" + compactJson(result);
    body += ",\"logOutput\":" + stringOrNull(logOutput);
    body += '}';
    return body;
}

Result<Envelope> Envelope::parse(const QByteArray &body)
{
    QByteArray json = body;
    if (json.startsWith("\xEF\xBB\xBF"))
        json.remove(0, 3);
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QJsonObject object = document.object();
    const auto code = statusCodeFromName(object.value(u"statusCode"_s).toString());
    if (parseError.error != QJsonParseError::NoError || !document.isObject() || !code) {
        return Error(ErrorCode::InvalidArgument, u"The server's answer is not an API envelope."_s,
                     parseError.errorString());
    }
    Envelope envelope;
    envelope.statusCode = *code;
    envelope.token = object.value(u"token"_s).toString();
    envelope.statusVersion = object.value(u"statusVersion"_s).toInteger();
    if (object.value(u"percentProgress"_s).isDouble())
        envelope.percentProgress = object.value(u"percentProgress"_s).toInt();
    envelope.statusText = object.value(u"statusText"_s).toString();
    envelope.result = object.value(u"result"_s);
    envelope.logOutput = object.value(u"logOutput"_s).toString();
    if (object.value(u"error"_s).isObject()) {
        const QJsonObject errorObject = object.value(u"error"_s).toObject();
        envelope.error = ApiError{errorObject.value(u"message"_s).toString(),
                                  errorObject.value(u"details"_s).toString()};
    }
    return envelope;
}

Envelope Envelope::succeeded(QJsonValue value, qint64 version)
{
    Envelope envelope;
    envelope.statusVersion = version;
    envelope.result = std::move(value);
    return envelope;
}

Envelope Envelope::failed(const QString &message, const QString &details, qint64 version)
{
    Envelope envelope;
    envelope.statusVersion = version;
    envelope.statusCode = StatusCode::Failed;
    envelope.error = ApiError{message, details};
    return envelope;
}

} // namespace Mailkeep::Api
