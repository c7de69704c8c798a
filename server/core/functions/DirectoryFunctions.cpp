#include "core/functions/DirectoryFunctions.h"

#include "core/directory/DirectorySync.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

const QString kProperty = u"directoryServices.configuration"_s;

Result<DirectorySettings> storedSettings(PropertyStore &properties)
{
    Result<std::optional<QString>> stored = properties.property(kProperty);
    if (!stored.ok())
        return stored.error();
    if (!stored->has_value())
        return DirectorySettings();
    return DirectorySettings::fromJson(QJsonDocument::fromJson(stored->value().toUtf8()).object());
}

// The credential must exist and belong to the cloud the configuration names.
Status checkCredential(CredentialService &credentials, const DirectorySettings &settings)
{
    if (settings.type == DirectorySettings::kNone)
        return {};
    Result<CredentialRecord> credential = credentials.credential(settings.credentialId);
    if (!credential.ok())
        return credential.error();
    if (credential->cloud != settings.cloud())
        return Error(ErrorCode::InvalidArgument,
                     u"Credential %1 signs in to the %2 cloud, but the directory type %3 needs a "
                     "credential of the %4 cloud."_s.arg(settings.credentialId)
                         .arg(credential->cloud, settings.type, settings.cloud()));
    return {};
}

} // namespace

void registerDirectoryFunctions(FunctionRegistry &registry, DirectoryFunctionParts parts)
{
    UserStore &users = parts.users;
    parts.credentials.setOtherUse([&users](qint64 id) -> Result<QString> {
        Result<DirectorySettings> settings = storedSettings(users);
        if (!settings.ok())
            return settings.error();
        if (settings->type != DirectorySettings::kNone && settings->credentialId == id)
            return u"the directory services configuration"_s;
        return QString();
    });

    registry.add({{u"GetDirectoryServicesConfiguration"_s, {}},
                  Access::Admin,
                  [&users](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<DirectorySettings> settings = storedSettings(users);
                      if (!settings.ok())
                          return settings.error();
                      return QJsonValue(settings->toJson());
                  }});

    registry.add(
        {{u"SetDirectoryServicesConfiguration"_s, {{u"config"_s, Api::ArgumentType::Json, false}}},
         Access::Admin,
         [parts](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             const QJsonValue config = args.json(u"config"_s);
             if (!config.isObject())
                 return Error(ErrorCode::InvalidArgument, u"config must be a JSON object."_s);
             Result<DirectorySettings> settings = DirectorySettings::fromJson(config.toObject());

             if (!settings.ok())
                 return settings.error();
             if (Status usable = checkCredential(parts.credentials, settings.value()); !usable.ok())
                 return usable.error();
             const QJsonObject json = settings->toJson();
             if (Status stored = parts.users.setProperty(
                     kProperty,
                     QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
                 !stored.ok())
                 return stored.error();
             if (Status logged = parts.audit.record({0,
                                                     {},
                                                     AuditEvent::DirectoryServicesChangeSettings,
                                                     context.caller.userName,
                                                     context.clientAddress,
                                                     json});
                 !logged.ok())
                 return logged.error();
             return QJsonValue(json);
         }});

    registry.add(
        {{u"SyncUsersWithDirectoryServices"_s, {{u"dryRun"_s, Api::ArgumentType::Bool, true}}},
         Access::Admin,
         [parts](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<DirectorySettings> settings = storedSettings(parts.users);
             if (!settings.ok())
                 return settings.error();
             if (settings->type == DirectorySettings::kNone)
                 return Error(ErrorCode::InvalidArgument,
                              u"No directory service is configured: set one with "
                              "SetDirectoryServicesConfiguration first."_s);
             if (Status usable = checkCredential(parts.credentials, settings.value()); !usable.ok())
                 return usable.error();
             Result<std::unique_ptr<DirectorySource>> source =
                 parts.connect(settings->credentialId,
                               [&context] { return context.progress.isCancellationRequested(); });
             if (!source.ok())
                 return source.error();
             const bool dryRun = args.boolean(u"dryRun"_s, false);
             DirectorySync sync(parts.users, parts.folders);
             Result<QJsonObject> result = sync.run(settings.value(), **source, dryRun,
                                                   context.caller.userName, context.progress);
             if (!result.ok())
                 return result.error();
             if (!dryRun) {
                 parts.usersChanged();
                 if (Status logged = parts.audit.record({0,
                                                         {},
                                                         AuditEvent::DirectoryServicesSync,
                                                         context.caller.userName,
                                                         context.clientAddress,
                                                         result->value(u"counts"_s).toObject()});
                     !logged.ok())
                     return logged.error();
             }
             return QJsonValue(result.value());
         }});
}

} // namespace Mailkeep::Core
