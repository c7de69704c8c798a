#pragma once

#include "api/ApiClient.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace Mailkeep::ClientCore {

// Lets the caller stop a call it started (a long-running one is cancelled on the server).
class CallHandle
{
public:
    void cancel() { m_cancel = true; }
    const std::atomic<bool> *flag() const { return &m_cancel; }

private:
    std::atomic<bool> m_cancel = false;
};

// The console's connection to one server as one user. Calls run on worker threads (the API
// client blocks) and their answers come back on the thread of the context object given, so
// widgets never wait. A call that finds the server gone reports connectionLost, and the
// session then tries again every few seconds until it is back; a password the server no
// longer takes reports passwordRejected, so the window can ask again and keep its page.
class ConsoleSession : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleSession(Api::ServerAddress address, QObject *parent = nullptr);
    ~ConsoleSession() override;

    using Done = std::function<void(const Api::CallResult &)>;
    using Progress = std::function<void(std::optional<int> percent, const QString &text)>;
    // Calls `function`; `done` (and `progress`) run on `context`'s thread, and not at all
    // once `context` is gone.
    std::shared_ptr<CallHandle> call(const QString &function, const Api::FormFields &arguments,
                                     QObject *context, Done done, Progress progress = {});

    // GetServerInfo, GetCurrentUserInfo and the function list; then signedIn() is true.
    void signIn(QObject *context, Done done);
    bool signedIn() const { return m_signedIn; }
    void setPassword(const QString &password);

    const Api::ServerAddress &address() const { return m_address; }
    QString userName() const { return m_address.userName; }
    bool isAdmin() const { return m_user.value(QStringLiteral("isAdmin")).toBool(); }
    // The global privileges (GetCurrentUserInfo): what to offer; the server still decides.
    bool hasPrivilege(const QString &privilege) const;
    QJsonObject serverInfo() const { return m_serverInfo; }
    const QList<Api::FunctionSignature> &functions() const { return m_functions; }
    bool serverHas(const QString &function) const;
    bool connectionLost() const { return m_lost; }

Q_SIGNALS:
    void connectionLostChanged(bool lost, const QString &message);
    void passwordRejected();

private:
    void noteFailure(const Api::CallResult &result);
    void probe();

    Api::ServerAddress m_address;
    std::shared_ptr<std::atomic<int>> m_generation; // bumped when the address changes
    QThreadPool m_workers;
    bool m_signedIn = false;
    bool m_lost = false;
    QJsonObject m_serverInfo;
    QJsonObject m_user;
    QList<Api::FunctionSignature> m_functions;
    QTimer m_reconnect;
};

} // namespace Mailkeep::ClientCore
