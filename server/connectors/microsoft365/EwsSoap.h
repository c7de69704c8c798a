#pragma once

#include "connectors/microsoft365/BlockingHttp.h"
#include "connectors/microsoft365/TokenClient.h"
#include "model/Result.h"

#include <QDomElement>
#include <QJsonObject>

namespace Mailkeep::Connectors {

// SOAP 1.1 requests to Exchange Web Services as an application: a bearer token for Exchange
// Online (full_access_as_app), ExchangeImpersonation of one mailbox and X-AnchorMailbox naming
// it, as Exchange Online demands. ErrorServerBusy (an HTTP 500 fault, or inside an answer)
// waits for its BackOffMilliseconds and asks again; an expired token is renewed once. A 403
// for every call is what Exchange Online answers once EWS is switched off for the tenant.
// Blocking, for one thread.
class EwsSoap
{
public:
    EwsSoap(TokenClient &tokens, Core::AppCredential credential, QString mailbox,
            std::function<bool()> cancelled);

    // Extra HTTP headers for every request (X-PublicFolderMailbox for public folders).
    void setHeader(const QByteArray &name, const QByteArray &value);

    // Sends one operation (the m: element inside soap:Body, as XML text) and returns the
    // operation's response element (m:<Operation>Response). A server busy inside a response
    // message is handled here too.
    Result<QDomElement> call(const QString &operation, const QString &bodyXml);

    // The ResponseMessages of a response, and the code and text of one.
    static QList<QDomElement> responseMessages(const QDomElement &response);
    static QString responseCode(const QDomElement &message);
    static QString messageText(const QDomElement &message);
    // Child elements by local name (namespaces as EWS uses them).
    static QDomElement child(const QDomElement &parent, const QString &localName);
    static QList<QDomElement> descendants(const QDomElement &parent, const QString &localName);

    // requests, busyAnswers, secondsBackedOff.
    QJsonObject statistics() const;

private:
    Result<HttpResponse> post(const QByteArray &envelope);
    Error refusal(const HttpResponse &response) const;
    bool wait(qint64 milliseconds);

    TokenClient &m_tokens;
    Core::AppCredential m_credential;
    QString m_mailbox;
    std::function<bool()> m_cancelled;
    CloudEndpoints m_endpoints;
    BlockingHttp m_http;
    QList<std::pair<QByteArray, QByteArray>> m_headers;
    QDomDocument m_lastAnswer; // keeps the elements call() returns alive
    qint64 m_requests = 0;
    qint64 m_busy = 0;
    qint64 m_backedOffMs = 0;
};

} // namespace Mailkeep::Connectors
