#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace Mailkeep::Api {

enum class StatusCode
{
    Succeeded,
    Failed,
    Running,
    Cancelled,
};

QString statusCodeName(StatusCode code);
std::optional<StatusCode> statusCodeFromName(const QString &name);

struct ApiError
{
    QString message;
    QString details; // empty: null on the wire
};

// The answer to every invoke, get-status and cancel-async call. Serialised with a UTF-8 BOM and
// a fixed field order, because some clients of the product this API follows depend on both.
struct Envelope
{
    std::optional<ApiError> error;
    QString token; // null on the wire when empty
    qint64 statusVersion = 0;
    StatusCode statusCode = StatusCode::Succeeded;
    std::optional<int> percentProgress;
    QString statusText; // null on the wire when empty
    QJsonValue result;  // Null or Undefined: null on the wire
    QString logOutput;  // null on the wire when empty

    QByteArray serialize() const;
    // Accepts the body with or without BOM; fails on anything that is not an envelope.
    static Result<Envelope> parse(const QByteArray &body);

    static Envelope succeeded(QJsonValue value, qint64 version = 2);
    static Envelope failed(const QString &message, const QString &details = {}, qint64 version = 2);
};

} // namespace Mailkeep::Api
