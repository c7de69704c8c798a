#pragma once

#include "core/UserStore.h"
#include "core/directory/DirectorySource.h"
#include "core/profiles/ProfileJob.h"

namespace Mailkeep::Core {

// Archives the Microsoft 365 mailboxes of the users synchronised with Entra ID (profile type
// microsoft365Multiple, and the EWS types for mailboxes and archive mailboxes), each into its
// user's archive, several at once.
//  - The mailboxes are those of the users the directory synchronisation made (linked by the
//    account's object id, so a renamed account keeps its mailbox), narrowed by includeUsers
//    and excludeUsers. Users standing for Microsoft 365 groups are left out: a group
//    mailbox cannot be opened through Graph.
//  - parallelMailboxes (default 4) mailboxes run at once; each keeps Outlook's per-mailbox
//    limits by itself, so together they go faster without being throttled more.
//  - Every mailbox is archived as microsoft365Mailbox does (folders, filters, deletion,
//    incremental delta links); one that fails is a failed item and the others go on.
class GraphMultipleJob final : public ProfileJob
{
public:
    // How a mailbox is named to the single-mailbox job: Graph takes the account's object id,
    // EWS (impersonation) the primary SMTP address.
    enum class MailboxName
    {
        ObjectId,
        SmtpAddress,
    };
    // singleMailbox makes the job that archives one mailbox (microsoft365Mailbox or its EWS
    // counterparts).
    GraphMultipleJob(UserStore &users, ProfileJobFactory singleMailbox, MailboxName naming,
                     DirectoryConnector connectDirectory);
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

    static constexpr int kDefaultParallelMailboxes = 4;
    static constexpr int kMostParallelMailboxes = 16;

private:
    struct Mailbox
    {
        QString userName;
        QString name; // as the single-mailbox job wants it
    };
    Result<QList<Mailbox>> mailboxes(const QJsonObject &properties, qint64 credentialId,
                                     const std::function<bool()> &cancelled, QJsonArray &leftOut);

    UserStore &m_users;
    ProfileJobFactory m_singleMailbox;
    MailboxName m_naming;
    DirectoryConnector m_connectDirectory;
};

} // namespace Mailkeep::Core
