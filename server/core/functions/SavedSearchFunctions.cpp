#include "core/functions/SavedSearchFunctions.h"

#include "core/SearchQueryParser.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
using Api::ArgumentType;
const QStringList kSorts = {u"date"_s, u"relevance"_s, u"sender"_s, u"subject"_s, u"size"_s};
} // namespace

void registerSavedSearchFunctions(FunctionRegistry &registry, SavedSearchStore &searches)
{
    registry.add(
        {{u"SaveSearch"_s,
          {{u"name"_s, ArgumentType::String, false},
           {u"query"_s, ArgumentType::String, false},
           {u"folder"_s, ArgumentType::String, true},
           {u"sort"_s, ArgumentType::String, true}}},
         Access::AnyUser,
         [&searches](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const QString name = args.string(u"name"_s).trimmed();
             if (name.isEmpty() || name.size() > 200)
                 return Error(ErrorCode::InvalidArgument,
                              u"A saved search needs a name of at most 200 characters."_s);
             // Saved only when it can be run.
             if (Result<SearchNode> parsed = SearchQueryParser::parse(args.string(u"query"_s));
                 !parsed.ok())
                 return parsed.error();
             const QString sort = args.string(u"sort"_s).trimmed().toLower();
             if (!sort.isEmpty() && !kSorts.contains(sort))
                 return Error(ErrorCode::InvalidArgument,
                              u"sort must be date, relevance, sender, subject or size."_s);
             if (Status saved = searches.save(
                     context.caller.userId,
                     {name, args.string(u"query"_s), args.string(u"folder"_s).trimmed(), sort, {}});
                 !saved.ok())
                 return saved.error();
             return QJsonValue();
         }});

    registry.add({{u"GetSavedSearches"_s, {}},
                  Access::AnyUser,
                  [&searches](const Api::Arguments &, CallContext &context) -> Result<QJsonValue> {
                      Result<QList<SavedSearch>> list = searches.list(context.caller.userId);
                      if (!list.ok())
                          return list.error();
                      QJsonArray result;
                      for (const SavedSearch &search : list.value()) {
                          result.append(QJsonObject{
                              {u"name"_s, search.name},
                              {u"query"_s, search.query},
                              {u"folder"_s,
                               search.folder.isEmpty() ? QJsonValue() : QJsonValue(search.folder)},
                              {u"sort"_s, search.sort.isEmpty() ? QJsonValue(u"date"_s)
                                                                : QJsonValue(search.sort)},
                              {u"createdAt"_s, search.createdAt.toUTC().toString(Qt::ISODate)}});
                      }
                      return QJsonValue(result);
                  }});

    registry.add(
        {{u"DeleteSavedSearch"_s, {{u"name"_s, ArgumentType::String, false}}},
         Access::AnyUser,
         [&searches](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<bool> removed =
                 searches.remove(context.caller.userId, args.string(u"name"_s).trimmed());
             if (!removed.ok())
                 return removed.error();
             if (!removed.value())
                 return Error(ErrorCode::NotFound, u"You have no saved search named %1."_s.arg(
                                                       args.string(u"name"_s).trimmed()));
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
