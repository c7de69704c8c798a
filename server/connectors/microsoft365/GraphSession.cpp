#include "connectors/microsoft365/GraphSession.h"

#include <QDateTime>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

constexpr int kMostAttempts = 12;         // throttling may last a while
constexpr qint64 kLongestWaitMs = 300000; // a Retry-After beyond 5 minutes is capped

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// Retry-After in milliseconds: seconds, possibly fractional ("2.128"), or zero; missing or
// unreadable: a growing pause.
qint64 retryAfterMs(const QByteArray &header, int attempt)
{
    bool number = false;
    const double seconds = header.trimmed().toDouble(&number);
    if (number && seconds >= 0)
        return std::min<qint64>(kLongestWaitMs, static_cast<qint64>(seconds * 1000));
    return std::min<qint64>(kLongestWaitMs, 1000LL << std::min(attempt, 8));
}

bool isTokenExpiry(const HttpResponse &response)
{
    return response.status == 401 && response.body.contains("InvalidAuthenticationToken");
}

} // namespace

GraphSession::GraphSession(TokenClient &tokens, Core::AppCredential credential, QString resource,
                           std::function<bool()> cancelled)
    : GraphSession(tokens, std::move(credential), std::move(resource), std::move(cancelled),
                   Limits{})
{}

GraphSession::GraphSession(TokenClient &tokens, Core::AppCredential credential, QString resource,
                           std::function<bool()> cancelled, Limits limits)
    : m_tokens(tokens)
    , m_credential(std::move(credential))
    , m_resource(std::move(resource))
    , m_cancelled(std::move(cancelled))
    , m_limits(limits)
    , m_network(std::make_unique<QNetworkAccessManager>())
    , m_tokenHttp(tokens.overrides().caCertificatesFile)
{
    m_network->setAutoDeleteReplies(false);
}

GraphSession::~GraphSession() = default;

Status GraphSession::ensureToken()
{
    if (!m_token.token.isEmpty() && QDateTime::currentDateTimeUtc() < m_token.expiresAt)
        return {};
    Result<AccessToken> token = m_tokens.token(m_credential, m_resource, m_tokenHttp, m_cancelled);
    if (!token.ok())
        return token.error();
    m_token = token.value();
    return {};
}

void GraphSession::pause(const QByteArray &retryAfter, int attempt)
{
    const qint64 waitMs = retryAfterMs(retryAfter, attempt);
    ++m_throttled;
    m_throttledMs += waitMs;
    m_notBeforeMs = std::max(m_notBeforeMs, nowMs() + waitMs);
}

QJsonObject GraphSession::statistics() const
{
    return {{u"requests"_s, m_requests},
            {u"throttled"_s, m_throttled},
            {u"throttledSeconds"_s, static_cast<double>(m_throttledMs) / 1000.0},
            {u"mostInFlight"_s, m_mostInFlight}};
}

Result<HttpResponse> GraphSession::one(const HttpRequest &request)
{
    Result<HttpResponse> outcome = Error(ErrorCode::Internal, u"no answer"_s);
    run({request},
        [&outcome](qsizetype, Result<HttpResponse> answer) { outcome = std::move(answer); });
    return outcome;
}

void GraphSession::run(const QList<HttpRequest> &requests,
                       const std::function<void(qsizetype, Result<HttpResponse>)> &done)
{
    if (requests.isEmpty())
        return;
    const QSslConfiguration tls = tlsTrusting(m_tokens.overrides().caCertificatesFile);
    std::deque<Pending> queue;
    for (qsizetype i = 0; i < requests.size(); ++i)
        queue.push_back({i, 0});
    QHash<QNetworkReply *, Pending> inFlight;
    QSet<qsizetype> renewedFor; // requests that already had a new token once
    qsizetype finished = 0;
    bool pumping = false;
    bool stopping = false;
    QEventLoop loop;
    QTimer wake;
    wake.setSingleShot(true);

    std::function<void()> pump;
    auto finish = [&](qsizetype index, Result<HttpResponse> answer) {
        ++finished;
        done(index, std::move(answer));
        if (finished == requests.size())
            loop.quit();
    };
    auto stopAll = [&](const Error &error) {
        stopping = true;
        for (auto it = inFlight.begin(); it != inFlight.end(); ++it) {
            it.key()->disconnect();
            it.key()->abort();
            it.key()->deleteLater();
            finish(it->index, error);
        }
        inFlight.clear();
        while (!queue.empty()) {
            finish(queue.front().index, error);
            queue.pop_front();
        }
        loop.quit();
    };
    auto answered = [&](QNetworkReply *reply) {
        const Pending pending = inFlight.take(reply);
        const HttpResponse response = responseOf(*reply);
        reply->deleteLater();
        if (stopping)
            return;
        const bool throttled =
            response.status == 429 || response.status == 503 || response.status == 504;
        const bool transient =
            response.status == 0 || response.status == 500 || response.status == 502;
        if (isTokenExpiry(response) && !renewedFor.contains(pending.index)) {
            renewedFor.insert(pending.index);
            m_tokens.forget(m_credential, m_resource);
            m_token = {};
            queue.push_front(pending);
        } else if ((throttled || (transient && !response.body.contains("ErrorMimeContent"))) &&
                   pending.attempts + 1 < kMostAttempts) {
            const qint64 waitMs =
                retryAfterMs(response.headers.value("retry-after"), pending.attempts);
            if (throttled) {
                ++m_throttled;
                m_throttledMs += waitMs;
            }
            m_notBeforeMs = std::max(m_notBeforeMs, nowMs() + waitMs);
            queue.push_front({pending.index, pending.attempts + 1});
        } else if (response.status == 0) {
            finish(pending.index,
                   Error(ErrorCode::Unavailable,
                         u"Microsoft Graph cannot be reached: %1"_s.arg(response.networkError)));
        } else {
            finish(pending.index, response);
        }
        pump();
    };
    pump = [&]() {
        if (pumping || stopping)
            return;
        pumping = true;
        while (!queue.empty() && inFlight.size() < m_limits.parallel) {
            const qint64 now = nowMs();
            while (!m_sent.empty() && m_sent.front() <= now - m_limits.budgetWindowSeconds * 1000LL)
                m_sent.pop_front();
            qint64 waitUntil = m_notBeforeMs;
            // A batch counts with every request it carries, as Graph counts it.
            const int weight =
                std::clamp(requests.at(queue.front().index).weight, 1, m_limits.budget);
            if (static_cast<int>(m_sent.size()) + weight > m_limits.budget)
                waitUntil =
                    std::max(waitUntil, m_sent.at(m_sent.size() + weight - m_limits.budget - 1) +
                                            m_limits.budgetWindowSeconds * 1000LL);
            if (waitUntil > now) {
                wake.start(static_cast<int>(std::min<qint64>(waitUntil - now, 60000)));
                break;
            }
            if (Status token = ensureToken(); !token.ok()) {
                pumping = false;
                // Every request fails with it: without a token nothing can be asked.
                stopAll(token.error().code == ErrorCode::Cancelled
                            ? token.error()
                            : Error(ErrorCode::Unauthenticated, token.error().message));
                return;
            }
            if (stopping)
                break;
            const Pending pending = queue.front();
            queue.pop_front();
            const HttpRequest &request = requests.at(pending.index);
            QNetworkRequest wire(request.url);
            wire.setSslConfiguration(tls);
            wire.setTransferTimeout(m_limits.timeoutSeconds * 1000);
            wire.setRawHeader("Authorization", "Bearer " + m_token.token);
            for (const auto &[name, value] : request.headers)
                wire.setRawHeader(name, value);
            QNetworkReply *reply = m_network->sendCustomRequest(wire, request.verb, request.body);
            inFlight.insert(reply, pending);
            m_mostInFlight = std::max(m_mostInFlight, static_cast<int>(inFlight.size()));
            for (int i = 0; i < std::clamp(request.weight, 1, m_limits.budget); ++i)
                m_sent.push_back(now);
            m_requests += std::max(1, request.weight);
            QObject::connect(reply, &QNetworkReply::finished, &loop,
                             [&answered, reply]() { answered(reply); });
        }
        pumping = false;
    };
    QObject::connect(&wake, &QTimer::timeout, &loop, [&pump]() { pump(); });
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
        if (m_cancelled && m_cancelled())
            stopAll(Error(ErrorCode::Cancelled, u"Cancelled."_s));
    });
    poll.start(200);
    pump();
    if (finished < requests.size())
        loop.exec();
}

} // namespace Mailkeep::Connectors
