#include "connectors/microsoft365/TokenClient.h"

#include "connectors/microsoft365/BlockingHttp.h"
#include "connectors/microsoft365/ClientAssertion.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

constexpr int kAttempts = 4; // for busy or throttled answers of the token endpoint

// A token is renewed this long before it expires: five minutes, or a fifth of a short life.
qint64 renewalMarginSeconds(qint64 lifetime)
{
    return std::min<qint64>(300, lifetime / 5);
}

QStringList rolesOf(const QByteArray &token)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return {};
    const QJsonObject claims =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding))
            .object();
    QStringList roles;
    for (const QJsonValue &role : claims.value(u"roles"_s).toArray())
        roles << role.toString();
    return roles;
}

QString firstLine(const QString &text)
{
    return text.section(u'\r', 0, 0).section(u'\n', 0, 0).trimmed();
}

} // namespace

TokenClient::TokenClient(CloudOverrides overrides)
    : m_overrides(std::move(overrides))
{}

CloudEndpoints TokenClient::endpoints(const QString &cloud) const
{
    return endpointsFor(cloud, m_overrides);
}

QString TokenClient::cacheKey(const Core::AppCredential &credential, const QString &resource) const
{
    return u"%1/%2/%3"_s.arg(credential.id)
        .arg(QString::fromLatin1(credential.thumbprintSha256.toHex()), resource);
}

void TokenClient::forget(const Core::AppCredential &credential, const QString &resource)
{
    std::lock_guard lock(m_mutex);
    m_cache.remove(cacheKey(credential, resource));
}

Result<AccessToken> TokenClient::token(const Core::AppCredential &credential,
                                       const QString &resource, BlockingHttp &http,
                                       const std::function<bool()> &cancelled)
{
    const QString key = cacheKey(credential, resource);
    {
        std::lock_guard lock(m_mutex);
        const auto cached = m_cache.constFind(key);
        if (cached != m_cache.cend() && QDateTime::currentDateTimeUtc() < cached->expiresAt)
            return *cached;
    }
    const QString url = tokenUrl(endpoints(credential.cloud), credential.tenantId);
    for (int attempt = 1;; ++attempt) {
        Result<QByteArray> assertion =
            clientAssertion(credential, url, QDateTime::currentDateTimeUtc());
        if (!assertion.ok())
            return assertion.error();
        const QList<std::pair<QString, QString>> form{
            {u"client_id"_s, credential.applicationId},
            {u"scope"_s, resource + u"/.default"_s},
            {u"client_assertion_type"_s,
             u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s},
            {u"client_assertion"_s, QString::fromLatin1(assertion.value())},
            {u"grant_type"_s, u"client_credentials"_s}};
        QByteArrayList fields;
        for (const auto &[name, value] : form)
            fields << name.toLatin1() + '=' + QUrl::toPercentEncoding(value);
        HttpRequest request;
        request.verb = "POST";
        request.url = QUrl(url);
        request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        request.body = fields.join('&');
        request.timeoutMs = 30000;
        const HttpResponse response = http.send(request, cancelled);
        if (response.cancelled)
            return Error(ErrorCode::Cancelled, u"Cancelled."_s);
        if (!response.answered())
            return Error(ErrorCode::Unavailable, u"Entra ID (%1) cannot be reached: %2"_s.arg(
                                                     request.url.host(), response.networkError));
        const bool busy = response.status == 429 || response.status >= 500 ||
                          response.body.contains("temporarily_unavailable");
        if (busy && attempt < kAttempts) {
            const double retryAfter = response.headers.value("retry-after").toDouble();
            QThread::msleep(static_cast<unsigned long>(
                1000 * (retryAfter > 0 ? std::min(retryAfter, 60.0) : attempt)));
            continue;
        }
        if (response.status != 200)
            return refusal(response.status, response.body, credential);
        const QJsonObject answer = QJsonDocument::fromJson(response.body).object();
        const QByteArray token = answer.value(u"access_token"_s).toString().toLatin1();
        const qint64 lifetime = answer.value(u"expires_in"_s).toVariant().toLongLong();
        if (token.isEmpty() || lifetime <= 0)
            return Error(ErrorCode::Unavailable,
                         u"Entra ID answered without a usable token (access_token, "
                         "expires_in)."_s);
        AccessToken issued{
            token,
            QDateTime::currentDateTimeUtc().addSecs(lifetime - renewalMarginSeconds(lifetime)),
            rolesOf(token)};
        std::lock_guard lock(m_mutex);
        m_cache.insert(key, issued);
        return issued;
    }
}

Error TokenClient::refusal(int status, const QByteArray &body,
                           const Core::AppCredential &credential)
{
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    const QString description = firstLine(answer.value(u"error_description"_s).toString());
    const QJsonArray codes = answer.value(u"error_codes"_s).toArray();
    const qint64 code = codes.isEmpty() ? 0 : codes.first().toInteger();
    const QString thumbprint = QString::fromLatin1(credential.thumbprintSha1.toHex().toUpper());
    QString advice;
    ErrorCode kind = ErrorCode::PermissionDenied;
    switch (code) {
    case 700027:
        if (description.contains(u"key was not found"_s, Qt::CaseInsensitive))
            advice = u"Entra ID does not know this credential's certificate (thumbprint %1): "
                     "upload it to the app registration (Certificates & secrets). A renewed "
                     "certificate has to be uploaded again."_s.arg(thumbprint);
        else if (description.contains(u"expired"_s, Qt::CaseInsensitive))
            advice = u"The credential's certificate has expired or is not valid yet: create a "
                     "new certificate for the credential and upload it to Entra ID."_s;
        else
            advice = u"Entra ID could not verify the sign-in with the certificate it has for "
                     "the application: upload this credential's current certificate "
                     "(thumbprint %1)."_s.arg(thumbprint);
        break;
    case 700016:
        advice = u"Entra ID has no application %1 in the tenant %2: check the Application "
                 "(client) ID, and that the app is registered in this tenant."_s.arg(
                     credential.applicationId, credential.tenantId);
        break;
    case 90002:
        advice = u"Entra ID does not know the tenant %1: check the Directory (tenant) ID and "
                 "the credential's cloud (global, or 21Vianet)."_s.arg(credential.tenantId);
        kind = ErrorCode::NotFound;
        break;
    case 90038:
        advice = u"The tenant %1 belongs to another Microsoft cloud: set the credential's "
                 "cloud (global, or china for 21Vianet)."_s.arg(credential.tenantId);
        kind = ErrorCode::InvalidArgument;
        break;
    case 700024:
        advice = u"Entra ID did not accept the time of the sign-in: check that this server's "
                 "clock is right (NTP)."_s;
        break;
    case 500011:
        advice = u"The tenant has no such service principal (is Exchange Online or Microsoft "
                 "Graph available in it?)."_s;
        kind = ErrorCode::NotFound;
        break;
    case 53003:
    case 530032:
        advice = u"A Conditional Access policy of the tenant blocks the application's "
                 "sign-in."_s;
        break;
    default:
        advice = u"Entra ID refused the sign-in (HTTP %1)."_s.arg(status);
        kind =
            status >= 500 || status == 429 ? ErrorCode::Unavailable : ErrorCode::PermissionDenied;
        break;
    }
    const QString detail =
        description.isEmpty() ? QString::fromUtf8(body.left(300)).trimmed() : description;
    return Error(kind, advice + u" ["_s + detail + u']');
}

} // namespace Mailkeep::Connectors
