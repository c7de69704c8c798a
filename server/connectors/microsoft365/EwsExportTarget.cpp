#include "connectors/microsoft365/EwsExportTarget.h"

#include "connectors/imap/ImapTarget.h"
#include "connectors/microsoft365/EwsSoap.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

QString parentXml(const QString &parentId)
{
    return parentId.isEmpty() ? u"<t:DistinguishedFolderId Id=\"msgfolderroot\"/>"_s
                              : u"<t:FolderId Id=\"%1\"/>"_s.arg(parentId.toHtmlEscaped());
}

} // namespace

EwsExportTarget::EwsExportTarget(TokenClient &tokens, const Core::AppCredential &credential,
                                 QString mailbox)
    : m_mailbox(mailbox)
    , m_soap(std::make_unique<EwsSoap>(tokens, credential, std::move(mailbox),
                                       std::function<bool()>()))
{}

EwsExportTarget::~EwsExportTarget() = default;

Result<QString> EwsExportTarget::folder(const QString &parentId, const QString &name)
{
    // Is it there already?
    Result<QDomElement> found = m_soap->call(
        u"FindFolder"_s,
        u"<m:FindFolder Traversal=\"Shallow\"><m:FolderShape><t:BaseShape>Default</t:BaseShape>"
        "</m:FolderShape><m:ParentFolderIds>%1</m:ParentFolderIds></m:FindFolder>"_s.arg(
            parentXml(parentId)));
    if (!found.ok())
        return found.error();
    for (const QDomElement &existing : EwsSoap::descendants(found.value(), u"Folder"_s)) {
        if (EwsSoap::child(existing, u"DisplayName"_s).text().compare(name, Qt::CaseInsensitive) ==
            0)
            return EwsSoap::child(existing, u"FolderId"_s).attribute(u"Id"_s);
    }
    Result<QDomElement> created = m_soap->call(
        u"CreateFolder"_s,
        u"<m:CreateFolder><m:ParentFolderId>%1</m:ParentFolderId><m:Folders><t:Folder>"
        "<t:DisplayName>%2</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>"_s.arg(
            parentXml(parentId), name.toHtmlEscaped()));
    if (!created.ok())
        return created.error();
    const QDomElement message = EwsSoap::responseMessages(created.value()).value(0);
    if (EwsSoap::responseCode(message) != u"NoError"_s)
        return Error(
            ErrorCode::Unavailable,
            u"Exchange Online did not create the folder %1 in %2: %3 (%4)."_s.arg(
                name, m_mailbox, EwsSoap::messageText(message), EwsSoap::responseCode(message)));
    return EwsSoap::descendants(message, u"FolderId"_s).value(0).attribute(u"Id"_s);
}

Status EwsExportTarget::begin()
{
    Result<QString> root = folder({}, ImapTarget::kRootFolder);
    if (!root.ok()) {
        m_fatal = true;
        return root.error();
    }
    m_folders.insert(ImapTarget::kRootFolder, root.value());
    return {};
}

Result<Core::MailTarget::Outcome> EwsExportTarget::write(const Core::ExportMessage &message)
{
    QString path = ImapTarget::kRootFolder;
    QString parent = m_folders.value(path);
    for (const QString &name : message.folder) {
        path += u'/' + name;
        if (!m_folders.contains(path)) {
            Result<QString> made = folder(parent, name);
            if (!made.ok()) {
                m_fatal = made.error().code == ErrorCode::Unauthenticated ||
                          made.error().code == ErrorCode::PermissionDenied;
                return made.error();
            }
            m_folders.insert(path, made.value());
        }
        parent = m_folders.value(path);
    }
    // Flags 1: read; without them Exchange makes the message a draft.
    Result<QDomElement> created = m_soap->call(
        u"CreateItem"_s,
        u"<m:CreateItem MessageDisposition=\"SaveOnly\"><m:SavedItemFolderId>"
        "<t:FolderId Id=\"%1\"/></m:SavedItemFolderId><m:Items><t:Message>"
        "<t:MimeContent CharacterSet=\"UTF-8\">%2</t:MimeContent><t:ExtendedProperty>"
        "<t:ExtendedFieldURI PropertyTag=\"0x0E07\" PropertyType=\"Integer\"/>"
        "<t:Value>1</t:Value></t:ExtendedProperty></t:Message></m:Items></m:CreateItem>"_s.arg(
            parent.toHtmlEscaped(), QString::fromLatin1(message.raw.toBase64())));
    if (!created.ok()) {
        m_fatal = created.error().code == ErrorCode::Unauthenticated ||
                  created.error().code == ErrorCode::PermissionDenied;
        return created.error();
    }
    const QDomElement answer = EwsSoap::responseMessages(created.value()).value(0);
    if (EwsSoap::responseCode(answer) != u"NoError"_s)
        return Error(ErrorCode::Unavailable,
                     u"Exchange Online did not take a message for %1: %2 (%3)."_s.arg(
                         m_mailbox, EwsSoap::messageText(answer), EwsSoap::responseCode(answer)));
    ++m_created;
    return Outcome::Written;
}

Status EwsExportTarget::finish(QJsonObject &details)
{
    details.insert(u"mailbox"_s, m_mailbox);
    details.insert(u"folder"_s, ImapTarget::kRootFolder);
    details.insert(u"created"_s, static_cast<double>(m_created));
    details.insert(u"ews"_s, m_soap->statistics());
    return {};
}

} // namespace Mailkeep::Connectors
