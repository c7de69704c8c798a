#include "widgets/SignInDialog.h"

#include "core/ConsoleSettings.h"
#include "shell/ShellOptions.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_signIn(new QPushButton(tr("Sign in"), this))
{
    setWindowTitle(tr("Sign in to Mailkeep"));
    m_server->setEditable(true);
    m_server->addItems(ClientCore::ConsoleSettings::recentServers());
    if (m_server->count() == 0)
        m_server->setEditText(u"localhost"_s);
    m_server->setToolTip(tr("The Mailkeep server: host name, or host:port (default port 8463)"));
    m_password->setEchoMode(QLineEdit::Password);
    m_user->setText(ClientCore::ConsoleSettings::lastUserName(m_server->currentText()));
    connect(m_server, &QComboBox::currentTextChanged, this, [this](const QString &server) {
        const QString user = ClientCore::ConsoleSettings::lastUserName(server);
        if (!user.isEmpty())
            m_user->setText(user);
    });
    m_status->setWordWrap(true);
    m_status->setMinimumWidth(360);

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User name:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_signIn->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *title = new QLabel(tr("<h2>Mailkeep</h2>Sign in with your Mailkeep user name."), this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    (m_user->text().isEmpty() ? m_user : m_password)->setFocus();
}

void SignInDialog::fill(const QString &server, const QString &userName, const QString &password)
{
    m_server->setEditText(server);
    m_user->setText(userName);
    m_password->setText(password);
}

void SignInDialog::setBusy(bool busy)
{
    m_signIn->setEnabled(!busy);
    m_server->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    if (busy)
        m_status->setText(tr("Signing in…"));
}

void SignInDialog::signIn()
{
    Result<std::pair<QString, quint16>> address =
        Shell::parseHostAndPort(m_server->currentText().trimmed());
    if (!address.ok()) {
        m_status->setText(address.error().message);
        return;
    }
    if (m_user->text().trimmed().isEmpty()) {
        m_status->setText(tr("Enter your user name."));
        m_user->setFocus();
        return;
    }
    Api::ServerAddress server;
    std::tie(server.host, server.port) = address.value();
    server.userName = m_user->text().trimmed();
    server.password = m_password->text();
    server.pinnedSha256 = ClientCore::ConsoleSettings::trustedFingerprint(server.host, server.port);
    m_session = std::make_unique<ClientCore::ConsoleSession>(server);
    setBusy(true);
    m_session->signIn(this, [this](const Api::CallResult &result) { finished(result); });
}

bool SignInDialog::askTrust(const QString &host, quint16 port, const Api::CallResult &result)
{
    const QString known = ClientCore::ConsoleSettings::trustedFingerprint(host, port);
    if (!known.isEmpty()) {
        QMessageBox::critical(
            this, tr("Certificate changed"),
            tr("<p><b>The certificate of %1 is not the one trusted before.</b></p>"
               "<p>Trusted: <tt>%2</tt><br>Presented now: <tt>%3</tt></p>"
               "<p>Someone may be intercepting the connection. If the server's certificate "
               "was replaced on purpose, ask its administrator for the new fingerprint.</p>")
                .arg(host.toHtmlEscaped(), known, result.peerFingerprint));
        return false;
    }
    QMessageBox question(
        QMessageBox::Question, tr("Trust this server?"),
        tr("<p>The server %1 presented a certificate that is not signed by an "
           "authority this computer trusts.</p><p>Subject: %2<br>SHA-256 "
           "fingerprint:<br><tt>%3</tt></p><p>Compare the fingerprint with the "
           "one the server's administrator gave you. Trust it from now on?</p>")
            .arg(host.toHtmlEscaped(), result.peerSubject.toHtmlEscaped(), result.peerFingerprint),
        QMessageBox::NoButton, this);
    QPushButton *trust = question.addButton(tr("Trust"), QMessageBox::AcceptRole);
    question.addButton(QMessageBox::Cancel);
    question.setObjectName(u"trustQuestion"_s);
    question.exec();
    if (question.clickedButton() != trust)
        return false;
    ClientCore::ConsoleSettings::trustFingerprint(host, port, result.peerFingerprint);
    return true;
}

void SignInDialog::finished(const Api::CallResult &result)
{
    setBusy(false);
    const Api::ServerAddress server = m_session->address();
    if (result.failure == Api::CallFailure::Certificate && !result.peerFingerprint.isEmpty()) {
        m_status->clear();
        if (askTrust(server.host, server.port, result))
            signIn();
        else
            m_status->setText(tr("Not signed in: the server's certificate is not trusted."));
        return;
    }
    if (result.failure != Api::CallFailure::None) {
        m_status->setText(result.failureMessage);
        return;
    }
    if (result.envelope.statusCode != Api::StatusCode::Succeeded) {
        m_status->setText(result.envelope.error ? result.envelope.error->message
                                                : tr("The server refused the sign-in."));
        return;
    }
    ClientCore::ConsoleSettings::rememberServer(m_server->currentText().trimmed(), server.userName);
    accept();
}

} // namespace Mailkeep::ClientWidgets
