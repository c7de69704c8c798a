#include "http/RequestInfo.h"

#include <QHostAddress>
#include <QHttpServerRequest>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Http {

QString normalisedPath(const QString &path)
{
    static const QRegularExpression repeatedSlashes(u"/{2,}"_s);
    QString normalised = path;
    normalised.replace(repeatedSlashes, u"/"_s);
    while (normalised.size() > 1 && normalised.endsWith(u'/'))
        normalised.chop(1);
    return normalised;
}

namespace {

QString addressText(QHostAddress address)
{
    bool isMappedV4 = false;
    const quint32 v4 = address.toIPv4Address(&isMappedV4);
    if (isMappedV4)
        address = QHostAddress(v4);
    return address.toString();
}

Core::ClientKind clientKindFromHeader(const QByteArray &value)
{
    const QByteArray kind = value.trimmed().toLower();
    if (kind == "console")
        return Core::ClientKind::Console;
    if (kind == "shell")
        return Core::ClientKind::Shell;
    return Core::ClientKind::Api;
}

} // namespace

RequestInfo RequestInfo::from(const QHttpServerRequest &request)
{
    RequestInfo info;
    info.isPost = request.method() == QHttpServerRequest::Method::Post;
    info.isGet = request.method() == QHttpServerRequest::Method::Get;
    info.body = request.body();
    info.authorization = request.value("authorization");
    info.clientAddress = addressText(request.remoteAddress());
    info.clientKind = clientKindFromHeader(request.value("x-mailkeep-client"));
    info.closeConnection = request.value("connection").trimmed().toLower() == "close";

    const QString path = normalisedPath(request.url().path());
    static const QString invokePrefix = u"/api/invoke/"_s;
    if (path.startsWith(invokePrefix) && path.size() > invokePrefix.size() &&
        !path.mid(invokePrefix.size()).contains(u'/')) {
        info.route = Route::Invoke;
        info.functionName = path.mid(invokePrefix.size());
    } else if (path == u"/api/get-metadata"_s) {
        info.route = Route::Metadata;
    } else if (path == u"/api/get-status"_s) {
        info.route = Route::Status;
    } else if (path == u"/api/cancel-async"_s) {
        info.route = Route::Cancel;
    }
    return info;
}

} // namespace Mailkeep::Http
