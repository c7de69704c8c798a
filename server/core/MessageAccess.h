#pragma once

#include "core/ComplianceService.h"
#include "core/FolderStore.h"
#include "core/Identity.h"

namespace Mailkeep::Core {

// "<store id>:<message id>", the message id of the API.
struct MessageRef
{
    int storeId = 0;
    qint64 messageId = 0;

    static Result<MessageRef> parse(const QString &text);
    QString text() const;
};

// Who may read and delete the mail of a folder. Checked on the server for every call.
//  - read: a folder privilege "read" on the folder or above it, or an administrator while
//    Archive Access (compliance: adminEmailPreviewEnabled) is on;
//  - delete: the global privilege "delete" (administrators have every global privilege) and
//    a folder privilege "delete" (administrators: Archive Access instead), never during legal
//    hold;
//  - write (file mail into it, move mail there): a folder privilege "write" (administrators:
//    Archive Access instead).
class MessageAccess
{
public:
    MessageAccess(FolderStore &folders, ComplianceService &compliance);

    Status mayRead(const Identity &caller, const QString &folderPath);
    // Whether the caller reads every archive (an administrator with Archive Access).
    Result<bool> readsEverything(const Identity &caller);
    // The folders the caller reads, each covering everything below it.
    Result<QStringList> readableFolders(const Identity &caller);
    Status mayDelete(const Identity &caller, const QString &folderPath);
    Status mayWrite(const Identity &caller, const QString &folderPath);

private:
    Result<bool> hasFolderPrivilege(const Identity &caller, const QString &folderPath,
                                    const QString &privilege);

    FolderStore &m_folders;
    ComplianceService &m_compliance;
};

} // namespace Mailkeep::Core
