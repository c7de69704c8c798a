#pragma once

#include "core/ArchiveService.h"
#include "core/MessageAccess.h"
#include "core/SavedSearchStore.h"
#include "core/UserStore.h"
#include "core/profiles/MailTarget.h"
#include "core/profiles/ProfileJob.h"

#include <functional>
#include <memory>

namespace Mailkeep::Core {

using MailTargetFactory =
    std::function<Result<std::unique_ptr<MailTarget>>(const QJsonObject &properties)>;

// Export profiles: the messages of an archive folder with its sub-folders (sourceFolder), or
// the results of one of the owner's saved searches (savedSearch), written to the target the
// factory makes from the profile's properties. The owner's privileges decide what is read:
// folders the owner may not read are skipped and named in the report (an administrator's
// export needs Archive Access for other users' mail). With retainFolderStructure each message
// keeps its folder below the exported one (for a search: its whole path).
class ExportJob final : public ProfileJob
{
public:
    ExportJob(ArchiveService &archive, MessageAccess &access, UserStore &users,
              SavedSearchStore &savedSearches, MailTargetFactory targets);
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

private:
    struct Source
    {
        int storeId = 0;
        qint64 messageId = 0;
        QStringList folder; // where it goes in the target
    };
    Result<Identity> ownerIdentity(const QString &owner);
    Result<QList<Source>> folderMessages(const Identity &owner, const QJsonObject &properties,
                                         QJsonObject &details);
    Result<QList<Source>> searchMessages(const Identity &owner, const QJsonObject &properties);
    // ownFolder: the message goes to its own folder's path (a search with folders kept).
    Result<std::optional<ExportMessage>> load(const Source &source, bool ownFolder);

    ArchiveService &m_archive;
    MessageAccess &m_access;
    UserStore &m_users;
    SavedSearchStore &m_savedSearches;
    MailTargetFactory m_targets;
};

} // namespace Mailkeep::Core
