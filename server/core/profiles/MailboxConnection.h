#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Mailkeep::Core {

// A folder of a mailbox, its path with "/" between the levels whatever the server uses.
struct MailboxFolder
{
    QString path;
    // The folder's role, from the server's special-use attributes (RFC 6154) or, without
    // them, from its name: "trash", "junk", "drafts", "sent", "archive" or empty.
    QString role;
    bool selectable = true;
};

struct MailboxFolderState
{
    quint32 uidValidity = 0;
    quint32 uidNext = 0;
    qint64 messages = 0;
};

struct MailboxMessageInfo
{
    quint32 uid = 0;
    qint64 size = 0;
    bool seen = false;
    QDateTime received; // the server's internal date, when it gives one
};

// How to reach a mailbox over IMAP.
struct ImapAccount
{
    enum class Security
    {
        None,     // plain text (only for test and LAN setups)
        StartTls, // port 143, upgraded before the login
        Tls,      // port 993, TLS from the start
    };
    QString host;
    quint16 port = 993;
    Security security = Security::Tls;
    QString userName; // may be "user*master" for Dovecot's master users
    QString password;
    // Off by default: certificates are checked against the system's trusted authorities and
    // the host name. On: any certificate is taken (a server with a self-signed one).
    bool ignoreCertificateErrors = false;
    QString extraAuthorities; // a PEM file of more authorities to trust
    // Set: XOAUTH2 with this OAuth access token (Exchange Online) instead of LOGIN.
    QString accessToken;
    int timeoutSeconds = 60;
};

// One logged-in connection to a mailbox; implemented by Mailkeep::Connectors. Blocking, for
// one thread. Every call fails with a clear error (the server's answer included) rather than
// throwing, and ends with ErrorCode::Cancelled soon after the cancel flag is set.
class MailboxConnection
{
public:
    virtual ~MailboxConnection() = default;
    // False once the connection is gone (dropped, reset, timed out): nothing more can be done
    // with it, so a failure is not the folder's or the message's but the whole run's.
    virtual bool connected() const = 0;
    virtual Result<QList<MailboxFolder>> folders() = 0;
    virtual Result<MailboxFolderState> openFolder(const QString &path) = 0;
    // Messages of the open folder with a UID of at least `firstUid`, by UID.
    virtual Result<QList<MailboxMessageInfo>> messagesFrom(quint32 firstUid) = 0;
    // The message's bytes exactly as the server holds them (without marking it as read).
    virtual Result<QByteArray> fetch(quint32 uid) = 0;
    // Deletes the messages from the open folder (flagged and expunged).
    virtual Status remove(const QList<quint32> &uids) = 0;
    virtual Status createFolder(const QString &path) = 0;
    virtual Status append(const QString &folder, const QByteArray &raw, bool seen,
                          const QDateTime &date) = 0;
};

// `cancelled` is asked while the connection waits; true ends the call with Cancelled.
using CancelCheck = std::function<bool()>;
using MailboxConnector = std::function<Result<std::unique_ptr<MailboxConnection>>(
    const ImapAccount &account, CancelCheck cancelled)>;

} // namespace Mailkeep::Core
