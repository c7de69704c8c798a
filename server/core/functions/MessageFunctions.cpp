#include "core/functions/MessageFunctions.h"

#include "core/ContentCodec.h"
#include "core/EmailImporter.h"
#include "core/FolderListing.h"
#include "core/FolderPaths.h"
#include "core/WorkerRuns.h"
#include "core/functions/MessageJson.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

// An attached store whose mail can be read; the same NotFound as for a missing message
// otherwise, so ids reveal nothing.
Result<StoreRecord> readableStore(StoreService &stores, const MessageRef &ref)
{
    Result<QList<StoreRecord>> readable = stores.readableStores();
    if (!readable.ok())
        return readable.error();
    for (const StoreRecord &store : readable.value()) {
        if (store.id == ref.storeId)
            return store;
    }
    return Error(ErrorCode::NotFound, u"There is no message %1."_s.arg(ref.text()));
}

} // namespace

void registerMessageFunctions(FunctionRegistry &registry, const MessageServices &services)
{
    ArchiveService &archive = services.archive;
    MessageAccess &access = services.access;
    registry.add(
        {{u"ImportEmailFiles"_s,
          {{u"userName"_s, ArgumentType::String, false},
           {u"path"_s, ArgumentType::String, false},
           {u"targetFolder"_s, ArgumentType::String, true},
           {u"format"_s, ArgumentType::String, true}}},
         Access::Admin,
         [services](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const ImportRequest request{args.string(u"userName"_s), args.string(u"path"_s),
                                         args.string(u"targetFolder"_s), args.string(u"format"_s)};
             WorkerResult record;
             record.profileName = u"Import of %1"_s.arg(request.path);
             record.userName = request.userName.trimmed().toLower();
             record.startedBy = context.caller.userName;
             WorkerRun run(services.results, services.clock, record);
             if (Status begun = run.begin(); !begun.ok())
                 return begun.error();
             ImportSummary summary;
             const Status imported =
                 EmailImporter(services.archive).run(request, context.progress, summary);
             QJsonObject json = summary.toJson();
             if (Status finished = run.finish(imported, summary, json); !finished.ok())
                 return finished.error();
             if (!imported.ok()) {
                 Error error = imported.error();
                 error.details =
                     u"Worker result %1 tells what was archived before."_s.arg(run.id());
                 return error;
             }
             json.insert(u"workerResultId"_s, static_cast<double>(run.id()));
             return QJsonValue(json);
         }});

    registry.add(
        {{u"GetMessages"_s,
          {{u"folder"_s, ArgumentType::String, false},
           {u"sort"_s, ArgumentType::String, true},
           {u"descending"_s, ArgumentType::Bool, true},
           {u"offset"_s, ArgumentType::Number, true},
           {u"limit"_s, ArgumentType::Number, true}}},
         Access::AnyUser,
         [&archive, &access](const Api::Arguments &args,
                             CallContext &context) -> Result<QJsonValue> {
             Result<QStringList> segments = folderSegments(args.string(u"folder"_s));
             if (!segments.ok())
                 return segments.error();
             const QString path = folderPath(segments.value());
             if (Status allowed = access.mayRead(context.caller, path); !allowed.ok())
                 return allowed.error();
             Result<std::optional<FolderRecord>> folder = archive.folders().findFolder(path);
             if (!folder.ok())
                 return folder.error();
             if (!folder->has_value())
                 return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(path));
             const QString sort = args.string(u"sort"_s, u"date"_s).toLower();
             static const QStringList sorts{u"date"_s, u"size"_s, u"subject"_s, u"sender"_s};
             if (!sorts.contains(sort))
                 return Error(ErrorCode::InvalidArgument,
                              u"sort must be date, size, subject or sender."_s);
             const qint64 offset = args.integer(u"offset"_s, 0);
             const qint64 limit = args.integer(u"limit"_s, 0); // 0: all
             if (offset < 0 || limit < 0)
                 return Error(ErrorCode::InvalidArgument,
                              u"offset and limit cannot be negative."_s);
             const bool descending =
                 args.boolean(u"descending"_s, sort == u"date"_s || sort == u"size"_s);
             Result<QList<MessageSummary>> page =
                 FolderListing(archive).page(folder->value(), {sort, descending, offset, limit});
             if (!page.ok())
                 return page.error();
             QJsonArray list;
             for (const MessageSummary &message : page.value())
                 list.append(messageJson(message, path));
             return QJsonValue(list);
         }});

    registry.add(
        {{u"GetMessageContent"_s, {{u"id"_s, ArgumentType::String, false}}},
         Access::AnyUser,
         [&archive, &access](const Api::Arguments &args,
                             CallContext &context) -> Result<QJsonValue> {
             Result<MessageRef> ref = MessageRef::parse(args.string(u"id"_s));
             if (!ref.ok())
                 return ref.error();
             const Error missing(ErrorCode::NotFound,
                                 u"There is no message %1."_s.arg(ref->text()));
             Result<StoreRecord> store = readableStore(archive.stores(), ref.value());
             if (!store.ok())
                 return store.error();
             const qint64 messageId = ref->messageId;
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
             if (!access.mayRead(context.caller, path).ok())
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

    registry.add(
        {{u"DeleteMessage"_s,
          {{u"id"_s, ArgumentType::String, false}, {u"reason"_s, ArgumentType::String, false}}},
         Access::AnyUser,
         [services, &archive](const Api::Arguments &args,
                              CallContext &context) -> Result<QJsonValue> {
             Result<MessageRef> ref = MessageRef::parse(args.string(u"id"_s));
             if (!ref.ok())
                 return ref.error();
             const QString reason = args.string(u"reason"_s).trimmed();
             if (reason.isEmpty())
                 return Error(ErrorCode::InvalidArgument,
                              u"Say why the message is deleted (reason): it goes to the audit "
                              "log."_s);
             const Error missing(ErrorCode::NotFound,
                                 u"There is no message %1."_s.arg(ref->text()));
             Result<StoreRecord> store = readableStore(archive.stores(), ref.value());
             if (!store.ok())
                 return store.error();
             Result<std::optional<MessageSummary>> message =
                 archive.messages().message(*store, ref->messageId);
             if (!message.ok())
                 return message.error();
             if (!message->has_value())
                 return missing;
             Result<std::optional<FolderRecord>> folder =
                 archive.folders().folderById((*message)->folderId);
             if (!folder.ok())
                 return folder.error();
             const QString path = folder->has_value() ? (*folder)->path : QString();
             if (!services.access.mayRead(context.caller, path).ok() &&
                 !services.access.mayDelete(context.caller, path).ok())
                 return missing;
             if (Status allowed = services.access.mayDelete(context.caller, path); !allowed.ok())
                 return allowed.error();
             if (store->state == StoreState::WriteProtected)
                 return Error(ErrorCode::Conflict,
                              u"The archive store %1 is write-protected: its messages cannot be "
                              "deleted."_s.arg(store->name));
             // Logged first: a deletion never happens without its audit entry.
             if (Status logged = services.audit.record(
                     {0,
                      {},
                      AuditEvent::MessageDelete,
                      context.caller.userName,
                      context.clientAddress,
                      QJsonObject{{u"id"_s, ref->text()},
                                  {u"folder"_s, path},
                                  {u"sha256"_s, QString::fromLatin1((*message)->sha256.toHex())},
                                  {u"reason"_s, reason}}});
                 !logged.ok())
                 return logged.error();
             Result<bool> deleted = archive.messages().deleteMessage(*store, ref->messageId);
             if (!deleted.ok())
                 return deleted.error();
             if (!deleted.value())
                 return missing;
             // A failure here leaves a document whose message is gone; searches skip it and
             // VerifyStore removes it.
             if (Status unindexed = archive.index().removeDocuments(*store, {ref->messageId});
                 !unindexed.ok())
                 return unindexed.error();
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
