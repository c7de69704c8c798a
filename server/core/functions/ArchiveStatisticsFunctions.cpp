#include "core/functions/ArchiveStatisticsFunctions.h"

#include "core/MessageAccess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

constexpr int kMaxDays = 366;

// The folders whose mail the caller's figures count; nullopt: every folder.
Result<std::optional<QList<qint64>>> countedFolders(const MessageServices &services,
                                                    const Identity &caller)
{
    // Counts are no mail: administrators see every archive's, as GetStores shows them.
    if (caller.isAdmin())
        return std::optional<QList<qint64>>();
    Result<QStringList> granted = services.access.readableFolders(caller);
    if (!granted.ok())
        return granted.error();
    QList<qint64> ids;
    FolderStore &folders = services.archive.folders();
    for (const QString &path : granted.value()) {
        Result<std::optional<FolderRecord>> root = folders.findFolder(path);
        if (!root.ok())
            return root.error();
        if (!root->has_value())
            continue;
        ids << (*root)->id;
        Result<QList<FolderRecord>> below = folders.childFolders(path, 0);
        if (!below.ok())
            return below.error();
        for (const FolderRecord &folder : below.value())
            ids << folder.id;
    }
    return std::optional<QList<qint64>>(ids);
}

} // namespace

void registerArchiveStatisticsFunctions(FunctionRegistry &registry, const MessageServices &services)
{
    using Api::ArgumentType;
    registry.add(
        {{u"GetArchiveStatistics"_s,
          {{u"days"_s, ArgumentType::Number, true}, {u"timeZoneId"_s, ArgumentType::String, true}}},
         Access::AnyUser,
         [services](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const qint64 days = args.integer(u"days"_s, 30);
             if (days < 1 || days > kMaxDays)
                 return Error(ErrorCode::InvalidArgument,
                              u"days must be between 1 and %1."_s.arg(kMaxDays));
             const QString zoneId = args.string(u"timeZoneId"_s, u"$Local"_s);
             const QTimeZone zone =
                 zoneId == u"$Local"_s ? QTimeZone::systemTimeZone() : QTimeZone(zoneId.toUtf8());
             if (!zone.isValid())
                 return Error(ErrorCode::InvalidArgument,
                              u"Unknown time zone \"%1\": use $Local or an id from "
                              "GetTimeZones."_s.arg(zoneId));
             // Archive times are the database's clock, so "today" is the real one too.
             const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
             const QDate first = today.addDays(-(days - 1));
             const QDateTime from(first, QTime(0, 0), zone);
             Result<std::optional<QList<qint64>>> folders =
                 countedFolders(services, context.caller);
             if (!folders.ok())
                 return folders.error();
             QMap<QDate, qint64> total;
             if (!folders->has_value() || !(*folders)->isEmpty()) {
                 Result<QList<StoreRecord>> stores = services.archive.stores().readableStores();
                 if (!stores.ok())
                     return stores.error();
                 for (const StoreRecord &store : stores.value()) {
                     Result<QMap<QDate, qint64>> perDay =
                         services.archive.messages().archivedPerDay(
                             store, from, QString::fromUtf8(zone.id()),
                             folders->value_or(QList<qint64>()));
                     if (!perDay.ok())
                         return perDay.error();
                     for (auto it = perDay->cbegin(); it != perDay->cend(); ++it)
                         total[it.key()] += it.value();
                 }
             }
             QJsonArray series;
             qint64 sum = 0;
             for (QDate day = first; day <= today; day = day.addDays(1)) {
                 series.append(QJsonObject{{u"date"_s, day.toString(Qt::ISODate)},
                                           {u"archived"_s, static_cast<double>(total.value(day))}});
                 sum += total.value(day);
             }
             return QJsonValue(QJsonObject{{u"archivedPerDay"_s, series},
                                           {u"archivedTotal"_s, static_cast<double>(sum)}});
         }});
}

} // namespace Mailkeep::Core
