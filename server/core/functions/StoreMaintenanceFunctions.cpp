#include "core/functions/StoreMaintenanceFunctions.h"

#include "core/functions/StoreFunctions.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

Api::ArgumentSpec idArgument()
{
    return {u"id"_s, ArgumentType::Number, false};
}

int storeId(const Api::Arguments &args, const QString &name = QStringLiteral("id"))
{
    return static_cast<int>(args.integer(name));
}

// The product's locations of file-system stores have no meaning here; anything but
// databaseName (the schema) and indexPath is refused with a reason.
Status refuseForeignLocations(const Api::Arguments &args)
{
    for (const QString &name :
         {u"databasePath"_s, u"contentPath"_s, u"serverName"_s, u"userName"_s, u"password"_s}) {
        if (!args.string(name).isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         u"%1 does not apply: Mailkeep keeps archive stores in its PostgreSQL "
                         "database."_s.arg(name));
    }
    const QString type = args.string(u"type"_s);
    if (!type.isEmpty() && type.compare(u"FileSystemInternal"_s, Qt::CaseInsensitive) != 0)
        return Error(
            ErrorCode::Unsupported,
            u"External %1 archive stores are not supported; use FileSystemInternal."_s.arg(type));
    return {};
}

} // namespace

void registerStoreMaintenanceFunctions(FunctionRegistry &registry, ArchiveService &archive,
                                       AuditLog &audit)
{
    StoreService &stores = archive.stores();
    auto maintenance = std::make_shared<StoreMaintenance>(archive);

    QList<Api::ArgumentSpec> attachArguments = {{u"name"_s, ArgumentType::String, false},
                                                {u"type"_s, ArgumentType::String, false}};
    for (const QString &optional :
         {u"databaseName"_s, u"databasePath"_s, u"contentPath"_s, u"indexPath"_s, u"serverName"_s,
          u"userName"_s, u"password"_s, u"requestedState"_s})
        attachArguments.append({optional, ArgumentType::String, true});
    registry.add(
        {{u"AttachStore"_s, attachArguments},
         Access::Admin,
         [&stores, &audit](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             if (Status ok = refuseForeignLocations(args); !ok.ok())
                 return ok.error();
             if (args.string(u"databaseName"_s).isEmpty())
                 return Error(ErrorCode::InvalidArgument,
                              u"databaseName must name the schema of a detached store "
                              "(schemaName in GetStores, e.g. store_0123456789abcdef)."_s);
             Result<StoreRecord> attached =
                 stores.attachStore(args.string(u"databaseName"_s), args.string(u"name"_s),
                                    args.string(u"requestedState"_s));
             if (!attached.ok())
                 return attached.error();
             if (Status logged =
                     auditStoreChange(audit, context, AuditEvent::FileGroupAttach, *attached);
                 !logged.ok())
                 return logged.error();
             return QJsonValue(storeJson(*attached, stores.status(*attached)));
         }});

    registry.add({{u"DetachStore"_s, {idArgument()}},
                  Access::Admin,
                  [&archive, &stores, &audit](const Api::Arguments &args,
                                              CallContext &context) -> Result<QJsonValue> {
                      Result<StoreRecord> store = stores.store(storeId(args));
                      if (!store.ok())
                          return store.error();
                      if (Status detached = stores.detachStore(store->id); !detached.ok())
                          return detached.error();
                      archive.index().close(*store);
                      if (Status logged =
                              auditStoreChange(audit, context, AuditEvent::FileGroupDetach, *store,
                                               {{u"schemaName"_s, store->schemaName()}});
                          !logged.ok())
                          return logged.error();
                      return QJsonValue();
                  }});

    QList<Api::ArgumentSpec> propertyArguments = {idArgument(),
                                                  {u"type"_s, ArgumentType::String, true}};
    for (const QString &optional : {u"databaseName"_s, u"databasePath"_s, u"contentPath"_s,
                                    u"indexPath"_s, u"serverName"_s, u"userName"_s, u"password"_s})
        propertyArguments.append({optional, ArgumentType::String, true});
    registry.add(
        {{u"SetStoreProperties"_s, propertyArguments},
         Access::Admin,
         [&stores, &audit](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             if (Status ok = refuseForeignLocations(args); !ok.ok())
                 return ok.error();
             if (!args.string(u"databaseName"_s).isEmpty())
                 return Error(ErrorCode::InvalidArgument,
                              u"databaseName cannot be changed: it is the store's schema."_s);
             if (Status set = stores.setIndexPath(storeId(args), args.string(u"indexPath"_s));
                 !set.ok())
                 return set.error();
             Result<StoreRecord> store = stores.store(storeId(args));
             if (!store.ok())
                 return store.error();
             if (Status logged =
                     auditStoreChange(audit, context, AuditEvent::FileGroupSetProperties, *store,
                                      {{u"indexPath"_s, store->indexPath}});
                 !logged.ok())
                 return logged.error();
             return QJsonValue();
         }});

    registry.add({{u"RetryOpenStores"_s, {}},
                  Access::Admin,
                  [&stores](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      if (Status opened = stores.openStores(); !opened.ok())
                          return opened.error();
                      Result<QList<StoreRecord>> list = stores.catalog().listStores(false);
                      if (!list.ok())
                          return list.error();
                      QJsonArray result;
                      for (const StoreRecord &store : list.value()) {
                          QJsonObject json{{u"id"_s, store.id},
                                           {u"name"_s, store.name},
                                           {u"status"_s, stores.status(store)}};
                          if (const QString error = stores.openError(store.id); !error.isEmpty())
                              json.insert(u"error"_s, error);
                          result.append(json);
                      }
                      return QJsonValue(result);
                  }});

    registry.add(
        {{u"VerifyStore"_s, {idArgument(), {u"includeIndexes"_s, ArgumentType::Bool, true}}},
         Access::Admin,
         [maintenance](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<QJsonObject> report = maintenance->verify(
                 storeId(args), args.boolean(u"includeIndexes"_s, true), context.progress);
             if (!report.ok())
                 return report.error();
             return QJsonValue(*report);
         }});

    registry.add(
        {{u"VerifyStores"_s, {{u"includeIndexes"_s, ArgumentType::Bool, true}}},
         Access::Admin,
         [maintenance](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<QJsonObject> report =
                 maintenance->verifyAll(args.boolean(u"includeIndexes"_s, true), context.progress);
             if (!report.ok())
                 return report.error();
             return QJsonValue(*report);
         }});

    registry.add({{u"CompactStore"_s, {idArgument()}},
                  Access::Admin,
                  [maintenance, &stores, &audit](const Api::Arguments &args,
                                                 CallContext &context) -> Result<QJsonValue> {
                      Result<StoreRecord> store = stores.store(storeId(args));
                      if (!store.ok())
                          return store.error();
                      Result<QJsonObject> result = maintenance->compact(store->id);
                      if (!result.ok())
                          return result.error();
                      if (Status logged = auditStoreChange(
                              audit, context, AuditEvent::FileGroupCompact, *store, *result);
                          !logged.ok())
                          return logged.error();
                      return QJsonValue(*result);
                  }});

    registry.add({{u"MergeStore"_s, {idArgument(), {u"sourceId"_s, ArgumentType::Number, false}}},
                  Access::Admin,
                  [maintenance, &stores, &audit](const Api::Arguments &args,
                                                 CallContext &context) -> Result<QJsonValue> {
                      Result<QJsonObject> result = maintenance->transfer(
                          {storeId(args, u"sourceId"_s)}, storeId(args), {}, context.progress);
                      if (!result.ok())
                          return result.error();
                      Result<StoreRecord> target = stores.store(storeId(args));
                      if (!target.ok())
                          return target.error();
                      if (Status logged =
                              auditStoreChange(audit, context, AuditEvent::FileGroupMerge, *target,
                                               {{u"sourceId"_s, storeId(args, u"sourceId"_s)},
                                                {u"copied"_s, (*result)[u"copied"_s]}});
                          !logged.ok())
                          return logged.error();
                      return QJsonValue(*result);
                  }});

    registry.add(
        {{u"TransferStores"_s,
          {{u"sourceStores"_s, ArgumentType::StringList, false},
           {u"targetStore"_s, ArgumentType::Number, true},
           {u"startIndex"_s, ArgumentType::String, true}}},
         Access::Admin,
         [maintenance, &stores, &audit](const Api::Arguments &args,
                                        CallContext &context) -> Result<QJsonValue> {
             QList<int> sources;
             for (const QString &text : args.list(u"sourceStores"_s)) {
                 bool ok = false;
                 const int id = text.trimmed().toInt(&ok);
                 if (!ok || id <= 0)
                     return Error(ErrorCode::InvalidArgument,
                                  u"sourceStores is a comma-separated list of store ids."_s);
                 sources << id;
             }
             std::optional<int> target;
             if (args.has(u"targetStore"_s))
                 target = storeId(args, u"targetStore"_s);
             Result<QJsonObject> result = maintenance->transfer(
                 sources, target, args.string(u"startIndex"_s), context.progress);
             if (!result.ok())
                 return result.error();
             Result<StoreRecord> targetStore =
                 stores.store(static_cast<int>((*result)[u"targetStore"_s].toInt()));
             if (!targetStore.ok())
                 return targetStore.error();
             if (Status logged =
                     auditStoreChange(audit, context, AuditEvent::FileGroupTransfer, *targetStore,
                                      {{u"sourceStores"_s, args.string(u"sourceStores"_s)},
                                       {u"copied"_s, (*result)[u"copied"_s]}});
                 !logged.ok())
                 return logged.error();
             return QJsonValue(*result);
         }});
}

} // namespace Mailkeep::Core
