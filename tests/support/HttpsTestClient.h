#pragma once

#include <QByteArray>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSsl>
#include <QString>

#include <memory>

namespace Mailkeep::Testing {

struct HttpsResponse
{
    int status = 0;       // 0: no HTTP answer (connection or TLS failure)
    QString networkError; // empty when the request got an answer
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0;

    QByteArray header(const QByteArray &name) const;
};

// A blocking HTTPS client for tests: spins a local event loop until the answer arrives, so the
// server under test (same thread) keeps running. Trusts exactly one certificate fingerprint.
class HttpsTestClient
{
public:
    HttpsTestClient(quint16 port, QString trustedSha256Fingerprint);

    void setCredentials(const QString &userName, const QString &password);
    void clearCredentials();
    void setProtocol(QSsl::SslProtocol protocol) { m_protocol = protocol; }
    void setExtraHeader(const QByteArray &name, const QByteArray &value);

    HttpsResponse post(const QString &path, const QByteArray &formBody = {}, int timeoutMs = 30000);
    HttpsResponse get(const QString &path, int timeoutMs = 30000);

private:
    HttpsResponse send(const QByteArray &verb, const QString &path, const QByteArray &body,
                       int timeoutMs);

    quint16 m_port;
    QString m_fingerprint;
    QByteArray m_authorization;
    QList<QPair<QByteArray, QByteArray>> m_extraHeaders;
    QSsl::SslProtocol m_protocol = QSsl::SecureProtocols;
    std::unique_ptr<QNetworkAccessManager> m_network = std::make_unique<QNetworkAccessManager>();
};

} // namespace Mailkeep::Testing
