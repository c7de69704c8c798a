#include "core/functions/MessageFunctions.h"

#include "core/ContentCodec.h"
#include "core/EmailImporter.h"
#include "core/FolderPaths.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject messageJson(const MessageSummary &message, const QString &folder)
{
    return QJsonObject{
        {u"id"_s, u"%1:%2"_s.arg(message.storeId).arg(message.id)},
        {u"folder"_s, folder},
        {u"subject"_s, message.subject},
        {u"from"_s, message.sender},
        {u"to"_s, message.recipients},
        {u"date"_s, timeOrNull(message.messageDate)},
        {u"archivedAt"_s, timeOrNull(message.archivedAt)},
        {u"size"_s, static_cast<double>(message.size)},
        {u"hasAttachments"_s, message.hasAttachments},
        {u"messageId"_s, message.messageId},
        {u"parseStatus"_s, message.parseStatus},
        {u"defects"_s, QJsonArray::fromStringList(message.defects)},
        {u"sha256"_s, QString::fromLatin1(message.sha256.toHex())},
    };
}

// Read access through a folder privilege on the folder or above it.
Status checkRead(FolderStore &folders, const Identity &caller, const QString &path)
{
    Result<QList<FolderPrivilege>> granted = folders.folderPrivileges(caller.userId);
    if (!granted.ok())
        return granted.error();
    for (const FolderPrivilege &privilege : granted.value()) {
        if (privilege.privileges.contains(u"read"_s) &&
            (path == privilege.folder || path.startsWith(privilege.folder + u'/')))
            return {};
    }
    return Error(ErrorCode::PermissionDenied, u"You may not read the folder %1."_s.arg(path));
}

} // namespace

void registerMessageFunctions(FunctionRegistry &registry, ArchiveService &archive)
{
    registry.add(
        {{u"ImportEmailFiles"_s,
          {{u"userName"_s, ArgumentType::String, false},
           {u"path"_s, ArgumentType::String, false},
           {u"targetFolder"_s, ArgumentType::String, true},
           {u"format"_s, ArgumentType::String, true}}},
         Access::Admin,
         [&archive](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<ImportSummary> summary = EmailImporter(archive).run(
                 {args.string(u"userName"_s), args.string(u"path"_s),
                  args.string(u"targetFolder"_s), args.string(u"format"_s)},
                 context.progress);
             if (!summary.ok())
                 return summary.error();
             return QJsonValue(summary->toJson());
         }});

    registry.add(
        {{u"GetMessages"_s, {{u"folder"_s, ArgumentType::String, false}}},
         Access::AnyUser,
         [&archive](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<QStringList> segments = folderSegments(args.string(u"folder"_s));
             if (!segments.ok())
                 return segments.error();
             const QString path = folderPath(segments.value());
             if (Status allowed = checkRead(archive.folders(), context.caller, path); !allowed.ok())
                 return allowed.error();
             Result<std::optional<FolderRecord>> folder = archive.folders().findFolder(path);
             if (!folder.ok())
                 return folder.error();
             if (!folder->has_value())
                 return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(path));
             Result<QList<StoreRecord>> stores = archive.stores().catalog().listStores(false);
             if (!stores.ok())
                 return stores.error();
             QList<StoreRecord> visible;
             for (const StoreRecord &store : stores.value()) {
                 if (store.state != StoreState::Disabled)
                     visible << store;
             }
             Result<QList<MessageSummary>> messages =
                 archive.messages().messagesInFolders(visible, {(*folder)->id});
             if (!messages.ok())
                 return messages.error();
             QHash<int, std::pair<StoreRecord, QByteArray>> keys;
             for (const StoreRecord &store : visible) {
                 Result<QByteArray> key = archive.stores().dataKey(store);
                 if (!key.ok())
                     return key.error();
                 keys.insert(store.id, {store, key.value()});
             }
             QJsonArray list;
             for (MessageSummary message : messages.value()) {
                 const auto &[store, key] = keys.value(message.storeId);
                 if (Status opened = ArchiveService::openEnvelope(message, store, key);
                     !opened.ok())
                     return opened.error();
                 list.append(messageJson(message, path));
             }
             return QJsonValue(list);
         }});

    registry.add(
        {{u"GetMessageContent"_s, {{u"id"_s, ArgumentType::String, false}}},
         Access::AnyUser,
         [&archive](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const QStringList parts = args.string(u"id"_s).split(u':');
             bool storeOk = false;
             bool messageOk = false;
             const int storeId = parts.value(0).toInt(&storeOk);
             const qint64 messageId = parts.value(1).toLongLong(&messageOk);
             if (parts.size() != 2 || !storeOk || !messageOk)
                 return Error(ErrorCode::InvalidArgument,
                              u"A message id looks like \"3:1234\" (store:message)."_s);
             Result<QList<StoreRecord>> stores = archive.stores().catalog().listStores(false);
             if (!stores.ok())
                 return stores.error();
             const auto store = std::find_if(stores->cbegin(), stores->cend(),
                                             [&](const StoreRecord &s) { return s.id == storeId; });
             const Error missing(ErrorCode::NotFound,
                                 u"There is no message %1."_s.arg(args.string(u"id"_s)));
             if (store == stores->cend() || store->state == StoreState::Disabled)
                 return missing;
             auto found = archive.messages().messageWithContent(*store, messageId);
             if (!found.ok())
                 return found.error();
             if (!found->has_value())
                 return missing;
             auto [message, sealed] = found->value();
             Result<std::optional<FolderRecord>> folder =
                 archive.folders().folderById(message.folderId);
             if (!folder.ok())
                 return folder.error();
             const QString path = folder->has_value() ? (*folder)->path : QString();
             // Same answer as for a missing message: ids reveal nothing.
             if (!checkRead(archive.folders(), context.caller, path).ok())
                 return missing;
             Result<QByteArray> key = archive.stores().dataKey(*store);
             if (!key.ok())
                 return key.error();
             if (Status opened = ArchiveService::openEnvelope(message, *store, key.value());
                 !opened.ok())
                 return opened.error();
             Result<QByteArray> raw = ContentCodec::decode(
                 sealed, key.value(), ArchiveService::contentBinding(*store, message.sha256));
             if (!raw.ok())
                 return Error(
                     ErrorCode::DatabaseError,
                     u"The content of message %1 cannot be decrypted."_s.arg(args.string(u"id"_s)),
                     raw.error().message);
             QJsonObject json = messageJson(message, path);
             json.insert(u"raw"_s, QString::fromLatin1(raw->toBase64()));
             return QJsonValue(json);
         }});
}

} // namespace Mailkeep::Core
