#pragma once

#include "core/profiles/ImapArchiveJob.h"

namespace Mailkeep::Core {

// Archives several IMAP mailboxes of one server in one profile (type imapMultiple), each into
// its user's archive with the same folder, filter and deletion settings:
//  - mailboxes: [{"userName": "alice", "imapUserName": "alice@example.org"}, ...];
//  - a master user logs in for all of them (masterUser, secret masterPassword: Dovecot's
//    "alice@example.org*master"), or each has its own password (secret mailboxPasswords:
//    {"alice@example.org": "..."}).
// A mailbox that fails (wrong password, gone) is a failed item; the others go on.
class ImapMultipleJob final : public ProfileJob
{
public:
    ImapMultipleJob(ArchiveService &archive, MailboxConnector connect);
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

private:
    ArchiveService &m_archive;
    MailboxConnector m_connect;
};

} // namespace Mailkeep::Core
