#include "core/functions/ProfileFunctions.h"

#include "core/profiles/MaintenanceWindows.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

// MailStore documents raw=true as the only form; a caller asking for another gets told.
Status onlyRaw(const Api::Arguments &args)
{
    if (args.has(u"raw"_s) && !args.boolean(u"raw"_s, true))
        return Error(ErrorCode::Unsupported, u"Profiles come only in their raw form (raw=true)."_s);
    return {};
}

Result<QJsonObject> objectArgument(const Api::Arguments &args, const QString &name)
{
    const QJsonValue value = args.json(name);
    if (!value.isObject())
        return Error(ErrorCode::InvalidArgument,
                     u"%1 must be a JSON object of the profile's properties."_s.arg(name));
    return value.toObject();
}

Result<QJsonValue> setServerSideExecution(const ProfileServices &services,
                                          const Api::Arguments &args, CallContext &context)
{
    const qint64 id = args.integer(u"id"_s, 0);
    ServerSideExecution execution;
    execution.automatic = args.boolean(u"automatic"_s, false);
    if (execution.automatic) {
        if (!args.has(u"automaticPauseBetweenExecutions"_s))
            return Error(ErrorCode::InvalidArgument,
                         u"An automatic profile needs automaticPauseBetweenExecutions (seconds "
                         "between the end of one run and the start of the next)."_s);
        const qint64 pause = args.integer(u"automaticPauseBetweenExecutions"_s, 0);
        if (pause < 0 || pause > std::numeric_limits<int>::max())
            return Error(ErrorCode::InvalidArgument,
                         u"automaticPauseBetweenExecutions is between 0 and 2147483647 "
                         "seconds."_s);
        execution.pauseSeconds = static_cast<int>(pause);
        Result<MaintenanceWindows> windows =
            MaintenanceWindows::parse(args.string(u"automaticMaintenanceWindows"_s));
        if (!windows.ok())
            return windows.error();
        execution.maintenanceWindows = windows->text();
    }
    Result<ProfileRecord> profile = services.profiles.visibleProfile(context.caller, id);
    if (!profile.ok())
        return profile.error();
    if (execution.automatic && !services.runner.hasJob(profile->type))
        return Error(ErrorCode::Unsupported,
                     u"This server cannot run %1 profiles."_s.arg(profile->type));
    // Taken before the change: a run the scheduler starts as soon as it sees the profile
    // automatic counts as the one asked for here.
    const QDateTime asked = services.scheduler.now();
    if (Status set = services.profiles.setExecution(context.caller, id, execution); !set.ok())
        return set.error();
    // Automatic again: it starts anew (what MailStore calls a restart).
    if (execution.automatic)
        services.scheduler.runSoon(id, asked);
    return QJsonValue();
}

} // namespace

void registerProfileFunctions(FunctionRegistry &registry, const ProfileServices &services)
{
    ProfileService &profiles = services.profiles;
    ProfileRunner &runner = services.runner;

    registry.add(
        {{u"GetProfiles"_s, {{u"raw"_s, ArgumentType::Bool, true}}},
         Access::AnyUser,
         [&profiles](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             if (Status raw = onlyRaw(args); !raw.ok())
                 return raw.error();
             Result<QList<ProfileRecord>> list = profiles.visible(context.caller);
             if (!list.ok())
                 return list.error();
             QJsonArray json;
             for (const ProfileRecord &profile : list.value())
                 json.append(ProfileService::toJson(profile));
             return QJsonValue(json);
         }});

    registry.add(
        {{u"CreateProfile"_s,
          {{u"properties"_s, ArgumentType::Json, false}, {u"raw"_s, ArgumentType::Bool, true}}},
         Access::AnyUser,
         [&profiles](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             if (Status raw = onlyRaw(args); !raw.ok())
                 return raw.error();
             Result<QJsonObject> document = objectArgument(args, u"properties"_s);
             if (!document.ok())
                 return document.error();
             Result<ProfileRecord> saved = profiles.save(context.caller, *document);
             if (!saved.ok())
                 return saved.error();
             return QJsonValue(ProfileService::toJson(saved.value()));
         }});

    registry.add(
        {{u"GetProfileHistory"_s, {{u"id"_s, ArgumentType::Number, false}}},
         Access::AnyUser,
         [&profiles](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const qint64 id = args.integer(u"id"_s, 0);
             Result<ProfileRecord> profile = profiles.visibleProfile(context.caller, id);
             if (!profile.ok())
                 return profile.error();
             Result<QList<ProfileHistoryEntry>> history = profiles.store().history(id);
             if (!history.ok())
                 return history.error();
             QJsonArray json;
             for (const ProfileHistoryEntry &entry : history.value())
                 json.append(QJsonObject{{u"at"_s, entry.at.toUTC().toString(Qt::ISODate)},
                                         {u"event"_s, entry.event},
                                         {u"userName"_s, entry.userName},
                                         {u"details"_s, entry.details}});
             return QJsonValue(json);
         }});

    registry.add({{u"DeleteProfile"_s, {{u"id"_s, ArgumentType::Number, false}}},
                  Access::AnyUser,
                  [&profiles, &runner](const Api::Arguments &args,
                                       CallContext &context) -> Result<QJsonValue> {
                      const qint64 id = args.integer(u"id"_s, 0);
                      if (runner.isRunning(id))
                          return Error(ErrorCode::Conflict,
                                       u"Profile %1 is running: cancel the run or wait for its "
                                       "end first."_s.arg(id));
                      if (Status removed = profiles.remove(context.caller, id); !removed.ok())
                          return removed.error();
                      return QJsonValue();
                  }});

    registry.add(
        {{u"RunProfile"_s,
          {{u"id"_s, ArgumentType::Number, false}, {u"properties"_s, ArgumentType::Json, true}}},
         Access::AnyUser,
         [&profiles, &runner](const Api::Arguments &args,
                              CallContext &context) -> Result<QJsonValue> {
             Result<ProfileRecord> profile =
                 profiles.visibleProfile(context.caller, args.integer(u"id"_s, 0));
             if (!profile.ok())
                 return profile.error();
             if (Status allowed = profiles.mayRun(context.caller, *profile); !allowed.ok())
                 return allowed.error();
             QJsonObject overrides;
             if (args.has(u"properties"_s)) {
                 Result<QJsonObject> given = objectArgument(args, u"properties"_s);
                 if (!given.ok())
                     return given.error();
                 overrides = given.value();
             }
             Result<QJsonObject> ran =
                 runner.run(*profile, overrides, context.caller.userName, context.progress);
             if (!ran.ok())
                 return ran.error();
             return QJsonValue(ran.value());
         }});

    registry.add(
        {{u"RunTemporaryProfile"_s,
          {{u"properties"_s, ArgumentType::Json, false}, {u"raw"_s, ArgumentType::Bool, true}}},
         Access::AnyUser,
         [&profiles, &runner](const Api::Arguments &args,
                              CallContext &context) -> Result<QJsonValue> {
             if (Status raw = onlyRaw(args); !raw.ok())
                 return raw.error();
             Result<QJsonObject> document = objectArgument(args, u"properties"_s);
             if (!document.ok())
                 return document.error();
             Result<ProfileRecord> profile = profiles.temporary(context.caller, *document);
             if (!profile.ok())
                 return profile.error();
             if (Status allowed = profiles.mayRun(context.caller, *profile); !allowed.ok())
                 return allowed.error();
             Result<QJsonObject> ran =
                 runner.run(*profile, {}, context.caller.userName, context.progress);
             if (!ran.ok())
                 return ran.error();
             return QJsonValue(ran.value());
         }});

    registry.add({{u"SetProfileServerSideExecution"_s,
                   {{u"id"_s, ArgumentType::Number, false},
                    {u"automatic"_s, ArgumentType::Bool, false},
                    {u"automaticPauseBetweenExecutions"_s, ArgumentType::Number, true},
                    {u"automaticMaintenanceWindows"_s, ArgumentType::String, true}}},
                  Access::AnyUser,
                  [services](const Api::Arguments &args, CallContext &context) {
                      return setServerSideExecution(services, args, context);
                  }});
}

} // namespace Mailkeep::Core
