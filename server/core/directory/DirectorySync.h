#pragma once

#include "core/FolderStore.h"
#include "core/TaskManager.h"
#include "core/UserStore.h"
#include "core/directory/DirectorySettings.h"
#include "core/directory/DirectorySource.h"

#include <QJsonObject>

namespace Mailkeep::Core {

// Brings Mailkeep's users in line with a directory: one user per account that passes the
// settings' filters, named by its principal name, with its display name and addresses (mail
// and the smtp: proxy addresses). A user stays linked to its account by the account's object
// id (kept as the user's distinguished name), so a renamed account renames the user and the
// archive goes along. Users whose account is gone lose their account only when the settings
// say so, and never their archive; administrators and the caller are kept.
class DirectorySync
{
public:
    DirectorySync(UserStore &users, FolderStore &folders);

    // {"dryRun", "created": [{userName, fullName, emailAddresses}],
    //  "modified": [{userName, changes, renamedFrom?}], "deleted", "unchanged",
    //  "notInDirectory", "kept": [{userName, reason}], "failed": [{userName, message}],
    //  "counts": {...}}. A dry run reads everything and changes nothing.
    Result<QJsonObject> run(const DirectorySettings &settings, DirectorySource &source, bool dryRun,
                            const QString &caller, TaskProgress &progress);

private:
    UserStore &m_users;
    FolderStore &m_folders;
};

} // namespace Mailkeep::Core
