#include "core/functions/WorkerResultFunctions.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

Result<QTimeZone> timeZoneFrom(const QString &id)
{
    if (id.isEmpty() || id == u"$Local"_s)
        return QTimeZone::systemTimeZone();
    const QTimeZone zone(id.toUtf8());
    if (!zone.isValid())
        return Error(ErrorCode::InvalidArgument,
                     u"Unknown time zone \"%1\": use $Local or an id from GetTimeZones."_s.arg(id));
    return zone;
}

// "2026-11-01T00:00:00" (or a date alone) in the given zone; an explicit offset wins.
Result<QDateTime> timeIn(const QString &name, const QString &text, const QTimeZone &zone)
{
    QDateTime time = QDateTime::fromString(text.trimmed(), Qt::ISODate);
    if (!time.isValid()) {
        const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
        if (date.isValid())
            time = date.startOfDay();
    }
    if (!time.isValid())
        return Error(ErrorCode::InvalidArgument,
                     u"%1 must be a date and time like 2026-11-01T00:00:00."_s.arg(name));
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), zone);
    return time.toUTC();
}

QJsonValue timeText(const QDateTime &time, const QTimeZone &zone)
{
    return time.isValid() ? QJsonValue(time.toTimeZone(zone).toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject resultJson(const WorkerResult &run, const QTimeZone &zone)
{
    return QJsonObject{
        {u"id"_s, static_cast<double>(run.id)},
        {u"profileID"_s,
         run.profileId ? QJsonValue(static_cast<double>(*run.profileId)) : QJsonValue()},
        {u"profileName"_s, run.profileName},
        {u"userName"_s, run.userName.isEmpty() ? QJsonValue() : QJsonValue(run.userName)},
        {u"startedBy"_s, run.startedBy},
        {u"startTime"_s, timeText(run.startedAt, zone)},
        {u"completeTime"_s, timeText(run.completedAt, zone)},
        {u"result"_s, run.result.isEmpty() ? QJsonValue(u"running"_s) : QJsonValue(run.result)},
        {u"itemsArchived"_s, static_cast<double>(run.itemsArchived)},
        {u"itemsSkipped"_s, static_cast<double>(run.itemsSkipped)},
        {u"itemsFailed"_s, static_cast<double>(run.itemsFailed)},
    };
}

} // namespace

void registerWorkerResultFunctions(FunctionRegistry &registry, WorkerResultStore &results)
{
    registry.add(
        {{u"GetWorkerResults"_s,
          {{u"fromIncluding"_s, ArgumentType::String, false},
           {u"toExcluding"_s, ArgumentType::String, false},
           {u"timeZoneID"_s, ArgumentType::String, false},
           {u"profileID"_s, ArgumentType::Number, true},
           {u"userName"_s, ArgumentType::String, true}}},
         Access::AnyUser,
         [&results](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<QTimeZone> zone = timeZoneFrom(args.string(u"timeZoneID"_s));
             if (!zone.ok())
                 return zone.error();
             WorkerResultFilter filter;
             Result<QDateTime> from =
                 timeIn(u"fromIncluding"_s, args.string(u"fromIncluding"_s), zone.value());
             if (!from.ok())
                 return from.error();
             Result<QDateTime> to =
                 timeIn(u"toExcluding"_s, args.string(u"toExcluding"_s), zone.value());
             if (!to.ok())
                 return to.error();
             filter.fromIncluding = from.value();
             filter.toExcluding = to.value();
             if (args.has(u"profileID"_s))
                 filter.profileId = args.integer(u"profileID"_s);
             const QString userName = args.string(u"userName"_s).trimmed().toLower();
             if (!context.caller.isAdmin()) {
                 if (!userName.isEmpty() && userName != context.caller.userName)
                     return Error(ErrorCode::PermissionDenied,
                                  u"userName must be your own user name."_s);
                 filter.userName = context.caller.userName;
             } else if (!userName.isEmpty()) {
                 filter.userName = userName;
             }
             Result<QList<WorkerResult>> list = results.results(filter);
             if (!list.ok())
                 return list.error();
             QJsonArray items;
             for (const WorkerResult &run : list.value())
                 items.append(resultJson(run, zone.value()));
             return QJsonValue(items);
         }});

    registry.add(
        {{u"GetWorkerResultReport"_s, {{u"id"_s, ArgumentType::Number, false}}},
         Access::AnyUser,
         [&results](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const qint64 id = args.integer(u"id"_s);
             Result<std::optional<WorkerResult>> run = results.result(id);
             if (!run.ok())
                 return run.error();
             // Another user's run is answered like a missing one.
             if (!run->has_value() ||
                 (!context.caller.isAdmin() && (*run)->userName != context.caller.userName))
                 return Error(ErrorCode::NotFound, u"There is no worker result %1."_s.arg(id));
             QJsonObject json = resultJson(**run, QTimeZone::systemTimeZone());
             json.insert(u"report"_s, (*run)->report);
             return QJsonValue(json);
         }});
}

} // namespace Mailkeep::Core
