#include "core/functions/ConversionFunctions.h"

#include "core/IngestPipeline.h"
#include "core/conversion/ProfileConversion.h"
#include "core/profiles/ProfileTypes.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

struct Tested
{
    ProfileRecord stored;
    ProfileRecord converted;
    QList<ConversionCheck> checks;
    bool passed = false;
};

Result<Tested> test(const ConversionFunctionParts &parts, qint64 id, CallContext &context)
{
    Result<std::optional<ProfileRecord>> found = parts.profiles.profile(id);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return Error(ErrorCode::NotFound, u"There is no profile %1."_s.arg(id));
    const ProfileRecord &stored = found->value();
    const ProfileConversion::Plan plan = ProfileConversion::plan(stored);
    if (plan.category != ProfileConversion::Automatic)
        return Error(
            ErrorCode::InvalidArgument,
            plan.category.isEmpty()
                ? u"Profile %1 (%2) is no Microsoft 365 profile."_s.arg(id).arg(stored.name)
                : u"Profile %1 (%2) is not converted: %3"_s.arg(id).arg(stored.name, plan.reason));
    Tested tested{stored, ProfileConversion::converted(stored, plan), {}, true};
    tested.checks = parts.check(tested.converted,
                                [&context] { return context.progress.isCancellationRequested(); });
    for (const ConversionCheck &check : std::as_const(tested.checks))
        tested.passed = tested.passed && check.passed;
    return tested;
}

QJsonObject testJson(const Tested &tested)
{
    QJsonArray checks;
    for (const ConversionCheck &check : tested.checks)
        checks.append(QJsonObject{{u"check"_s, check.name},
                                  {u"passed"_s, check.passed},
                                  {u"message"_s, check.message},
                                  {u"fix"_s, check.fix.isEmpty() ? QJsonValue() : check.fix}});
    return {{u"id"_s, tested.stored.id},     {u"name"_s, tested.stored.name},
            {u"from"_s, tested.stored.type}, {u"to"_s, tested.converted.type},
            {u"passed"_s, tested.passed},    {u"checks"_s, checks}};
}

// The EWS positions' archive folders, handed to Graph positions that start a full round: the
// first Graph run fills the same archive folders (even those of folders renamed since), where
// the duplicate check recognises what EWS archived although Graph's bytes differ.
Result<int> handOverFolders(const ConversionFunctionParts &parts, const ProfileRecord &stored)
{
    if (stored.kind != ProfileKind::Archive)
        return 0; // an export keeps no positions
    const qint64 credential = stored.properties.value(u"credentialId"_s).toInteger();
    QList<std::pair<QString, QString>> mailboxes; // EWS name, Graph name
    if (stored.type == ProfileType::EwsMailbox) {
        const QString mailbox = stored.properties.value(u"mailbox"_s).toString().trimmed();
        mailboxes.append({mailbox, mailbox});
    } else {
        Result<QList<UserRecord>> users = parts.users.listUsers();
        if (!users.ok())
            return users.error();
        for (const UserRecord &user : std::as_const(users.value())) {
            if (user.authentication != u"directoryServices"_s || user.distinguishedName.isEmpty())
                continue;
            mailboxes.append(
                {user.emailAddresses.isEmpty() ? user.userName : user.emailAddresses.first(),
                 user.distinguishedName});
        }
    }
    Result<ArchiveService::Target> target = parts.archive.currentTarget();
    if (!target.ok())
        return target.error();
    IngestCounts counts;
    IngestPipeline pipeline(parts.archive, target.value(), counts);
    int handed = 0;
    for (const auto &[ewsName, graphName] : std::as_const(mailboxes)) {
        const QString ewsPrefix = u"ews:%1:%2:"_s.arg(credential).arg(ewsName.toLower());
        Result<QList<SourceCheckpoint>> positions =
            parts.archive.messages().checkpointsWithPrefix(ewsPrefix);
        if (!positions.ok())
            return positions.error();
        for (const SourceCheckpoint &position : std::as_const(positions.value())) {
            const QString rest = position.key.mid(ewsPrefix.size()); // <folder id>:<archive id>
            const qsizetype split = rest.lastIndexOf(u':');
            if (split <= 0)
                continue;
            const QString key =
                u"graph:%1:%2:%3:%4"_s.arg(credential)
                    .arg(graphName.toLower(), ProfileConversion::graphIdFromEwsId(rest.left(split)),
                         rest.mid(split + 1));
            pipeline.advance({key, u"{\"link\":\"\",\"retry\":[]}"_s});
            if (Status written = pipeline.flush(); !written.ok())
                return written.error();
            ++handed;
        }
    }
    return handed;
}

} // namespace

void registerConversionFunctions(FunctionRegistry &registry, ConversionFunctionParts parts)
{
    registry.add({{u"GetMicrosoft365ProfileConversions"_s, {}},
                  Access::Admin,
                  [parts](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<QList<ProfileRecord>> all = parts.profiles.profiles();
                      if (!all.ok())
                          return all.error();
                      return QJsonValue(
                          ProfileConversion::overview(all.value(), QDate::currentDate()));
                  }});

    registry.add(
        {{u"TestMicrosoft365ProfileConversion"_s, {{u"id"_s, Api::ArgumentType::Number, false}}},
         Access::Admin,
         [parts](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<Tested> tested = test(parts, args.integer(u"id"_s), context);
             if (!tested.ok())
                 return tested.error();
             return QJsonValue(testJson(tested.value()));
         }});

    registry.add(
        {{u"ConvertMicrosoft365Profile"_s, {{u"id"_s, Api::ArgumentType::Number, false}}},
         Access::Admin,
         [parts](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<Tested> tested = test(parts, args.integer(u"id"_s), context);
             if (!tested.ok())
                 return tested.error();
             if (!tested->passed) {
                 QStringList failed;
                 for (const ConversionCheck &check : std::as_const(tested->checks)) {
                     if (!check.passed)
                         failed << u"%1: %2 %3"_s.arg(check.name, check.message, check.fix);
                 }
                 return Error(
                     ErrorCode::Conflict,
                     u"Profile %1 was not converted; fix these first: %2"_s.arg(tested->stored.id)
                         .arg(failed.join(u" | "_s)));
             }
             Result<int> handed = handOverFolders(parts, tested->stored);
             if (!handed.ok())
                 return handed.error();
             Result<std::optional<ProfileRecord>> updated =
                 parts.profiles.update(tested->converted);
             if (!updated.ok())
                 return updated.error();
             if (!updated->has_value())
                 return Error(
                     ErrorCode::Conflict,
                     u"Profile %1 was changed meanwhile: test it again."_s.arg(tested->stored.id));
             const QJsonObject change{{u"from"_s, tested->stored.type},
                                      {u"to"_s, tested->converted.type},
                                      {u"foldersHandedOver"_s, handed.value()}};
             if (Status logged = parts.profiles.addHistory(
                     tested->stored.id, {{}, u"converted"_s, context.caller.userName, change});
                 !logged.ok())
                 return logged.error();
             QJsonObject details = change;
             details.insert(u"id"_s, tested->stored.id);
             details.insert(u"name"_s, tested->stored.name);
             if (Status logged = parts.audit.record({0,
                                                     {},
                                                     AuditEvent::ProfileConvert,
                                                     context.caller.userName,
                                                     context.clientAddress,
                                                     details});
                 !logged.ok())
                 return logged.error();
             QJsonObject result = testJson(tested.value());
             result.insert(u"converted"_s, true);
             result.insert(u"foldersHandedOver"_s, handed.value());
             return QJsonValue(result);
         }});
}

} // namespace Mailkeep::Core
