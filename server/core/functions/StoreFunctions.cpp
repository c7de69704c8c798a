#include "core/functions/StoreFunctions.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

// Locations of the product's file-system stores do not exist here: content lives in PostgreSQL.
Status refuseFileLocations(const Api::Arguments &args)
{
    for (const QString &name : {u"databaseName"_s, u"databasePath"_s, u"contentPath"_s,
                                u"serverName"_s, u"userName"_s, u"password"_s}) {
        if (!args.string(name).isEmpty()) {
            return Error(ErrorCode::InvalidArgument,
                         u"%1 does not apply: Mailkeep keeps archive stores in its PostgreSQL "
                         "database."_s.arg(name));
        }
    }
    return {};
}

QJsonObject autoCreateJson(const StoreAutoCreateConfiguration &configuration)
{
    return QJsonObject{
        {u"enabled"_s, configuration.enabled},
        {u"sizeThreshold"_s,
         configuration.sizeThresholdMegabytes
             ? QJsonValue(static_cast<double>(*configuration.sizeThresholdMegabytes))
             : QJsonValue()},
        {u"databaseBaseDirectory"_s, QJsonValue()},
        {u"contentBaseDirectory"_s, QJsonValue()},
        {u"indexBaseDirectory"_s, QJsonValue()},
    };
}

Result<StoreAutoCreateConfiguration> autoCreateFromJson(const QJsonValue &value,
                                                        StoreAutoCreateConfiguration configuration)
{
    if (!value.isObject())
        return Error(ErrorCode::InvalidArgument, u"config must be a JSON object."_s);
    const QJsonObject object = value.toObject();
    if (object.contains(u"enabled"_s)) {
        if (!object[u"enabled"_s].isBool())
            return Error(ErrorCode::InvalidArgument, u"config.enabled must be true or false."_s);
        configuration.enabled = object[u"enabled"_s].toBool();
    }
    if (object.contains(u"sizeThreshold"_s)) {
        const QJsonValue threshold = object[u"sizeThreshold"_s];
        if (threshold.isNull()) {
            configuration.sizeThresholdMegabytes.reset();
        } else if (threshold.isDouble() && threshold.toDouble() >= 1 &&
                   threshold.toDouble() == std::floor(threshold.toDouble())) {
            configuration.sizeThresholdMegabytes = static_cast<qint64>(threshold.toDouble());
        } else {
            return Error(ErrorCode::InvalidArgument,
                         u"config.sizeThreshold must be a whole number of megabytes or null."_s);
        }
    }
    for (const QString &key :
         {u"databaseBaseDirectory"_s, u"contentBaseDirectory"_s, u"indexBaseDirectory"_s}) {
        if (object.contains(key) && !object[key].isNull() && !object[key].toString().isEmpty())
            return Error(
                ErrorCode::InvalidArgument,
                u"config.%1 does not apply: archive stores live in PostgreSQL."_s.arg(key));
    }
    return configuration;
}

Api::ArgumentSpec idArgument()
{
    return {u"id"_s, ArgumentType::Number, false};
}

} // namespace

Status auditStoreChange(AuditLog &audit, const CallContext &context, const QString &event,
                        const StoreRecord &store, QJsonObject details)
{
    details.insert(u"id"_s, store.id);
    details.insert(u"name"_s, store.name);
    return audit.record({0, {}, event, context.caller.userName, context.clientAddress, details});
}

QJsonObject storeJson(const StoreRecord &store, const QString &status)
{
    QJsonObject json{
        {u"id"_s, store.id},
        {u"name"_s, store.name},
        {u"type"_s, u"FileSystemInternal"_s},
        {u"requestedState"_s, storeStateName(store.state)},
        {u"status"_s, status},
        {u"databaseName"_s, QJsonValue()},
        {u"databasePath"_s, QJsonValue()},
        {u"contentPath"_s, QJsonValue()},
        {u"indexPath"_s, textOrNull(store.indexPath)},
        {u"serverName"_s, QJsonValue()},
        {u"userName"_s, QJsonValue()},
        {u"schemaName"_s, store.schemaName()},
        {u"createdAt"_s, timeOrNull(store.createdAt)},
        {u"messageCount"_s, static_cast<double>(store.messageCount)},
        {u"rawSize"_s, static_cast<double>(store.rawBytes)},
        {u"storedSize"_s, static_cast<double>(store.storedBytes)},
        {u"statisticsRefreshedAt"_s, timeOrNull(store.statisticsRefreshedAt)},
    };
    if (store.sizeOnDisk)
        json.insert(u"size"_s, static_cast<double>(*store.sizeOnDisk));
    return json;
}

void registerStoreFunctions(FunctionRegistry &registry, StoreService &stores, AuditLog &audit)
{
    registry.add({{u"GetStores"_s, {{u"includeSize"_s, ArgumentType::Bool, true}}},
                  Access::Admin,
                  [&stores](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
                      Result<QList<StoreRecord>> list =
                          stores.catalog().listStores(args.boolean(u"includeSize"_s, true));
                      if (!list.ok())
                          return list.error();
                      QJsonArray result;
                      for (const StoreRecord &store : list.value())
                          result.append(storeJson(store, stores.status(store)));
                      return QJsonValue(result);
                  }});

    QList<Api::ArgumentSpec> createArguments = {{u"name"_s, ArgumentType::String, false},
                                                {u"type"_s, ArgumentType::String, false}};
    for (const QString &optional :
         {u"databaseName"_s, u"databasePath"_s, u"contentPath"_s, u"indexPath"_s, u"serverName"_s,
          u"userName"_s, u"password"_s, u"requestedState"_s}) {
        createArguments.append({optional, ArgumentType::String, true});
    }
    registry.add(
        {{u"CreateStore"_s, createArguments},
         Access::Admin,
         [&stores, &audit](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             if (Status ok = refuseFileLocations(args); !ok.ok())
                 return ok.error();
             NewStore request;
             request.name = args.string(u"name"_s);
             request.type = args.string(u"type"_s);
             request.indexPath = args.string(u"indexPath"_s);
             const std::optional<StoreState> state =
                 storeStateFromName(args.string(u"requestedState"_s, u"normal"_s));
             if (!state)
                 return Error(ErrorCode::InvalidArgument,
                              u"requestedState must be current, normal, writeProtected "
                              "or disabled."_s);
             request.state = *state;
             Result<StoreRecord> created = stores.createStore(request);
             if (!created.ok())
                 return created.error();
             if (Status logged =
                     auditStoreChange(audit, context, AuditEvent::FileGroupCreate, created.value());
                 !logged.ok())
                 return logged.error();
             return QJsonValue(storeJson(created.value(), stores.status(*created)));
         }});

    registry.add(
        {{u"RenameStore"_s, {idArgument(), {u"name"_s, ArgumentType::String, false}}},
         Access::Admin,
         [&stores, &audit](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Status renamed = stores.renameStore(static_cast<int>(args.integer(u"id"_s)),
                                                 args.string(u"name"_s));
             if (!renamed.ok())
                 return renamed.error();
             Result<StoreRecord> store = stores.store(static_cast<int>(args.integer(u"id"_s)));
             if (!store.ok())
                 return store.error();
             if (Status logged =
                     auditStoreChange(audit, context, AuditEvent::FileGroupRename, *store);
                 !logged.ok())
                 return logged.error();
             return QJsonValue();
         }});

    registry.add(
        {{u"SetStoreRequestedState"_s,
          {idArgument(), {u"requestedState"_s, ArgumentType::String, true}}},
         Access::Admin,
         [&stores, &audit](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             if (!args.has(u"requestedState"_s))
                 return Error(ErrorCode::InvalidArgument,
                              u"Missing API argument requestedState."_s);
             Status set = stores.setRequestedState(static_cast<int>(args.integer(u"id"_s)),
                                                   args.string(u"requestedState"_s));
             if (!set.ok())
                 return set.error();
             Result<StoreRecord> store = stores.store(static_cast<int>(args.integer(u"id"_s)));
             if (!store.ok())
                 return store.error();
             if (Status logged = auditStoreChange(
                     audit, context, AuditEvent::FileGroupSetRequestedState, *store,
                     {{u"requestedState"_s, storeStateName(store->state)}});
                 !logged.ok())
                 return logged.error();
             return QJsonValue();
         }});

    registry.add({{u"GetStoreAutoCreateConfiguration"_s, {}},
                  Access::Admin,
                  [&stores](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<StoreAutoCreateConfiguration> configuration =
                          stores.catalog().autoCreateConfiguration();
                      if (!configuration.ok())
                          return configuration.error();
                      return QJsonValue(autoCreateJson(configuration.value()));
                  }});

    registry.add(
        {{u"SetStoreAutoCreateConfiguration"_s, {{u"config"_s, ArgumentType::Json, false}}},
         Access::Admin,
         [&stores](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             Result<StoreAutoCreateConfiguration> current =
                 stores.catalog().autoCreateConfiguration();
             if (!current.ok())
                 return current.error();
             Result<StoreAutoCreateConfiguration> changed =
                 autoCreateFromJson(args.json(u"config"_s), current.value());
             if (!changed.ok())
                 return changed.error();
             if (Status stored = stores.catalog().setAutoCreateConfiguration(changed.value());
                 !stored.ok())
                 return stored.error();
             return QJsonValue();
         }});

    registry.add({{u"RefreshAllStoreStatistics"_s, {}},
                  Access::Admin,
                  [&stores](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      if (Status refreshed = stores.catalog().refreshStatistics(); !refreshed.ok())
                          return refreshed.error();
                      return QJsonValue();
                  }});

    // One master key wraps every store's key, so unlocking one store unlocks them all.
    registry.add(
        {{u"UnlockStore"_s, {idArgument(), {u"passphrase"_s, ArgumentType::String, false}}},
         Access::Admin,
         [&stores](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             Result<QList<StoreRecord>> list = stores.catalog().listStores(false);
             if (!list.ok())
                 return list.error();
             const int id = static_cast<int>(args.integer(u"id"_s));
             if (std::none_of(list->cbegin(), list->cend(),
                              [id](const StoreRecord &store) { return store.id == id; })) {
                 return Error(ErrorCode::NotFound,
                              u"There is no archive store with id %1."_s.arg(id));
             }
             if (stores.keys().isUnlocked())
                 return QJsonValue();
             if (Status unlocked = stores.keys().unlock(args.string(u"passphrase"_s));
                 !unlocked.ok())
                 return unlocked.error();
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
