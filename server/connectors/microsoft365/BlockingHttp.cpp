#include "connectors/microsoft365/BlockingHttp.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

HttpResponse responseOf(QNetworkReply &reply)
{
    HttpResponse response;
    response.status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply.rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    response.body = reply.readAll();
    if (response.status == 0)
        response.networkError = reply.errorString();
    return response;
}

QSslConfiguration tlsTrusting(const QString &caCertificatesFile)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!caCertificatesFile.isEmpty()) {
        QList<QSslCertificate> authorities = tls.caCertificates();
        authorities += QSslCertificate::fromPath(caCertificatesFile, QSsl::Pem);
        tls.setCaCertificates(authorities);
    }
    return tls;
}

BlockingHttp::BlockingHttp(const QString &caCertificatesFile)
    : m_network(std::make_unique<QNetworkAccessManager>())
    , m_tls(tlsTrusting(caCertificatesFile))
{
    m_network->setAutoDeleteReplies(false);
}

BlockingHttp::~BlockingHttp() = default;

HttpResponse BlockingHttp::send(const HttpRequest &request, const std::function<bool()> &cancelled)
{
    QNetworkRequest wire(request.url);
    wire.setSslConfiguration(m_tls);
    wire.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                      QNetworkRequest::NoLessSafeRedirectPolicy);
    for (const auto &[name, value] : request.headers)
        wire.setRawHeader(name, value);
    std::unique_ptr<QNetworkReply> reply(
        m_network->sendCustomRequest(wire, request.verb, request.body));

    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    timeout.start(request.timeoutMs);
    QTimer poll;
    bool stopped = false;
    if (cancelled) {
        QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
            if (cancelled()) {
                stopped = true;
                loop.quit();
            }
        });
        poll.start(100);
    }
    if (!reply->isFinished())
        loop.exec();

    if (!reply->isFinished()) {
        reply->abort();
        HttpResponse response;
        if (stopped)
            response.cancelled = true;
        else
            response.networkError = u"no answer within %1 seconds"_s.arg(request.timeoutMs / 1000);
        return response;
    }
    return responseOf(*reply);
}

} // namespace Mailkeep::Connectors
