#include "api/ApiClient.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Api {

namespace {

// The translation context of this file's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Api::ApiClient)
};

QString fingerprintOf(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

// How long get-status waits for news before answering with the unchanged status: short
// enough that an interruption is passed on at once.
constexpr int kStatusWaitMs = 500;

} // namespace

ApiClient::ApiClient(ServerAddress address)
    : m_address(std::move(address))
    , m_network(std::make_unique<QNetworkAccessManager>())
{}

ApiClient::~ApiClient() = default;

QString ApiClient::normalisedFingerprint(const QString &fingerprint)
{
    QString hex;
    for (const QChar c : fingerprint) {
        if (c.isLetterOrNumber())
            hex += c.toUpper();
    }
    QString grouped;
    for (qsizetype i = 0; i < hex.size(); i += 2) {
        if (i > 0)
            grouped += u':';
        grouped += hex.mid(i, 2);
    }
    return grouped;
}

void ApiClient::notePeer(const QSslCertificate &certificate)
{
    m_peerFingerprint = fingerprintOf(certificate);
    m_peerSubject = certificate.subjectDisplayName();
    m_peerExpires = certificate.expiryDate();
}

ApiClient::HttpAnswer ApiClient::post(const QString &path, const QByteArray &body)
{
    QUrl url;
    url.setScheme(u"https"_s);
    url.setHost(m_address.host);
    url.setPort(m_address.port);
    url.setPath(path);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArray("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setRawHeader("Authorization",
                         "Basic " +
                             (m_address.userName + u':' + m_address.password).toUtf8().toBase64());
    if (!m_address.clientKind.isEmpty())
        request.setRawHeader("X-Mailkeep-Client", m_address.clientKind);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    request.setSslConfiguration(tls);

    const QString pinned = normalisedFingerprint(m_address.pinnedSha256);
    HttpAnswer answer;
    QNetworkReply *reply = m_network->post(request, body);
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&, reply](const QList<QSslError> &) {
        notePeer(reply->sslConfiguration().peerCertificate());
        if (!pinned.isEmpty() && m_peerFingerprint == pinned) {
            reply->ignoreSslErrors();
            return;
        }
        answer.failure = CallFailure::Certificate;
        answer.message = pinned.isEmpty()
                             ? Text::tr("The server's certificate is not trusted. Its SHA-256 "
                                  "fingerprint is %1; pass it with --pkv3 if that is your "
                                  "server.")
                                   .arg(m_peerFingerprint)
                             : Text::tr("The server's certificate (SHA-256 %1) is not the pinned "
                                  "one (%2).")
                                   .arg(m_peerFingerprint, pinned);
    });
    // A certificate trusted by the system must still be the pinned one, if one is pinned.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [&, reply]() {
        notePeer(reply->sslConfiguration().peerCertificate());
        if (!pinned.isEmpty() && m_peerFingerprint != pinned) {
            answer.failure = CallFailure::Certificate;
            answer.message = Text::tr("The server's certificate (SHA-256 %1) is not the pinned one (%2).")
                                 .arg(m_peerFingerprint, pinned);
            reply->abort();
        }
    });
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(m_address.timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    if (!reply->isFinished()) {
        reply->abort();
        answer.failure = CallFailure::Connection;
        answer.message =
            Text::tr("The server %1:%2 did not answer in time.").arg(m_address.host).arg(m_address.port);
    } else if (answer.failure == CallFailure::None) {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        if (answer.status == 401) {
            answer.failure = CallFailure::Authentication;
            answer.message = Text::tr("The user name or password is wrong.");
        } else if (answer.status == 403) {
            // The server says which login privilege is missing.
            answer.failure = CallFailure::Authentication;
            answer.message = QString::fromUtf8(answer.body).trimmed();

        } else if (answer.status == 0) {
            answer.failure = reply->error() == QNetworkReply::SslHandshakeFailedError
                                 ? CallFailure::Certificate
                                 : CallFailure::Connection;
            answer.message = Text::tr("The server %1:%2 cannot be reached: %3")
                                 .arg(m_address.host)
                                 .arg(m_address.port)
                                 .arg(reply->errorString());
        }
    }
    QObject::disconnect(reply, nullptr, nullptr, nullptr); // the handlers refer to this frame
    reply->deleteLater();
    return answer;
}

CallResult ApiClient::envelopeOf(const HttpAnswer &answer)
{
    CallResult result;
    result.failure = answer.failure;
    result.failureMessage = answer.message;
    result.peerFingerprint = m_peerFingerprint;
    result.peerSubject = m_peerSubject;
    if (answer.failure != CallFailure::None)
        return result;
    if (answer.status == 404) {
        result.failure = CallFailure::Protocol;
        result.failureMessage = Text::tr("The server no longer knows this call.");
        return result;
    }
    Result<Envelope> envelope = Envelope::parse(answer.body);
    if (!envelope.ok()) {
        result.failure = CallFailure::Protocol;
        result.failureMessage =
            Text::tr("The server's answer (HTTP %1) is not an API answer.").arg(answer.status);
        return result;
    }
    result.envelope = std::move(envelope).value();
    return result;
}

CallResult ApiClient::invoke(const QString &function, const FormFields &arguments,
                             const ProgressHandler &onProgress, const std::atomic<bool> *interrupt)
{
    CallResult result =
        envelopeOf(post(u"/api/invoke/"_s + QString::fromLatin1(QUrl::toPercentEncoding(function)),
                        encodeForm(arguments)));
    bool cancelSent = false;
    while (result.failure == CallFailure::None &&
           result.envelope.statusCode == StatusCode::Running) {
        if (onProgress)
            onProgress(result.envelope);
        const QString token = result.envelope.token;
        if (interrupt && interrupt->load() && !cancelSent) {
            const CallResult cancelled =
                envelopeOf(post(u"/api/cancel-async"_s, encodeForm({{u"token"_s, token}})));
            if (cancelled.failure != CallFailure::None)
                return cancelled;
            cancelSent = true;
        }
        result = envelopeOf(
            post(u"/api/get-status"_s,
                 encodeForm(
                     {{u"token"_s, token},
                      {u"lastKnownStatusVersion"_s, QString::number(result.envelope.statusVersion)},
                      {u"millisecondsTimeout"_s, QString::number(kStatusWaitMs)}})));
    }
    result.interrupted = cancelSent;
    return result;
}

Result<QList<FunctionSignature>> ApiClient::metadata(CallFailure *failure)
{
    const HttpAnswer answer = post(u"/api/get-metadata"_s, {});
    if (failure)
        *failure = answer.failure;
    if (answer.failure != CallFailure::None)
        return Error(ErrorCode::Unavailable, answer.message);
    return parseMetadataDocument(answer.body);
}

} // namespace Mailkeep::Api
