#include "support/HttpsTestClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Testing {

QByteArray HttpsResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpsTestClient::HttpsTestClient(quint16 port, QString trustedSha256Fingerprint)
    : m_port(port)
    , m_fingerprint(std::move(trustedSha256Fingerprint))
{}

void HttpsTestClient::setCredentials(const QString &userName, const QString &password)
{
    m_authorization = "Basic " + (userName + u':' + password).toUtf8().toBase64();
}

void HttpsTestClient::clearCredentials()
{
    m_authorization.clear();
}

void HttpsTestClient::setExtraHeader(const QByteArray &name, const QByteArray &value)
{
    m_extraHeaders.append({name, value});
}

HttpsResponse HttpsTestClient::post(const QString &path, const QByteArray &formBody, int timeoutMs)
{
    return send("POST", path, formBody, timeoutMs);
}

HttpsResponse HttpsTestClient::get(const QString &path, int timeoutMs)
{
    return send("GET", path, {}, timeoutMs);
}

HttpsResponse HttpsTestClient::send(const QByteArray &verb, const QString &path,
                                    const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(QUrl(u"https://127.0.0.1:%1%2"_s.arg(m_port).arg(path)));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(m_protocol);
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    for (const auto &[name, value] : m_extraHeaders)
        request.setRawHeader(name, value);

    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, body);
    QObject::connect(
        reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &) {
            const QByteArray digest =
                reply->sslConfiguration().peerCertificate().digest(QCryptographicHash::Sha256);
            if (QString::fromLatin1(digest.toHex(':').toUpper()) == m_fingerprint)
                reply->ignoreSslErrors();
        });
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    HttpsResponse response;
    response.elapsedMs = clock.elapsed();
    if (!reply->isFinished()) {
        response.networkError = u"timeout"_s;
        reply->abort();
    } else {
        response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        response.body = reply->readAll();
        response.headers = reply->rawHeaderPairs();
        if (response.status == 0)
            response.networkError = reply->errorString();
    }
    reply->deleteLater();
    return response;
}

} // namespace Mailkeep::Testing
