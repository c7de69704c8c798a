#pragma once

#include "core/AuthService.h"
#include "core/FunctionRegistry.h"
#include "core/LoginThrottle.h"
#include "core/SessionTracker.h"
#include "core/TaskManager.h"
#include "http/LongPoll.h"
#include "http/RequestInfo.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QThreadPool>

#include <chrono>

class QTcpSocket;

namespace Mailkeep::Http {
struct HttpReply;
}

namespace Mailkeep::Http {

struct ApiServerSettings
{
    // An invoke waits this long for its task before answering "running" with a token.
    std::chrono::milliseconds inlineWait{1000};
    std::chrono::milliseconds maximumPollTimeout{std::chrono::minutes(2)};
    qsizetype maximumBodyBytes = 32 * 1024 * 1024;
};

struct ApiServices
{
    Core::FunctionRegistry &functions;
    Core::AuthService &auth;
    Core::LoginThrottle &throttle;
    Core::SessionTracker &sessions;
    Core::TaskManager &tasks;
};

// The HTTPS Administration API: /api/invoke/<Function>, /api/get-metadata, /api/get-status and
// /api/cancel-async, with Basic authentication on every request.
//
// QAbstractHttpServer parses requests and runs TLS; answers are written later, when the
// password check (worker thread) and the task are done, to the connection if it still exists.
class ApiServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    ApiServer(ApiServices services, ApiServerSettings settings = {}, QObject *parent = nullptr);
    ~ApiServer() override;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Call
    {
        RequestInfo request;
        QPointer<QTcpSocket> socket;
        QString userName; // as sent in the Authorization header
    };
    void authenticate(Call call);
    void onAuthenticated(Call call, const Result<Core::Identity> &identity);
    void dispatch(const Call &call, const Core::Identity &caller);
    void invoke(const Call &call, const Core::Identity &caller);
    struct TokenCall
    {
        Api::Arguments arguments;
        QString token;
        Core::TaskStatus status;
    };
    // Decodes get-status/cancel-async arguments and finds the caller's task; otherwise answers
    // the request itself and returns nullopt.
    std::optional<TokenCall> decodeTokenCall(const Call &call, const Core::Identity &caller,
                                             const Api::FunctionSignature &signature);
    void getStatus(const Call &call, const Core::Identity &caller);
    void cancel(const Call &call, const Core::Identity &caller);
    void replyEnvelope(const Call &call, const Api::Envelope &envelope);
    void reply(const Call &call, const HttpReply &httpReply);

    ApiServices m_services;
    ApiServerSettings m_settings;
    LongPoll m_longPoll;
    QThreadPool m_authPool;
};

} // namespace Mailkeep::Http
