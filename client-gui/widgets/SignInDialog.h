#pragma once

#include "core/ConsoleSession.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Mailkeep::ClientWidgets {

// Server (remembered list), user name and password; signs in on a worker thread. A server
// certificate seen for the first time is shown (SHA-256 fingerprint and subject) and trusted
// only when the user accepts it; one that differs from the trusted one is refused.
class SignInDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);
    // The signed-in session, after exec() returned Accepted.
    std::unique_ptr<ClientCore::ConsoleSession> takeSession() { return std::move(m_session); }
    void fill(const QString &server, const QString &userName, const QString &password);

private:
    void signIn();
    void finished(const Api::CallResult &result);
    bool askTrust(const QString &host, quint16 port, const Api::CallResult &result);
    void setBusy(bool busy);

    QComboBox *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QLabel *m_status;
    QPushButton *m_signIn;
    std::unique_ptr<ClientCore::ConsoleSession> m_session;
};

} // namespace Mailkeep::ClientWidgets
