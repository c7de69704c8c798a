#pragma once

#include "core/ArchiveService.h"
#include "core/profiles/MailboxConnection.h"
#include "core/profiles/ProfileJob.h"

namespace Mailkeep::Core {

// Archives one IMAP mailbox (profile type imapMailbox) into a user's archive: the mailbox's
// folders become archive folders below targetFolder.
//  - Folders: includeFolders (each with its sub-folders; empty: all) minus excludeFolders;
//    trash, junk and drafts folders only when named in includeFolders.
//  - Filter: onlyRead, maxSizeBytes, olderThanDays.
//  - Incremental: per folder, UIDVALIDITY and the highest archived UID are checkpointed with
//    the batch that archived it, so a run continues where the committed mail ends. A changed
//    UIDVALIDITY scans the folder again; the duplicate check makes that harmless. A message
//    that fails holds the checkpoint before it, so the next run tries it again.
//  - Deletion: deleteAfterArchiving (optionally deleteOlderThanDays) removes from the server
//    only messages whose batch is committed, folder by folder; a failed run deletes nothing
//    it has not committed.
// The report lists per folder the messages on the server, the ones looked at and archived.
class ImapArchiveJob final : public ProfileJob
{
public:
    ImapArchiveJob(ArchiveService &archive, MailboxConnector connect);
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

    static Result<ImapAccount> accountFrom(const QJsonObject &properties);
    // Which of the mailbox's folders the profile archives.
    static QList<MailboxFolder> selectFolders(const QList<MailboxFolder> &folders,
                                              const QJsonObject &properties);

private:
    ArchiveService &m_archive;
    MailboxConnector m_connect;
};

} // namespace Mailkeep::Core
