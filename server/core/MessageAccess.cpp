#include "core/MessageAccess.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

Result<MessageRef> MessageRef::parse(const QString &text)
{
    const QStringList parts = text.trimmed().split(u':');
    bool storeOk = false;
    bool messageOk = false;
    MessageRef ref;
    ref.storeId = parts.value(0).toInt(&storeOk);
    ref.messageId = parts.value(1).toLongLong(&messageOk);
    if (parts.size() != 2 || !storeOk || !messageOk || ref.storeId <= 0 || ref.messageId <= 0)
        return Error(ErrorCode::InvalidArgument,
                     u"A message id looks like \"3:1234\" (store:message)."_s);
    return ref;
}

QString MessageRef::text() const
{
    return u"%1:%2"_s.arg(storeId).arg(messageId);
}

MessageAccess::MessageAccess(FolderStore &folders, ComplianceService &compliance)
    : m_folders(folders)
    , m_compliance(compliance)
{}

Result<bool> MessageAccess::hasFolderPrivilege(const Identity &caller, const QString &folderPath,
                                               const QString &privilege)
{
    Result<QList<FolderPrivilege>> granted = m_folders.folderPrivileges(caller.userId);
    if (!granted.ok())
        return granted.error();
    for (const FolderPrivilege &entry : granted.value()) {
        if (entry.privileges.contains(privilege) &&
            (folderPath == entry.folder || folderPath.startsWith(entry.folder + u'/')))
            return true;
    }
    return false;
}

Result<bool> MessageAccess::readsEverything(const Identity &caller)
{
    if (!caller.isAdmin())
        return false;
    Result<ComplianceConfiguration> compliance = m_compliance.configuration();
    if (!compliance.ok())
        return compliance.error();
    return compliance->adminEmailPreviewEnabled;
}

Result<QStringList> MessageAccess::readableFolders(const Identity &caller)
{
    Result<QList<FolderPrivilege>> granted = m_folders.folderPrivileges(caller.userId);
    if (!granted.ok())
        return granted.error();
    QStringList folders;
    for (const FolderPrivilege &entry : granted.value()) {
        if (entry.privileges.contains(u"read"_s))
            folders << entry.folder;
    }
    return folders;
}

Status MessageAccess::mayRead(const Identity &caller, const QString &folderPath)
{
    if (caller.isAdmin()) {
        Result<ComplianceConfiguration> compliance = m_compliance.configuration();
        if (!compliance.ok())
            return compliance.error();
        if (compliance->adminEmailPreviewEnabled)
            return {};
    }
    Result<bool> granted = hasFolderPrivilege(caller, folderPath, u"read"_s);
    if (!granted.ok())
        return granted.error();
    if (!granted.value())
        return Error(ErrorCode::PermissionDenied,
                     u"You may not read the folder %1."_s.arg(folderPath));
    return {};
}

Status MessageAccess::mayDelete(const Identity &caller, const QString &folderPath)
{
    Result<ComplianceConfiguration> compliance = m_compliance.configuration();
    if (!compliance.ok())
        return compliance.error();
    if (compliance->legalHoldEnabled)
        return Error(ErrorCode::Conflict,
                     u"Legal hold is on: no message can be deleted until it is lifted."_s);
    if (!caller.isAdmin() && !caller.privileges.contains(Privilege::Delete))
        return Error(ErrorCode::PermissionDenied,
                     u"You do not have the privilege to delete messages."_s);
    if (caller.isAdmin() && compliance->adminEmailPreviewEnabled)
        return {};
    Result<bool> granted = hasFolderPrivilege(caller, folderPath, u"delete"_s);
    if (!granted.ok())
        return granted.error();
    if (!granted.value())
        return Error(ErrorCode::PermissionDenied,
                     u"You may not delete messages in the folder %1."_s.arg(folderPath));
    return {};
}

Status MessageAccess::mayWrite(const Identity &caller, const QString &folderPath)
{
    Result<bool> everything = readsEverything(caller);
    if (!everything.ok())
        return everything.error();
    if (everything.value())
        return {};
    Result<bool> granted = hasFolderPrivilege(caller, folderPath, u"write"_s);
    if (!granted.ok())
        return granted.error();
    if (!granted.value())
        return Error(ErrorCode::PermissionDenied,
                     u"You may not file messages into the folder %1."_s.arg(folderPath));
    return {};
}

} // namespace Mailkeep::Core
