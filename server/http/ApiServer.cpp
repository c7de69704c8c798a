#include "http/ApiServer.h"

#include "api/Arguments.h"
#include "api/FormEncoding.h"
#include "http/BasicCredentials.h"
#include "http/HttpReply.h"

#include <QHttpServerRequest>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcApi, "mailkeep.api")

namespace Mailkeep::Http {

namespace {

// The arguments of get-status and cancel-async, checked like any function's arguments.
const Api::FunctionSignature kStatusSignature{
    u"get-status"_s,
    {{u"token"_s, Api::ArgumentType::String, false},
     {u"lastKnownStatusVersion"_s, Api::ArgumentType::Number, true},
     {u"millisecondsTimeout"_s, Api::ArgumentType::Number, true}}};
const QByteArray kUnknownToken = "Unknown or expired status token.";
const Api::FunctionSignature kCancelSignature{u"cancel-async"_s,
                                              {{u"token"_s, Api::ArgumentType::String, false}}};

Result<Api::Arguments> decodeBody(const Api::FunctionSignature &signature, const QByteArray &body)
{
    Result<Api::FormFields> fields = Api::parseForm(body);
    if (!fields.ok())
        return fields.error();
    return Api::decodeArguments(signature, fields.value());
}

} // namespace

ApiServer::ApiServer(ApiServices services, ApiServerSettings settings, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_services(services)
    , m_settings(settings)
    , m_longPoll(services.tasks)
{
    // Password checks are CPU-bound (Argon2id); keep them off the event loop and bounded.
    m_authPool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
}

ApiServer::~ApiServer()
{
    m_authPool.waitForDone();
}

void ApiServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Q_UNUSED(request);
    HttpReply::text(404, "Not found.").writeTo(socket, false);
}

bool ApiServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    Call call{RequestInfo::from(request), QPointer<QTcpSocket>(socket), {}};
    const RequestInfo &info = call.request;
    if (info.route == RequestInfo::Route::Unknown)
        return false;
    if (!info.isPost && !(info.isGet && info.route == RequestInfo::Route::Metadata)) {
        HttpReply notAllowed = HttpReply::text(405, "Use POST.");
        notAllowed.headers.append(qMakePair(QByteArray("Allow"), QByteArray("POST")));
        reply(call, notAllowed);
        return true;
    }
    if (info.body.size() > m_settings.maximumBodyBytes) {
        reply(call, HttpReply::text(413, "The request body is too large."));
        return true;
    }
    if (info.authorization.isEmpty()) {
        // Some clients only send credentials after this challenge.
        reply(call, HttpReply::authenticationChallenge());
        return true;
    }
    authenticate(std::move(call));
    return true;
}

void ApiServer::authenticate(Call call)
{
    const std::optional<BasicCredentials> credentials =
        parseBasicAuthorization(call.request.authorization);
    if (!credentials) {
        reply(call, HttpReply::authenticationChallenge());
        return;
    }
    call.userName = credentials->userName;
    const auto wait =
        m_services.throttle.waitBeforeAttempt(credentials->userName, call.request.clientAddress);
    QTimer::singleShot(wait, this, [this, call, credentials = *credentials]() mutable {
        m_authPool.start([this, call = std::move(call), credentials]() mutable {
            Result<Core::Identity> identity =
                m_services.auth.authenticate(credentials.userName, credentials.password);
            QMetaObject::invokeMethod(
                this,
                [this, call = std::move(call), identity = std::move(identity)]() mutable {
                    onAuthenticated(std::move(call), identity);
                },
                Qt::QueuedConnection);
        });
    });
}

void ApiServer::onAuthenticated(Call call, const Result<Core::Identity> &identity)
{
    const QString &address = call.request.clientAddress;
    if (!identity.ok()) {
        if (identity.error().code != ErrorCode::Unauthenticated) {
            qCWarning(lcApi) << "Authentication unavailable:" << identity.error().toString();
            reply(call, HttpReply::text(503, "The server cannot check passwords right now."));
            return;
        }
        const auto penalty = m_services.throttle.recordFailure(call.userName, address);
        qCInfo(lcApi).noquote() << "Failed login for" << call.userName << "from" << address
                                << "- next attempt delayed by" << penalty.count() << "ms";
        QTimer::singleShot(penalty, this,
                           [this, call] { reply(call, HttpReply::authenticationChallenge()); });
        return;
    }
    m_services.throttle.recordSuccess(call.userName, address);
    const Core::Identity &caller = identity.value();
    if (!caller.mayLogInWith(call.request.clientKind)) {
        const QString message =
            u"The user %1 lacks the login privilege \"%2\" needed to use this client."_s.arg(
                caller.userName, Core::requiredLoginPrivilege(call.request.clientKind));
        reply(call, HttpReply::text(403, message.toUtf8()));
        return;
    }
    m_services.sessions.recordActivity(caller.userName, address, call.request.clientKind);
    dispatch(call, caller);
}

void ApiServer::dispatch(const Call &call, const Core::Identity &caller)
{
    switch (call.request.route) {
    case RequestInfo::Route::Metadata:
        reply(call, HttpReply::json(Api::metadataDocument(m_services.functions.signatures())));
        return;
    case RequestInfo::Route::Invoke:
        invoke(call, caller);
        return;
    case RequestInfo::Route::Status:
        getStatus(call, caller);
        return;
    case RequestInfo::Route::Cancel:
        cancel(call, caller);
        return;
    case RequestInfo::Route::Unknown:
        break;
    }
    reply(call, HttpReply::text(404, "Not found."));
}

void ApiServer::invoke(const Call &call, const Core::Identity &caller)
{
    const Core::FunctionDefinition *function = m_services.functions.find(call.request.functionName);
    if (!function) {
        replyEnvelope(call, Api::Envelope::failed(
                                u"Unknown API function %1."_s.arg(call.request.functionName),
                                u"Function names are case-sensitive; see /api/get-metadata."_s));
        return;
    }
    if (function->access == Core::Access::Admin && !caller.isAdmin()) {
        replyEnvelope(call, Api::Envelope::failed(
                                u"Access denied: %1 requires administrator privileges."_s.arg(
                                    function->signature.name)));
        return;
    }
    Result<Api::Arguments> arguments = decodeBody(function->signature, call.request.body);
    if (!arguments.ok()) {
        replyEnvelope(call,
                      Api::Envelope::failed(arguments.error().message, arguments.error().details));
        return;
    }
    qCDebug(lcApi).noquote() << caller.userName << "invokes" << function->signature.name;
    const QString token = m_services.tasks.start(
        caller.userName,
        [handler = function->handler, arguments = std::move(arguments).value(), caller,
         address = call.request.clientAddress](Core::TaskProgress &progress) {
            Core::CallContext context{caller, address, progress};
            return handler(arguments, context);
        });
    m_longPoll.wait(token, LongPoll::Until::Finished, 0, m_settings.inlineWait,
                    [this, call, token](const std::optional<Core::TaskStatus> &status) {
                        if (!status) {
                            replyEnvelope(call, Api::Envelope::failed(u"The call was lost."_s));
                            return;
                        }
                        if (status->finished())
                            m_services.tasks.discard(token);
                        replyEnvelope(call, status->toEnvelope());
                    });
}

std::optional<ApiServer::TokenCall>
ApiServer::decodeTokenCall(const Call &call, const Core::Identity &caller,
                           const Api::FunctionSignature &signature)
{
    Result<Api::Arguments> arguments = decodeBody(signature, call.request.body);
    if (!arguments.ok()) {
        replyEnvelope(call, Api::Envelope::failed(arguments.error().message));
        return std::nullopt;
    }
    const QString token = arguments->string(u"token"_s);
    std::optional<Core::TaskStatus> status = m_services.tasks.status(token);
    // Another user's token is answered like an unknown one: tokens reveal nothing.
    if (!status || (status->owner != caller.userName && !caller.isAdmin())) {
        reply(call, HttpReply::text(404, kUnknownToken));
        return std::nullopt;
    }
    return TokenCall{std::move(arguments).value(), token, std::move(*status)};
}

void ApiServer::getStatus(const Call &call, const Core::Identity &caller)
{
    const std::optional<TokenCall> request = decodeTokenCall(call, caller, kStatusSignature);
    if (!request)
        return;
    const qint64 timeoutMs =
        std::clamp<qint64>(request->arguments.integer(u"millisecondsTimeout"_s), 0,
                           m_settings.maximumPollTimeout.count());
    m_longPoll.wait(request->token, LongPoll::Until::Changed,
                    request->arguments.integer(u"lastKnownStatusVersion"_s, -1),
                    std::chrono::milliseconds(timeoutMs),
                    [this, call](const std::optional<Core::TaskStatus> &current) {
                        if (!current)
                            reply(call, HttpReply::text(404, kUnknownToken));
                        else
                            replyEnvelope(call, current->toEnvelope());
                    });
}

void ApiServer::cancel(const Call &call, const Core::Identity &caller)
{
    const std::optional<TokenCall> request = decodeTokenCall(call, caller, kCancelSignature);
    if (!request)
        return;
    if (!m_services.tasks.requestCancel(request->token)) {
        reply(call, HttpReply::text(404, kUnknownToken));
        return;
    }
    replyEnvelope(call,
                  m_services.tasks.status(request->token).value_or(request->status).toEnvelope());
}

void ApiServer::replyEnvelope(const Call &call, const Api::Envelope &envelope)
{
    reply(call, HttpReply::json(envelope.serialize()));
}

void ApiServer::reply(const Call &call, const HttpReply &httpReply)
{
    // The connection may have gone while the answer was prepared; then there is no one to tell.
    if (call.socket)
        httpReply.writeTo(call.socket.data(), call.request.closeConnection);
}

} // namespace Mailkeep::Http
