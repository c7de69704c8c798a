#pragma once

#include "connectors/microsoft365/BlockingHttp.h"
#include "connectors/microsoft365/TokenClient.h"
#include "model/Result.h"

#include <QDeadlineTimer>
#include <QJsonObject>

#include <deque>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace Mailkeep::Connectors {

// Requests to Microsoft Graph for one mailbox, kept inside Outlook's limits per application
// and mailbox: at most `parallel` (4) in flight, at most 10,000 in any 10 minutes. An answer
// 429, 503 or 504 pauses the whole mailbox for its Retry-After (fractional, zero or missing
// handled) and the request goes again; an expired token (401) is renewed once. Answers come
// back in the calling thread. Belongs to the thread that made it.
class GraphSession
{
public:
    struct Limits
    {
        int parallel = 4;
        int budget = 10000;
        int budgetWindowSeconds = 600;
        int timeoutSeconds = 120;
    };

    GraphSession(TokenClient &tokens, Core::AppCredential credential, QString resource,
                 std::function<bool()> cancelled, Limits limits);
    GraphSession(TokenClient &tokens, Core::AppCredential credential, QString resource,
                 std::function<bool()> cancelled);
    ~GraphSession();

    // Sends every request (the bearer token is added) and calls `done` with each final answer
    // (any HTTP status) or the error that ended it (network, cancel, sign-in).
    void run(const QList<HttpRequest> &requests,
             const std::function<void(qsizetype, Result<HttpResponse>)> &done);
    Result<HttpResponse> one(const HttpRequest &request);

    // A throttled part of a batch: no request leaves before its Retry-After (fractional,
    // zero or missing as for whole answers) has passed.
    void pause(const QByteArray &retryAfter, int attempt);

    // requests, throttled (answers that asked to wait), throttledSeconds, mostInFlight.
    QJsonObject statistics() const;

private:
    struct Pending
    {
        qsizetype index = 0;
        int attempts = 0;
    };
    Status ensureToken();

    TokenClient &m_tokens;
    Core::AppCredential m_credential;
    QString m_resource;
    std::function<bool()> m_cancelled;
    Limits m_limits;
    std::unique_ptr<QNetworkAccessManager> m_network;
    BlockingHttp m_tokenHttp;
    AccessToken m_token;
    std::deque<qint64> m_sent; // when requests went out (ms since the epoch), for the budget
    qint64 m_notBeforeMs = 0;  // the mailbox is paused until then (a Retry-After)
    qint64 m_requests = 0;
    qint64 m_throttled = 0;
    qint64 m_throttledMs = 0;
    int m_mostInFlight = 0;
};

} // namespace Mailkeep::Connectors
