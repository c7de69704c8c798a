#include "core/ConsoleSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientCore {

namespace {

constexpr int kReconnectMs = 5000;

// One API client per worker thread and address: it keeps its connection alive between calls.
Api::ApiClient &workerClient(const Api::ServerAddress &address, int generation)
{
    thread_local std::unique_ptr<Api::ApiClient> client;
    thread_local int clientGeneration = -1;
    if (!client || clientGeneration != generation) {
        client = std::make_unique<Api::ApiClient>(address);
        clientGeneration = generation;
    }
    return *client;
}

std::atomic<int> g_generations = 0; // distinct across sessions, so threads never mix them

} // namespace

ConsoleSession::ConsoleSession(Api::ServerAddress address, QObject *parent)
    : QObject(parent)
    , m_address(std::move(address))
    , m_generation(std::make_shared<std::atomic<int>>(++g_generations))
{
    m_address.clientKind = "console"; // the login privilege "windows", as the product's client
    // Enough for a long-running call or two beside the page loads.
    m_workers.setMaxThreadCount(4);
    m_reconnect.setInterval(kReconnectMs);
    connect(&m_reconnect, &QTimer::timeout, this, &ConsoleSession::probe);
}

ConsoleSession::~ConsoleSession()
{
    // Calls still running end first (their answers then find no receiver). Events are
    // processed meanwhile, so a server in this very process - as in the tests - can answer.
    m_reconnect.stop();
    while (!m_workers.waitForDone(50))
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
}

void ConsoleSession::setPassword(const QString &password)
{
    m_address.password = password;
    *m_generation = ++g_generations;
}

bool ConsoleSession::hasPrivilege(const QString &privilege) const
{
    const QJsonArray privileges = m_user.value(u"privileges"_s).toArray();
    return std::any_of(privileges.cbegin(), privileges.cend(),
                       [&](const QJsonValue &p) { return p.toString() == privilege; });
}

bool ConsoleSession::serverHas(const QString &function) const
{
    return std::any_of(m_functions.cbegin(), m_functions.cend(),
                       [&](const Api::FunctionSignature &f) { return f.name == function; });
}

std::shared_ptr<CallHandle> ConsoleSession::call(const QString &function,
                                                 const Api::FormFields &arguments, QObject *context,
                                                 Done done, Progress progress)
{
    auto handle = std::make_shared<CallHandle>();
    QPointer<QObject> receiver(context);
    QPointer<ConsoleSession> self(this);
    const Api::ServerAddress address = m_address;
    const int generation = *m_generation;
    (void)QtConcurrent::run(&m_workers, [=]() {
        Api::ApiClient &client = workerClient(address, generation);
        const auto onProgress = [&](const Api::Envelope &running) {
            if (!progress || !receiver)
                return;
            QMetaObject::invokeMethod(
                receiver,
                [progress, receiver, percent = running.percentProgress,
                 text = running.statusText]() {
                    if (receiver)
                        progress(percent, text);
                },
                Qt::QueuedConnection);
        };
        const Api::CallResult result =
            client.invoke(function, arguments, onProgress, handle->flag());
        if (self)
            QMetaObject::invokeMethod(
                self, [self, result]() { self->noteFailure(result); }, Qt::QueuedConnection);
        if (receiver)
            QMetaObject::invokeMethod(
                receiver,
                [done, receiver, result]() {
                    if (receiver)
                        done(result);
                },
                Qt::QueuedConnection);
    });
    return handle;
}

void ConsoleSession::noteFailure(const Api::CallResult &result)
{
    if (result.failure == Api::CallFailure::Connection && !m_lost && m_signedIn) {
        m_lost = true;
        Q_EMIT connectionLostChanged(true, result.failureMessage);
        m_reconnect.start();
    } else if (result.failure == Api::CallFailure::None && m_lost) {
        m_lost = false;
        m_reconnect.stop();
        Q_EMIT connectionLostChanged(false, {});
    } else if (result.failure == Api::CallFailure::Authentication && m_signedIn) {
        Q_EMIT passwordRejected();
    }
}

void ConsoleSession::probe()
{
    call(u"GetServerInfo"_s, {}, this, [](const Api::CallResult &) {});
}

void ConsoleSession::signIn(QObject *context, Done done)
{
    QPointer<QObject> receiver(context);
    call(u"GetServerInfo"_s, {}, this, [this, receiver, done](const Api::CallResult &info) {
        if (info.failure != Api::CallFailure::None ||
            info.envelope.statusCode != Api::StatusCode::Succeeded) {
            if (receiver)
                done(info);
            return;
        }
        m_serverInfo = info.envelope.result.toObject();
        call(u"GetCurrentUserInfo"_s, {}, this,
             [this, receiver, done](const Api::CallResult &user) {
                 if (user.failure != Api::CallFailure::None ||
                     user.envelope.statusCode != Api::StatusCode::Succeeded) {
                     if (receiver)
                         done(user);
                     return;
                 }
                 m_user = user.envelope.result.toObject();
                 // The function list (for the command prompt and for what to offer), on a
                 // worker thread like every call.
                 QPointer<ConsoleSession> self(this);
                 const Api::ServerAddress address = m_address;
                 const int generation = *m_generation;
                 (void)QtConcurrent::run(&m_workers, [=]() {
                     Result<QList<Api::FunctionSignature>> functions =
                         workerClient(address, generation).metadata();
                     QMetaObject::invokeMethod(
                         self,
                         [=]() {
                             if (!self)
                                 return;
                             if (functions.ok())
                                 self->m_functions = functions.value();
                             self->m_signedIn = true;
                             if (receiver)
                                 done(user);
                         },
                         Qt::QueuedConnection);
                 });
             });
    });
}

} // namespace Mailkeep::ClientCore
