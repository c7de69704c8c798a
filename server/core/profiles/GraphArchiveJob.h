#pragma once

#include "core/ArchiveService.h"
#include "core/PropertyStore.h"
#include "core/profiles/GraphMailbox.h"
#include "core/profiles/ProfileJob.h"

namespace Mailkeep::Core {

// Archives one Microsoft 365 mailbox through Microsoft Graph (profile type
// microsoft365Mailbox) into a user's archive: the mailbox's folders become archive folders
// below targetFolder.
//  - Folders, filters (onlyRead, olderThanDays, maxSizeBytes) and deletion rules
//    (deleteAfterArchiving, deleteOlderThanDays) as for IMAP mailboxes.
//  - Incremental per folder through delta queries: the next or delta link is checkpointed
//    with the batch holding the last message of its page, so a run (or one cut off) goes on
//    where the committed mail ends. An expired delta link (410) starts a full round; the
//    duplicate check makes that harmless.
//  - Folders are known by their Graph id: a folder renamed in Outlook keeps its archive folder.
//  - A message that fails is tried again by the next runs. One Microsoft cannot convert to
//    MIME is an error, or with the global property
//    public.arcclient.skipGraphContentConversionFailed only reported (for EWS likewise
//    skipMimeContentConversionFailed, skipVirusDetected and skipEwsErrorItemNotFound).
class GraphArchiveJob final : public ProfileJob
{
public:
    // source names the protocol and part of the mailbox in checkpoint keys and the report
    // ("graph"; "ews", "ews-archive", "ews-public" for EWS profiles, whose positions are
    // their own).
    GraphArchiveJob(ArchiveService &archive, PropertyStore &globalProperties,
                    GraphConnector connect, QString source = QStringLiteral("graph"));
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

private:
    ArchiveService &m_archive;
    PropertyStore &m_globalProperties;
    GraphConnector m_connect;
    QString m_source;
};

} // namespace Mailkeep::Core
