#include "connectors/microsoft365/EwsMailboxClient.h"

#include "connectors/microsoft365/EwsSoap.h"
#include "core/GlobalProperties.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

QString rootId(EwsMailboxClient::Root root)
{
    switch (root) {
    case EwsMailboxClient::Root::Archive:
        return u"archivemsgfolderroot"_s;
    case EwsMailboxClient::Root::PublicFolders:
        return u"publicfoldersroot"_s;
    case EwsMailboxClient::Root::Mailbox:
        break;
    }
    return u"msgfolderroot"_s;
}

// "ews:<folder id>|<round start>|<after modified>|<after id>|<seen at round start>": the
// round takes what changed at or after its start but for the items the round before saw
// changed at that very time (timestamps have whole seconds); a page goes on after the last
// item handed out (in modified, id order).
struct Link
{
    QString folderId;
    QDateTime since;
    QDateTime afterModified;
    QString afterId;
    QStringList seenAtSince;
};

// More items changed in one second than this are looked at again rather than remembered.
constexpr qsizetype kMostRemembered = 200;

Link readLink(const QString &text)
{
    Link link;
    if (!text.startsWith(u"ews:"_s))
        return link;
    const QStringList parts = text.mid(4).split(u'|');
    link.folderId = parts.value(0);
    link.since = QDateTime::fromString(parts.value(1), Qt::ISODateWithMs);
    link.afterModified = QDateTime::fromString(parts.value(2), Qt::ISODateWithMs);
    link.afterId = parts.value(3);
    link.seenAtSince = parts.value(4).split(u',', Qt::SkipEmptyParts);
    return link;
}

QString writeLink(const Link &link)
{
    return u"ews:%1|%2|%3|%4|%5"_s.arg(link.folderId, link.since.toString(Qt::ISODateWithMs),
                                       link.afterModified.toString(Qt::ISODateWithMs), link.afterId,
                                       link.seenAtSince.join(u','));
}

QString itemIdsXml(const QList<QString> &ids)
{
    QString xml;
    for (const QString &id : ids)
        xml += u"<t:ItemId Id=\"%1\"/>"_s.arg(id.toHtmlEscaped());
    return xml;
}

} // namespace

EwsMailboxClient::EwsMailboxClient(TokenClient &tokens, const Core::AppCredential &credential,
                                   QString mailbox, Root root, std::function<bool()> cancelled)
    : m_root(root)
    , m_mailbox(mailbox)
    , m_soap(
          std::make_unique<EwsSoap>(tokens, credential, std::move(mailbox), std::move(cancelled)))
{
    // Public folder requests go to the public folder mailbox; Exchange Online finds it from
    // the user's mailbox when this header names that user.
    if (m_root == Root::PublicFolders)
        m_soap->setHeader("X-PublicFolderMailbox", m_mailbox.toUtf8());
}

EwsMailboxClient::~EwsMailboxClient() = default;

QJsonObject EwsMailboxClient::statistics() const
{
    return m_soap->statistics();
}

QString EwsMailboxClient::skipPropertyFor(const Error &failure) const
{
    if (failure.details == u"ErrorMimeContentConversionFailed"_s)
        return Core::GlobalProperty::SkipMimeContentConversionFailed;
    if (failure.details == u"ErrorVirusDetected"_s ||
        failure.details == u"ErrorVirusMessageDeleted"_s)
        return Core::GlobalProperty::SkipVirusDetected;
    if (failure.details == u"ErrorItemNotFound"_s)
        return Core::GlobalProperty::SkipEwsErrorItemNotFound;
    return {};
}

Result<QHash<QString, QString>> EwsMailboxClient::wellKnownRoles()
{
    QHash<QString, QString> roles;
    if (m_root == Root::PublicFolders)
        return roles;
    const QString prefix = m_root == Root::Archive ? u"archive"_s : QString();
    const QList<std::pair<QString, QString>> wellKnown{{u"deleteditems"_s, u"trash"_s},
                                                       {u"junkemail"_s, u"junk"_s},
                                                       {u"drafts"_s, u"drafts"_s},
                                                       {u"sentitems"_s, u"sent"_s}};
    QString ids;
    for (const auto &[name, role] : wellKnown) {
        // The archive has a Deleted Items of its own; the others only the primary mailbox has.
        if (!prefix.isEmpty() && name != u"deleteditems"_s)
            continue;
        ids += u"<t:DistinguishedFolderId Id=\"%1%2\"/>"_s.arg(prefix, name);
    }
    Result<QDomElement> answer = m_soap->call(
        u"GetFolder"_s, u"<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape>"
                        "</m:FolderShape><m:FolderIds>%1</m:FolderIds></m:GetFolder>"_s.arg(ids));
    if (!answer.ok())
        return answer.error();
    const QList<QDomElement> messages = EwsSoap::responseMessages(answer.value());
    qsizetype index = 0;
    for (const auto &[name, role] : wellKnown) {
        if (!prefix.isEmpty() && name != u"deleteditems"_s)
            continue;
        const QDomElement message = messages.value(index++);
        const QDomElement folderId = EwsSoap::descendants(message, u"FolderId"_s).value(0);
        if (!folderId.isNull())
            roles.insert(folderId.attribute(u"Id"_s), role);
    }
    return roles;
}

Result<QList<Core::GraphFolder>> EwsMailboxClient::folders()
{
    Result<QHash<QString, QString>> roles = wellKnownRoles();
    if (!roles.ok())
        return roles.error();
    Result<QDomElement> answer = m_soap->call(
        u"FindFolder"_s,
        u"<m:FindFolder Traversal=\"Deep\"><m:FolderShape><t:BaseShape>Default</t:BaseShape>"
        "<t:AdditionalProperties><t:FieldURI FieldURI=\"folder:ParentFolderId\"/>"
        "</t:AdditionalProperties></m:FolderShape><m:ParentFolderIds>"
        "<t:DistinguishedFolderId Id=\"%1\"/></m:ParentFolderIds></m:FindFolder>"_s.arg(
            rootId(m_root)));
    if (!answer.ok())
        return answer.error();
    const QDomElement message = EwsSoap::responseMessages(answer.value()).value(0);
    if (EwsSoap::responseCode(message) != u"NoError"_s)
        return Error(ErrorCode::NotFound,
                     u"Exchange Online cannot list the folders of %1: %2 (%3)."_s.arg(
                         m_mailbox, EwsSoap::messageText(message), EwsSoap::responseCode(message)),
                     EwsSoap::responseCode(message));
    struct Raw
    {
        QString id, parent, name, folderClass;
        qint64 items = 0;
    };
    QHash<QString, Raw> byId;
    QStringList order;
    for (const QDomElement &folder : EwsSoap::descendants(message, u"Folder"_s)) {
        Raw raw;
        raw.id = EwsSoap::child(folder, u"FolderId"_s).attribute(u"Id"_s);
        raw.parent = EwsSoap::child(folder, u"ParentFolderId"_s).attribute(u"Id"_s);
        raw.name = EwsSoap::child(folder, u"DisplayName"_s).text();
        raw.folderClass = EwsSoap::child(folder, u"FolderClass"_s).text();
        raw.items = EwsSoap::child(folder, u"TotalCount"_s).text().toLongLong();
        // Calendars, contacts and tasks hold no mail.
        if (!raw.folderClass.isEmpty() && !raw.folderClass.startsWith(u"IPF.Note"_s))
            continue;
        byId.insert(raw.id, raw);
        order << raw.id;
    }
    QList<Core::GraphFolder> folders;
    for (const QString &id : std::as_const(order)) {
        QStringList path;
        QString at = id;
        for (int depth = 0; byId.contains(at) && depth < 64; ++depth) {
            path.prepend(QString(byId.value(at).name).replace(u'/', u'\u2215'));
            at = byId.value(at).parent;
        }
        folders.append({id, path.join(u'/'), roles->value(id), byId.value(id).items, false});
    }
    // Parents before children, as the job expects.
    std::stable_sort(folders.begin(), folders.end(),
                     [](const Core::GraphFolder &a, const Core::GraphFolder &b) {
                         return a.path.count(u'/') < b.path.count(u'/');
                     });
    return folders;
}

Result<QList<EwsMailboxClient::Item>> EwsMailboxClient::listItems(const QString &folderId)
{
    QList<Item> items;
    int offset = 0;
    for (;;) {
        Result<QDomElement> answer = m_soap->call(
            u"FindItem"_s,
            u"<m:FindItem Traversal=\"Shallow\"><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
            "<t:AdditionalProperties><t:FieldURI FieldURI=\"item:DateTimeReceived\"/>"
            "<t:FieldURI FieldURI=\"item:LastModifiedTime\"/>"
            "<t:FieldURI FieldURI=\"message:IsRead\"/></t:AdditionalProperties></m:ItemShape>"
            "<m:IndexedPageItemView MaxEntriesReturned=\"1000\" Offset=\"%1\" "
            "BasePoint=\"Beginning\"/><m:ParentFolderIds><t:FolderId Id=\"%2\"/>"
            "</m:ParentFolderIds></m:FindItem>"_s.arg(offset)
                .arg(folderId.toHtmlEscaped()));
        if (!answer.ok())
            return answer.error();
        const QDomElement message = EwsSoap::responseMessages(answer.value()).value(0);
        if (EwsSoap::responseCode(message) != u"NoError"_s)
            return Error(
                ErrorCode::NotFound,
                u"Exchange Online cannot list a folder of %1: %2 (%3)."_s.arg(
                    m_mailbox, EwsSoap::messageText(message), EwsSoap::responseCode(message)),
                EwsSoap::responseCode(message));
        const QDomElement root = EwsSoap::child(message, u"RootFolder"_s);
        const QList<QDomElement> found = EwsSoap::descendants(root, u"ItemId"_s);
        for (const QDomElement &itemId : found) {
            const QDomElement item = itemId.parentNode().toElement();
            items.append({itemId.attribute(u"Id"_s),
                          QDateTime::fromString(EwsSoap::child(item, u"DateTimeReceived"_s).text(),
                                                Qt::ISODate),
                          QDateTime::fromString(EwsSoap::child(item, u"LastModifiedTime"_s).text(),
                                                Qt::ISODate),
                          EwsSoap::child(item, u"IsRead"_s).text() == u"true"_s});
        }
        // A partial page (EWSFindCountLimit) goes on from where the server says it stopped.
        if (root.attribute(u"IncludesLastItemInRange"_s) == u"true"_s || found.isEmpty())
            break;
        offset = root.attribute(u"IndexedPagingOffset"_s).toInt();
    }
    std::sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
        return a.modified != b.modified ? a.modified < b.modified : a.id < b.id;
    });
    return items;
}

Result<Core::GraphDeltaPage> EwsMailboxClient::delta(const QString &folderId, const QString &link)
{
    Link position = readLink(link);
    position.folderId = folderId;
    const bool newRound = !position.afterModified.isValid() && position.afterId.isEmpty();
    if (newRound || !m_listed.contains(folderId)) {
        Result<QList<Item>> listed = listItems(folderId);
        if (!listed.ok())
            return listed.error();
        m_listed.insert(folderId, listed.value());
    }
    const QList<Item> &items = m_listed[folderId];
    Core::GraphDeltaPage page;
    QDateTime newest = position.since;
    qsizetype taken = 0;
    for (const Item &item : items) {
        newest = std::max(newest, item.modified);
        // At the round start's very second too, but for what the last round saw then.
        if (position.since.isValid() &&
            (item.modified < position.since ||
             (item.modified == position.since && position.seenAtSince.contains(item.id))))
            continue;
        if (position.afterModified.isValid() &&
            (item.modified < position.afterModified ||
             (item.modified == position.afterModified && item.id <= position.afterId)))
            continue;
        if (taken == kPageSize) {
            page.nextLink = writeLink(position);
            return page;
        }
        page.changes.append({item.id, false, item.read, item.received});
        position.afterModified = item.modified;
        position.afterId = item.id;
        ++taken;
    }
    QStringList seen;
    for (const Item &item : items) {
        if (item.modified == newest)
            seen << item.id;
    }
    if (seen.size() > kMostRemembered)
        seen.clear(); // looked at again; the duplicate check finds them archived
    m_listed.remove(folderId);
    page.deltaLink = writeLink({folderId, newest, {}, {}, seen});
    return page;
}

void EwsMailboxClient::fetch(const QList<QString> &ids,
                             const std::function<void(qsizetype, Result<QByteArray>)> &each)
{
    for (qsizetype start = 0; start < ids.size(); start += kItemsPerGetItem) {
        const QList<QString> chunk = ids.mid(start, kItemsPerGetItem);
        Result<QDomElement> answer = m_soap->call(
            u"GetItem"_s, u"<m:GetItem><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape>"
                          "<t:IncludeMimeContent>true</t:IncludeMimeContent></m:ItemShape>"
                          "<m:ItemIds>%1</m:ItemIds></m:GetItem>"_s.arg(itemIdsXml(chunk)));
        if (!answer.ok()) {
            for (qsizetype i = 0; i < chunk.size(); ++i)
                each(start + i, answer.error());
            continue;
        }
        const QList<QDomElement> messages = EwsSoap::responseMessages(answer.value());
        for (qsizetype i = 0; i < chunk.size(); ++i) {
            const QDomElement message = messages.value(i);
            const QString code = EwsSoap::responseCode(message);
            if (code == u"NoError"_s) {
                const QDomElement mime = EwsSoap::descendants(message, u"MimeContent"_s).value(0);
                each(start + i, QByteArray::fromBase64(mime.text().toLatin1()));
                continue;
            }
            const ErrorCode kind = code == u"ErrorMimeContentConversionFailed"_s
                                       ? ErrorCode::Unsupported
                                       : ErrorCode::Unavailable;
            each(start + i,
                 Error(kind,
                       u"Exchange Online did not hand out a message of %1: %2 (%3)."_s.arg(
                           m_mailbox, EwsSoap::messageText(message),
                           code.isEmpty() ? u"no answer"_s : code),
                       code));
        }
    }
}

Result<Core::GraphDeltaPage>
EwsMailboxClient::fetchAndNextPage(const QList<QString> &ids, const QString &link,
                                   const std::function<void(qsizetype, Result<QByteArray>)> &each)
{
    // EWS answers one request at a time per mailbox here: first the messages, then the page.
    fetch(ids, each);
    return delta(readLink(link).folderId, link);
}

Status EwsMailboxClient::remove(const QList<QString> &ids)
{
    for (qsizetype start = 0; start < ids.size(); start += 50) {
        Result<QDomElement> answer = m_soap->call(
            u"DeleteItem"_s,
            u"<m:DeleteItem DeleteType=\"MoveToDeletedItems\">"
            "<m:ItemIds>%1</m:ItemIds></m:DeleteItem>"_s.arg(itemIdsXml(ids.mid(start, 50))));
        if (!answer.ok())
            return answer.error();
        for (const QDomElement &message : EwsSoap::responseMessages(answer.value())) {
            const QString code = EwsSoap::responseCode(message);
            if (code != u"NoError"_s && code != u"ErrorItemNotFound"_s)
                return Error(ErrorCode::Unavailable,
                             u"Exchange Online did not delete a message of %1: %2 (%3)."_s.arg(
                                 m_mailbox, EwsSoap::messageText(message), code));
        }
    }
    return {};
}

} // namespace Mailkeep::Connectors
