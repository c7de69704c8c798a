#pragma once

#include "core/ArchiveService.h"
#include "core/UserStore.h"
#include "core/profiles/ImapArchiveJob.h"

namespace Mailkeep::Core {

// Files the mail of a journal or multidrop mailbox (profile type imapJournal) by address:
// a message goes to "Journal Outgoing" in the archive of the user who sent it and to "Journal
// Incoming" in the archive of every user it was sent to, as Mailkeep knows their addresses
// (GetUserInfo's emailAddresses). An Exchange journal report (X-MS-Journal-Report) is
// unpacked: its envelope (Sender, To, Cc, Bcc, Recipient lines) names the people, and the
// original message attached to it is what is archived. Mail for nobody Mailkeep knows goes to
// the catch-all user's "Journal Incoming" (unknownAddresses "catchAll", the default, with
// catchAllUser) or is left on the server (unknownAddresses "doNotArchive").
class JournalRouter final : public MessageRouter
{
public:
    static Result<std::unique_ptr<MessageRouter>> make(ArchiveService &archive, UserStore &users,
                                                       const QJsonObject &properties);

    Result<Destination> beginFolder(const MailboxFolder &folder) override;
    Result<QList<Route>> route(const QByteArray &raw) override;

    static inline const QString kIncoming = QStringLiteral("Journal Incoming");
    static inline const QString kOutgoing = QStringLiteral("Journal Outgoing");

    // The people of a journal report's envelope: the sender and the recipients.
    struct Envelope
    {
        QStringList senders;
        QStringList recipients;
    };
    static Envelope envelopeOf(const QString &reportText);

private:
    JournalRouter(ArchiveService &archive, QHash<QString, QString> userByAddress,
                  QString catchAllUser);
    Result<qint64> folderOf(const QString &user, const QString &name);

    ArchiveService &m_archive;
    QHash<QString, QString> m_userByAddress; // lower-case address -> user name
    QString m_catchAllUser;                  // empty: do not archive unknown mail
    QHash<QString, qint64> m_folders;        // "user/folder" -> id
};

} // namespace Mailkeep::Core
