#include "core/functions/SearchFunctions.h"

#include "core/ContentCodec.h"
#include "core/FolderPaths.h"
#include "core/SearchQueryParser.h"
#include "core/SearchScope.h"
#include "core/SearchSnippets.h"
#include "core/StoreIndexer.h"
#include "core/functions/MessageJson.h"
#include "mime/MessageParser.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

constexpr int kLargestPage = 500;
// Messages archived before envelopes held a preview: their text is read from the content when
// it is small enough to be worth it for one line.
constexpr qint64 kLargestSnippetContent = 1024 * 1024;

Result<SearchSort> sortFrom(const QString &name)
{
    const QString sort = name.trimmed().toLower();
    if (sort.isEmpty() || sort == u"date"_s)
        return SearchSort::Date;
    if (sort == u"relevance"_s)
        return SearchSort::Relevance;
    if (sort == u"sender"_s || sort == u"from"_s)
        return SearchSort::Sender;
    if (sort == u"subject"_s)
        return SearchSort::Subject;
    if (sort == u"size"_s)
        return SearchSort::Size;
    return Error(ErrorCode::InvalidArgument,
                 u"sort must be date, relevance, sender, subject or size."_s);
}

// The text a snippet is cut from: the preview sealed with the envelope, or the message's text.
Result<QString> snippetSource(ArchiveService &archive, const StoreRecord &store,
                              const QByteArray &key, const MessageSummary &message)
{
    if (!message.preview.isEmpty() || message.size > kLargestSnippetContent)
        return message.preview;
    auto found = archive.messages().messageWithContent(store, message.id);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return QString();
    Result<QByteArray> raw = ContentCodec::decode(
        (*found)->second, key, ArchiveService::contentBinding(store, message.sha256));
    if (!raw.ok())
        return QString();
    return Mime::MessageParser::parse(raw.value()).bodyText;
}

Result<QJsonValue> searchMessages(const MessageServices &services, const Api::Arguments &args,
                                  CallContext &context)
{
    ArchiveService &archive = services.archive;
    Result<SearchNode> query = SearchQueryParser::parse(args.string(u"query"_s));
    if (!query.ok())
        return query.error();
    Result<SearchSort> sort = sortFrom(args.string(u"sort"_s));
    if (!sort.ok())
        return sort.error();
    SearchRequest request;
    request.query = query.value();
    request.sort = sort.value();
    request.descending = args.boolean(u"descending"_s, request.sort != SearchSort::Sender &&
                                                           request.sort != SearchSort::Subject);
    request.offset = static_cast<int>(std::max<qint64>(0, args.integer(u"offset"_s, 0)));
    request.limit = static_cast<int>(args.integer(u"limit"_s, 50));
    if (request.limit < 1 || request.limit > kLargestPage)
        return Error(ErrorCode::InvalidArgument,
                     u"limit must be between 1 and %1."_s.arg(kLargestPage));
    if (Status scoped =
            limitSearchScope(request, services.access, context.caller, args.string(u"folder"_s));
        !scoped.ok())
        return scoped.error();

    Result<QList<StoreRecord>> stores = archive.stores().readableStores();
    if (!stores.ok())
        return stores.error();
    Result<SearchHits> hits = archive.index().search(stores.value(), request);
    if (!hits.ok())
        return hits.error();
    QHash<int, std::pair<StoreRecord, QByteArray>> keys;
    for (const StoreRecord &store : stores.value()) {
        Result<QByteArray> key = archive.stores().dataKey(store);
        if (!key.ok())
            return key.error();
        keys.insert(store.id, {store, key.value()});
    }
    const bool withSnippets = args.boolean(u"snippets"_s, true);
    const QSet<QString> terms = highlightTerms(request.query);
    QJsonArray results;
    for (const SearchHit &hit : hits->hits) {
        const auto &[store, key] = keys[hit.storeId];
        Result<std::optional<MessageSummary>> summary =
            archive.messages().message(store, hit.messageId);
        if (!summary.ok())
            return summary.error();
        std::optional<MessageSummary> message = summary.value();
        if (!message)
            continue; // deleted since the search
        Result<std::optional<FolderRecord>> folder =
            archive.folders().folderById(message->folderId);
        if (!folder.ok())
            return folder.error();
        const QString path = folder->has_value() ? (*folder)->path : QString();
        // The index query is scoped already; this is the server's second look.
        if (!services.access.mayRead(context.caller, path).ok())
            continue;
        if (Status opened = ArchiveService::openEnvelope(*message, store, key); !opened.ok())
            return opened.error();
        QJsonObject json = messageJson(*message, path);
        if (withSnippets) {
            Result<QString> text = snippetSource(archive, store, key, *message);
            if (!text.ok())
                return text.error();
            if (!text->isEmpty())
                json.insert(u"snippet"_s, snippet(text.value(), terms));
        }
        results.append(json);
    }
    return QJsonValue(QJsonObject{{u"total"_s, static_cast<double>(hits->total)},
                                  {u"offset"_s, request.offset},
                                  {u"limit"_s, request.limit},
                                  {u"results"_s, results}});
}

} // namespace

void registerSearchFunctions(FunctionRegistry &registry, const MessageServices &services)
{
    registry.add({{u"SearchMessages"_s,
                   {{u"query"_s, ArgumentType::String, true},
                    {u"folder"_s, ArgumentType::String, true},
                    {u"sort"_s, ArgumentType::String, true},
                    {u"descending"_s, ArgumentType::Bool, true},
                    {u"offset"_s, ArgumentType::Number, true},
                    {u"limit"_s, ArgumentType::Number, true},
                    {u"snippets"_s, ArgumentType::Bool, true}}},
                  Access::AnyUser,
                  [services](const Api::Arguments &args, CallContext &context) {
                      return searchMessages(services, args, context);
                  }});

    auto indexer = std::make_shared<StoreIndexer>(services.archive);
    StoreService &stores = services.archive.stores();
    registry.add(
        {{u"GetStoreIndexes"_s, {{u"id"_s, ArgumentType::Number, true}}},
         Access::Admin,
         [&stores, services](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             Result<QList<StoreRecord>> list = stores.readableStores();
             if (!list.ok())
                 return list.error();
             QJsonArray result;
             for (const StoreRecord &store : list.value()) {
                 if (args.has(u"id"_s) && store.id != args.integer(u"id"_s))
                     continue;
                 Result<QSet<qint64>> documents = services.archive.index().documentIds(store);
                 if (!documents.ok())
                     return documents.error();
                 Result<qint64> pending = services.archive.messages().unindexedCount(store);
                 if (!pending.ok())
                     return pending.error();
                 result.append(QJsonObject{{u"id"_s, store.id},
                                           {u"name"_s, store.name},
                                           {u"documents"_s, static_cast<double>(documents->size())},
                                           {u"pending"_s, static_cast<double>(pending.value())}});
             }
             return QJsonValue(result);
         }});

    registry.add(
        {{u"RebuildStoreIndex"_s,
          {{u"id"_s, ArgumentType::Number, false}, {u"folder"_s, ArgumentType::String, true}}},
         Access::Admin,
         [&stores, indexer](const Api::Arguments &args,
                            CallContext &context) -> Result<QJsonValue> {
             Result<StoreRecord> store = stores.store(static_cast<int>(args.integer(u"id"_s)));
             if (!store.ok())
                 return store.error();
             QString folder;
             if (!args.string(u"folder"_s).trimmed().isEmpty()) {
                 Result<QStringList> segments = folderSegments(args.string(u"folder"_s));
                 if (!segments.ok())
                     return segments.error();
                 folder = folderPath(segments.value());
             }
             Result<QJsonObject> rebuilt = indexer->rebuild(*store, folder, &context.progress);
             if (!rebuilt.ok())
                 return rebuilt.error();
             return QJsonValue(*rebuilt);
         }});

    // The selection lives as long as the server runs: select, then rebuild.
    auto selected = std::make_shared<std::pair<std::mutex, QList<int>>>();
    registry.add({{u"SelectAllStoreIndexesForRebuild"_s, {}},
                  Access::Admin,
                  [&stores, selected](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<QList<StoreRecord>> list = stores.readableStores();
                      if (!list.ok())
                          return list.error();
                      std::lock_guard lock(selected->first);
                      selected->second.clear();
                      for (const StoreRecord &store : list.value())
                          selected->second << store.id;
                      return QJsonValue();
                  }});
    registry.add({{u"RebuildSelectedStoreIndexes"_s, {}},
                  Access::Admin,
                  [&stores, selected, indexer](const Api::Arguments &,
                                               CallContext &context) -> Result<QJsonValue> {
                      QList<int> ids;
                      {
                          std::lock_guard lock(selected->first);
                          ids = std::exchange(selected->second, {});
                      }
                      QJsonArray results;
                      for (const int id : ids) {
                          Result<StoreRecord> store = stores.store(id);
                          if (!store.ok())
                              continue; // detached since
                          Result<QJsonObject> rebuilt =
                              indexer->rebuild(*store, {}, &context.progress);
                          if (!rebuilt.ok())
                              return rebuilt.error();
                          QJsonObject json = rebuilt.value();
                          json.insert(u"id"_s, id);
                          results.append(json);
                      }
                      return QJsonValue(results);
                  }});
}

} // namespace Mailkeep::Core
