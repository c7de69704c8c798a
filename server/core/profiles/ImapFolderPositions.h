#pragma once

#include "core/MessageStore.h"
#include "core/profiles/MailboxConnection.h"

#include <QHash>
#include <QSet>

namespace Mailkeep::Core {

// How far each folder of one IMAP mailbox has been archived: UIDVALIDITY and the highest
// archived UID, kept as checkpoints keyed "<mailbox>:<folder path>:<destination>".
//
// It also recognises folders renamed on the server. IMAP gives a folder no lasting id, but a
// rename keeps its UIDVALIDITY and UIDs (RFC 3501 6.3.5; Dovecot, Cyrus and Exchange keep
// them). A folder with no position of its own, whose UIDVALIDITY is that of exactly one
// known folder which is no longer on the server, is that folder under its new name: it
// continues into the same archive folder from the same position instead of being archived
// a second time.
class ImapFolderPositions
{
public:
    struct Position
    {
        quint32 uidValidity = 0;
        quint32 lastUid = 0;
    };
    // Where a folder's messages went before: under its own name, or under the name it had
    // before a rename on the server (formerPath).
    struct Continuation
    {
        QString formerPath;     // empty: the folder's own name
        QString checkpointPart; // the destination its messages went to
        Position position;
    };

    // mailboxKey: "imap:<host>:<port>:<login>"; onServer: every folder the server lists now.
    static Result<ImapFolderPositions> load(MessageStore &messages, const QString &mailboxKey,
                                            const QList<MailboxFolder> &onServer);

    QString key(const QString &path, const QString &checkpointPart) const;
    std::optional<Position> position(const QString &path, const QString &checkpointPart) const;
    // Where the folder's messages went so far: its own earlier destination (the one with the
    // same UIDVALIDITY first) or, for a folder new under this name, the former folder it was
    // renamed from. A former folder is given out once.
    std::optional<Continuation> continuation(const QString &path, quint32 uidValidity);

    static QString positionText(const Position &position);

private:
    struct Known
    {
        QString path;
        QString checkpointPart;
        Position position;
    };
    QString m_mailboxKey;
    QList<Known> m_known;
    QSet<QString> m_onServer;
    QSet<qsizetype> m_givenOut;
};

} // namespace Mailkeep::Core
