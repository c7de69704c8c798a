#pragma once

#include "core/ArchiveService.h"
#include "core/profiles/MailboxConnection.h"
#include "core/profiles/ProfileJob.h"

namespace Mailkeep::Core {

// Where the messages of a mailbox go. The plain profiles file each message into the archive
// folder that mirrors its mailbox folder; a journal mailbox files by addresses.
class MessageRouter
{
public:
    struct Destination
    {
        QString checkpointPart; // the same for the same destination, run after run
        QString name;           // for the report
    };
    struct Route
    {
        QByteArray raw; // what is archived (a journal report gives its original message)
        qint64 folderId = 0;
    };
    virtual ~MessageRouter() = default;
    // Once per mailbox folder, before its messages.
    virtual Result<Destination> beginFolder(const MailboxFolder &folder) = 0;
    // Instead of beginFolder for a folder renamed on the server: its messages go on to the
    // destination the folder had under its former name, when that still fits.
    virtual Result<Destination> continueFolder(const MailboxFolder &folder,
                                               const QString &formerCheckpointPart)
    {
        Q_UNUSED(formerCheckpointPart)
        return beginFolder(folder);
    }
    // The copies one message becomes; none: not archived on purpose (and not deleted).
    virtual Result<QList<Route>> route(const QByteArray &raw) = 0;
};
using RouterFactory =
    std::function<Result<std::unique_ptr<MessageRouter>>(const QJsonObject &properties)>;

// Archives one IMAP mailbox (profile type imapMailbox) into a user's archive: the mailbox's
// folders become archive folders below targetFolder.
//  - Folders: includeFolders (each with its sub-folders; empty: all) minus excludeFolders;
//    trash, junk and drafts folders only when named in includeFolders.
//  - Filter: onlyRead, maxSizeBytes, olderThanDays.
//  - Incremental: per folder, UIDVALIDITY and the highest archived UID are checkpointed with
//    the batch that archived it, so a run continues where the committed mail ends. A changed
//    UIDVALIDITY scans the folder again; the duplicate check makes that harmless. A message
//    that fails holds the checkpoint before it, so the next run tries it again. A folder
//    renamed on the server keeps its archive folder and its position (ImapFolderPositions).

//  - Deletion: deleteAfterArchiving (optionally deleteOlderThanDays) removes from the server
//    only messages whose batch is committed, folder by folder; a failed run deletes nothing
//    it has not committed.
// The report lists per folder the messages on the server, the ones looked at and archived.
class ImapArchiveJob final : public ProfileJob
{
public:
    // routers: how messages are filed (none: into the mirrored folders below targetFolder).
    ImapArchiveJob(ArchiveService &archive, MailboxConnector connect, RouterFactory routers = {});
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

    static Result<ImapAccount> accountFrom(const QJsonObject &properties);
    // Which of the mailbox's folders the profile archives.
    static QList<MailboxFolder> selectFolders(const QList<MailboxFolder> &folders,
                                              const QJsonObject &properties);

private:
    ArchiveService &m_archive;
    MailboxConnector m_connect;
    RouterFactory m_routers;
};

} // namespace Mailkeep::Core
