#include "core/functions/MessageMoveFunctions.h"

#include "core/FolderPaths.h"
#include "core/StoreIndexer.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

constexpr int kMostMessagesPerMove = 1000;

struct MoveRequest
{
    QList<MessageRef> refs;
    FolderRecord target;
};

struct Source
{
    StoreRecord store;
    QList<qint64> messageIds;
    QStringList folders;
};

Result<MoveRequest> parseRequest(const MessageServices &services, const Api::Arguments &args,
                                 const Identity &caller)
{
    MoveRequest request;
    const QStringList ids = args.list(u"ids"_s);
    if (ids.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"Name the messages to move (ids)."_s);
    if (ids.size() > kMostMessagesPerMove)
        return Error(ErrorCode::InvalidArgument,
                     u"At most %1 messages are moved in one call."_s.arg(kMostMessagesPerMove));
    for (const QString &id : ids) {
        Result<MessageRef> ref = MessageRef::parse(id);
        if (!ref.ok())
            return ref.error();
        request.refs.append(ref.value());
    }
    Result<QStringList> segments = folderSegments(args.string(u"targetFolder"_s));
    if (!segments.ok())
        return segments.error();
    const QString path = folderPath(segments.value());
    if (Status allowed = services.access.mayWrite(caller, path); !allowed.ok())
        return allowed.error();
    Result<std::optional<FolderRecord>> target = services.archive.folders().findFolder(path);
    if (!target.ok())
        return target.error();
    if (!target->has_value())
        return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(path));
    request.target = target->value();
    return request;
}

// The messages grouped by store, each checked: readable (else it is answered as missing, so
// ids reveal nothing), deletable from its folder, in a store that may change.
Result<QList<Source>> checkedSources(const MessageServices &services, const MoveRequest &request,
                                     const Identity &caller)
{
    ArchiveService &archive = services.archive;
    Result<QList<StoreRecord>> readable = archive.stores().readableStores();
    if (!readable.ok())
        return readable.error();
    QList<Source> sources;
    for (const MessageRef &ref : request.refs) {
        const Error missing(ErrorCode::NotFound, u"There is no message %1."_s.arg(ref.text()));
        auto store = std::find_if(readable->cbegin(), readable->cend(),
                                  [&ref](const StoreRecord &s) { return s.id == ref.storeId; });
        if (store == readable->cend())
            return missing;
        Result<std::optional<MessageSummary>> message =
            archive.messages().message(*store, ref.messageId);
        if (!message.ok())
            return message.error();
        if (!message->has_value())
            return missing;
        Result<std::optional<FolderRecord>> folder =
            archive.folders().folderById((*message)->folderId);
        if (!folder.ok())
            return folder.error();
        const QString path = folder->has_value() ? (*folder)->path : QString();
        if (!services.access.mayRead(caller, path).ok())
            return missing;
        if (Status allowed = services.access.mayDelete(caller, path); !allowed.ok())
            return allowed.error();
        if (store->state == StoreState::WriteProtected)
            return Error(ErrorCode::Conflict,
                         u"The archive store %1 is write-protected: its messages stay where they "
                         "are."_s.arg(store->name));
        auto source = std::find_if(sources.begin(), sources.end(),
                                   [&ref](const Source &s) { return s.store.id == ref.storeId; });
        if (source == sources.end()) {
            sources.append({*store, {}, {}});
            source = sources.end() - 1;
        }
        source->messageIds.append(ref.messageId);
        if (!source->folders.contains(path))
            source->folders.append(path);
    }
    return sources;
}

Result<QJsonValue> moveMessages(const MessageServices &services, const Api::Arguments &args,
                                CallContext &context)
{
    Result<MoveRequest> request = parseRequest(services, args, context.caller);
    if (!request.ok())
        return request.error();
    Result<QList<Source>> sources = checkedSources(services, *request, context.caller);
    if (!sources.ok())
        return sources.error();
    QJsonArray ids;
    QStringList from;
    for (const Source &source : std::as_const(sources.value())) {
        for (qint64 id : source.messageIds)
            ids.append(MessageRef{source.store.id, id}.text());
        for (const QString &folder : source.folders) {
            if (!from.contains(folder))
                from.append(folder);
        }
    }
    // Logged first: mail never changes folder without its audit entry.
    if (Status logged =
            services.audit.record({0,
                                   {},
                                   AuditEvent::MessageMove,
                                   context.caller.userName,
                                   context.clientAddress,
                                   QJsonObject{{u"ids"_s, ids},
                                               {u"from"_s, QJsonArray::fromStringList(from)},
                                               {u"to"_s, request->target.path}}});
        !logged.ok())
        return logged.error();

    QJsonArray moved;
    QJsonArray alreadyThere;
    StoreIndexer indexer(services.archive);
    for (const Source &source : std::as_const(sources.value())) {
        Result<QList<qint64>> done = services.archive.messages().moveMessages(
            source.store, source.messageIds, request->target.id);
        if (!done.ok())
            return done.error();
        for (qint64 id : source.messageIds) {
            const QString ref = MessageRef{source.store.id, id}.text();
            (done->contains(id) ? moved : alreadyThere).append(ref);
        }
        // The moved messages' documents name their old folder until this replaces them; a
        // failure here is repaired by the next start or VerifyStore.
        if (Result<qint64> indexed = indexer.indexPending(source.store); !indexed.ok())
            return indexed.error();
    }
    return QJsonValue(QJsonObject{{u"moved"_s, moved}, {u"alreadyInTarget"_s, alreadyThere}});
}

} // namespace

void registerMessageMoveFunctions(FunctionRegistry &registry, const MessageServices &services)
{
    registry.add({{u"MoveMessages"_s,
                   {{u"ids"_s, ArgumentType::StringList, false},
                    {u"targetFolder"_s, ArgumentType::String, false}}},
                  Access::AnyUser,
                  [services](const Api::Arguments &args, CallContext &context) {
                      return moveMessages(services, args, context);
                  }});
}

} // namespace Mailkeep::Core
