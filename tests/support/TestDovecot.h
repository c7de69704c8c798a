#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Mailkeep::Testing {

// A real Dovecot IMAP server for one test, on 127.0.0.1 with its own configuration, users and
// Maildirs in a temporary folder: plain IMAP with STARTTLS on `port()`, implicit TLS on
// `tlsPort()` (a self-signed certificate for localhost), password logins, and a master user
// (`user*master`). Started as root it keeps its mail as the unprivileged dovenull account,
// because Dovecot refuses to store mail as root; otherwise everything runs as the caller.
// Mail is put in and changed with doveadm, as an administrator would.
class TestDovecot
{
public:
    TestDovecot();
    ~TestDovecot(); // stops the server

    Status start(const QList<std::pair<QString, QString>> &users); // name, password
    bool running() const;
    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; }
    QString masterUser() const { return QStringLiteral("master"); }
    QString masterPassword() const { return QStringLiteral("master-Pa55"); }
    QByteArray certificatePem() const { return m_certificatePem; }

    // doveadm with this server's configuration; its standard input (for `save`) and output.
    Result<QByteArray> doveadm(const QStringList &arguments, const QByteArray &input = {});
    // Stores a message in a user's folder (created if missing), as delivered mail.
    Status deliver(const QString &user, const QString &folder, const QByteArray &message);
    Status createFolder(const QString &user, const QString &folder);
    QString logText() const;
    // The user's home folder (its Maildir is "Maildir" inside), and handing files put there by
    // hand to the account Dovecot keeps mail as.
    QString homeOf(const QString &user) const;
    Status handOver(const QString &path) const;

private:
    Status writeConfiguration(const QList<std::pair<QString, QString>> &users);

    std::unique_ptr<QTemporaryDir> m_directory;
    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    QByteArray m_certificatePem;
    unsigned m_mailUid = 0;
    unsigned m_mailGid = 0;
};

} // namespace Mailkeep::Testing
