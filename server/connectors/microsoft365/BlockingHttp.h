#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Mailkeep::Connectors {

struct HttpRequest
{
    QByteArray verb = "GET";
    QUrl url;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int timeoutMs = 60000;
    int weight = 1; // what the request counts against a request budget (a batch: its parts)
};

struct HttpResponse
{
    int status = 0;                        // 0: no answer (see networkError)
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString networkError; // empty when an answer came
    bool cancelled = false;

    bool answered() const { return networkError.isEmpty() && !cancelled; }
};

// The answer of a finished reply (status 0 and networkError when none came).
HttpResponse responseOf(QNetworkReply &reply);
// The system's trusted authorities plus those of a PEM file, if one is named.
QSslConfiguration tlsTrusting(const QString &caCertificatesFile);

// HTTPS requests from a worker thread, one at a time, waiting for each answer (a local event
// loop). Certificates are checked against the system's authorities and, when given, the
// authorities of one more PEM file (a proxy's, or the test fake's). Belongs to the thread that
// made it.
class BlockingHttp
{
public:
    explicit BlockingHttp(const QString &caCertificatesFile = {});
    ~BlockingHttp();

    // cancelled is asked every 100 ms; true ends the wait (response.cancelled).
    HttpResponse send(const HttpRequest &request, const std::function<bool()> &cancelled = {});

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslConfiguration m_tls;
};

} // namespace Mailkeep::Connectors
