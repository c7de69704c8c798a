#include "connectors/microsoft365/EwsSoap.h"

#include <QDeadlineTimer>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

constexpr int kMostBusyRetries = 8;
constexpr qint64 kLongestBackOffMs = 300000;
const QString kTypes = u"http://schemas.microsoft.com/exchange/services/2006/types"_s;
const QString kMessages = u"http://schemas.microsoft.com/exchange/services/2006/messages"_s;

// BackOffMilliseconds anywhere below element, or -1.
qint64 backOffOf(const QDomElement &element)
{
    for (const QDomElement &value : EwsSoap::descendants(element, u"Value"_s)) {
        if (value.attribute(u"Name"_s) == u"BackOffMilliseconds"_s)
            return value.text().trimmed().toLongLong();
    }
    return -1;
}

} // namespace

EwsSoap::EwsSoap(TokenClient &tokens, Core::AppCredential credential, QString mailbox,
                 std::function<bool()> cancelled)
    : m_tokens(tokens)
    , m_credential(std::move(credential))
    , m_mailbox(std::move(mailbox))
    , m_cancelled(std::move(cancelled))
    , m_endpoints(tokens.endpoints(m_credential.cloud))
    , m_http(tokens.overrides().caCertificatesFile)
{}

void EwsSoap::setHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

QDomElement EwsSoap::child(const QDomElement &parent, const QString &localName)
{
    for (QDomElement e = parent.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        if (e.localName() == localName)
            return e;
    }
    return {};
}

QList<QDomElement> EwsSoap::descendants(const QDomElement &parent, const QString &localName)
{
    // In document order, whatever the namespace prefix.
    QList<QDomElement> found;
    for (QDomElement e = parent.firstChildElement(); !e.isNull(); e = e.nextSiblingElement()) {
        if (e.localName() == localName)
            found.append(e);
        found.append(descendants(e, localName));
    }
    return found;
}

QList<QDomElement> EwsSoap::responseMessages(const QDomElement &response)
{
    QList<QDomElement> messages;
    const QDomElement list = child(response, u"ResponseMessages"_s);
    for (QDomElement e = list.firstChildElement(); !e.isNull(); e = e.nextSiblingElement())
        messages.append(e);
    return messages;
}

QString EwsSoap::responseCode(const QDomElement &message)
{
    return child(message, u"ResponseCode"_s).text().trimmed();
}

QString EwsSoap::messageText(const QDomElement &message)
{
    return child(message, u"MessageText"_s).text().trimmed();
}

QJsonObject EwsSoap::statistics() const
{
    return {{u"requests"_s, m_requests},
            {u"throttled"_s, m_busy},
            {u"throttledSeconds"_s, static_cast<double>(m_backedOffMs) / 1000.0}};
}

bool EwsSoap::wait(qint64 milliseconds)
{
    const QDeadlineTimer deadline(std::min(milliseconds, kLongestBackOffMs));
    while (!deadline.hasExpired()) {
        if (m_cancelled && m_cancelled())
            return false;
        QThread::msleep(
            static_cast<unsigned long>(std::min<qint64>(100, deadline.remainingTime())));
    }
    return true;
}

Error EwsSoap::refusal(const HttpResponse &response) const
{
    const QString diagnostics = QString::fromUtf8(response.headers.value("x-ms-diagnostics"));
    if (response.status == 403)
        return Error(
            ErrorCode::PermissionDenied,
            u"Exchange Online refuses EWS for %1 (HTTP 403): EWS is switched off for "
            "this tenant, mailbox or application. Microsoft blocks EWS since 1 October "
            "2026 and ends it in April 2027; convert the profile to Microsoft Graph or "
            "IMAP with the Microsoft 365 profile conversion tool. %2"_s.arg(m_mailbox, diagnostics)
                .trimmed());
    if (response.status == 401)
        return Error(ErrorCode::Unauthenticated,
                     diagnostics.contains(u"2000008"_s)
                         ? u"Exchange Online did not accept the sign-in for %1: the application "
                           "lacks full_access_as_app (API permissions > Office 365 Exchange "
                           "Online > Application permissions) or its admin consent (%2)."_s.arg(
                               m_mailbox, diagnostics)
                         : u"Exchange Online did not accept the sign-in for %1 (%2)."_s.arg(
                               m_mailbox, diagnostics));
    return Error(ErrorCode::Unavailable,
                 u"Exchange Online answered HTTP %1 for %2."_s.arg(response.status).arg(m_mailbox));
}

Result<HttpResponse> EwsSoap::post(const QByteArray &envelope)
{
    bool renewed = false;
    for (;;) {
        Result<AccessToken> token =
            m_tokens.token(m_credential, m_endpoints.exchangeResource, m_http, m_cancelled);
        if (!token.ok())
            return Error(token.error().code == ErrorCode::Cancelled ? ErrorCode::Cancelled
                                                                    : ErrorCode::Unauthenticated,
                         token.error().message);
        HttpRequest request;
        request.verb = "POST";
        QString base = m_endpoints.exchange.toString();
        while (base.endsWith(u'/'))
            base.chop(1);
        request.url = QUrl(base + u"/EWS/Exchange.asmx"_s);
        request.headers = m_headers;
        request.headers.append(
            std::pair<QByteArray, QByteArray>("Content-Type", "text/xml; charset=utf-8"));
        request.headers.append(
            std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + token->token));
        request.headers.append(
            std::pair<QByteArray, QByteArray>("X-AnchorMailbox", m_mailbox.toUtf8()));
        request.body = envelope;
        ++m_requests;
        HttpResponse response = m_http.send(request, m_cancelled);
        if (response.cancelled)
            return Error(ErrorCode::Cancelled, u"Cancelled."_s);
        if (!response.answered())
            return Error(ErrorCode::Unavailable,
                         u"Exchange Online cannot be reached: %1"_s.arg(response.networkError));
        if (response.status == 401 && !renewed &&
            response.headers.value("x-ms-diagnostics").contains("invalid_token")) {
            renewed = true;
            m_tokens.forget(m_credential, m_endpoints.exchangeResource);
            continue;
        }
        return response;
    }
}

Result<QDomElement> EwsSoap::call(const QString &operation, const QString &bodyXml)
{
    const QString envelope =
        u"<?xml version=\"1.0\" encoding=\"utf-8\"?>"
        "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\" "
        "xmlns:t=\"%1\" xmlns:m=\"%2\"><soap:Header>"
        "<t:RequestServerVersion Version=\"Exchange2013_SP1\"/><t:ExchangeImpersonation>"
        "<t:ConnectingSID><t:PrimarySmtpAddress>%3</t:PrimarySmtpAddress></t:ConnectingSID>"
        "</t:ExchangeImpersonation></soap:Header><soap:Body>%4</soap:Body></soap:Envelope>"_s.arg(
            kTypes, kMessages, m_mailbox.toHtmlEscaped(), bodyXml);
    for (int attempt = 0;; ++attempt) {
        Result<HttpResponse> response = post(envelope.toUtf8());
        if (!response.ok())
            return response.error();
        if (response->status != 200 && response->status != 500)
            return refusal(response.value());
        QDomDocument document;
        if (!document.setContent(response->body, true))
            return Error(ErrorCode::Unavailable,
                         u"Exchange Online answered HTTP %1 without a SOAP answer for %2."_s
                             .arg(response->status)
                             .arg(m_mailbox));
        const QDomElement body = child(document.documentElement(), u"Body"_s);
        const QDomElement fault = child(body, u"Fault"_s);
        qint64 backOff = -1;
        QString busyText;
        if (!fault.isNull()) {
            const QString code = descendants(fault, u"ResponseCode"_s).value(0).text().trimmed();
            const QString text = child(fault, u"faultstring"_s).text().trimmed();
            if (code != u"ErrorServerBusy"_s)
                return Error(code == u"ErrorNonExistentMailbox"_s ? ErrorCode::NotFound
                             : code.startsWith(u"ErrorImpersonat"_s) ||
                                     code == u"ErrorAccessDenied"_s
                                 ? ErrorCode::PermissionDenied
                                 : ErrorCode::Unavailable,
                             u"Exchange Online refused %1 for %2: %3 (%4)."_s.arg(
                                 operation, m_mailbox, text, code.isEmpty() ? u"fault"_s : code),
                             code);
            backOff = backOffOf(fault);
            busyText = text;
        } else {
            const QDomElement answer = child(body, operation + u"Response"_s);
            if (answer.isNull())
                return Error(ErrorCode::Unavailable,
                             u"Exchange Online's answer to %1 has no %1Response."_s.arg(operation));
            bool busy = false;
            for (const QDomElement &message : responseMessages(answer)) {
                if (responseCode(message) == u"ErrorServerBusy"_s) {
                    busy = true;
                    backOff = std::max(backOff, backOffOf(message));
                    busyText = messageText(message);
                }
            }
            if (!busy) {
                m_lastAnswer = document;
                return answer;
            }
        }
        if (attempt + 1 >= kMostBusyRetries)
            return Error(ErrorCode::Unavailable,
                         u"Exchange Online stayed busy for %1: %2"_s.arg(m_mailbox, busyText));
        const qint64 pause = backOff >= 0 ? backOff : 1000LL << std::min(attempt, 6);
        ++m_busy;
        m_backedOffMs += pause;
        if (!wait(pause))
            return Error(ErrorCode::Cancelled, u"Cancelled."_s);
    }
}

} // namespace Mailkeep::Connectors
