#include "core/functions/CredentialFunctions.h"

#include "crypto/CertificateFactory.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

using Api::ArgumentType;

std::optional<QString> optionalString(const Api::Arguments &args, const QString &name)
{
    if (!args.has(name))
        return std::nullopt;
    return args.string(name);
}

Result<CredentialSettings> settingsFrom(const Api::Arguments &args)
{
    CredentialSettings settings;
    settings.description = optionalString(args, u"description"_s);
    settings.tenantId = optionalString(args, u"tenantId"_s);
    settings.applicationId = optionalString(args, u"applicationId"_s);
    settings.cloud = optionalString(args, u"cloud"_s);
    settings.assertionAlgorithm = optionalString(args, u"assertionAlgorithm"_s);
    const qint64 bits = args.integer(u"keySize"_s, 2048);
    if (bits != 2048 && bits != 3072)
        return Error(ErrorCode::InvalidArgument, u"keySize is 2048 or 3072 (bits)."_s);
    settings.keyBits = static_cast<int>(bits);
    return settings;
}

Result<QJsonValue> described(CredentialService &credentials, const CredentialRecord &credential)
{
    Result<QList<qint64>> users = credentials.usedBy(credential.id);
    if (!users.ok())
        return users.error();
    return QJsonValue(
        CredentialService::toJson(credential, users.value(), QDateTime::currentDateTimeUtc()));
}

Status audited(AuditLog &audit, const CallContext &context, const QString &event,
               const CredentialRecord &credential, QJsonObject details = {})
{
    details.insert(u"id"_s, credential.id);
    details.insert(u"description"_s, credential.description);
    return audit.record(
        {0, {}, event, context.caller.userName, context.clientAddress, std::move(details)});
}

} // namespace

void registerCredentialFunctions(FunctionRegistry &registry, CredentialService &credentials,
                                 AuditLog &audit)
{
    registry.add({{u"CreateCredential"_s,
                   {{u"type"_s, ArgumentType::String, false},
                    {u"description"_s, ArgumentType::String, false},
                    {u"tenantId"_s, ArgumentType::String, true},
                    {u"applicationId"_s, ArgumentType::String, true},
                    {u"cloud"_s, ArgumentType::String, true},
                    {u"assertionAlgorithm"_s, ArgumentType::String, true},
                    {u"keySize"_s, ArgumentType::Number, true}}},
                  Access::Admin,
                  [&credentials, &audit](const Api::Arguments &args,
                                         CallContext &context) -> Result<QJsonValue> {
                      Result<CredentialSettings> settings = settingsFrom(args);
                      if (!settings.ok())
                          return settings.error();
                      Result<CredentialRecord> created =
                          credentials.create(args.string(u"type"_s), settings.value());
                      if (!created.ok())
                          return created.error();
                      if (Status logged = audited(audit, context, AuditEvent::CredentialCreate,
                                                  created.value());
                          !logged.ok())
                          return logged.error();
                      return described(credentials, created.value());
                  }});

    registry.add({{u"GetCredentials"_s, {}},
                  Access::Admin,
                  [&credentials](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<QList<CredentialRecord>> all = credentials.all();
                      if (!all.ok())
                          return all.error();
                      QJsonArray list;
                      for (const CredentialRecord &credential : std::as_const(all.value())) {
                          Result<QJsonValue> json = described(credentials, credential);
                          if (!json.ok())
                              return json.error();
                          list.append(json.value());
                      }
                      return QJsonValue(list);
                  }});

    registry.add({{u"GetCredential"_s, {{u"id"_s, ArgumentType::Number, false}}},
                  Access::Admin,
                  [&credentials](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
                      Result<CredentialRecord> credential =
                          credentials.credential(args.integer(u"id"_s, 0));
                      if (!credential.ok())
                          return credential.error();
                      return described(credentials, credential.value());
                  }});

    registry.add({{u"SetCredentialDescription"_s,
                   {{u"id"_s, ArgumentType::Number, false},
                    {u"description"_s, ArgumentType::String, false}}},
                  Access::Admin,
                  [&credentials, &audit](const Api::Arguments &args,
                                         CallContext &context) -> Result<QJsonValue> {
                      CredentialSettings settings;
                      settings.description = args.string(u"description"_s);
                      Result<CredentialRecord> changed =
                          credentials.change(args.integer(u"id"_s, 0), settings, false);
                      if (!changed.ok())
                          return changed.error();
                      if (Status logged = audited(audit, context, AuditEvent::CredentialChange,
                                                  changed.value());
                          !logged.ok())
                          return logged.error();
                      return described(credentials, changed.value());
                  }});

    registry.add({{u"SetCredentialSettings"_s,
                   {{u"id"_s, ArgumentType::Number, false},
                    {u"createNewCertificate"_s, ArgumentType::Bool, true},
                    {u"tenantId"_s, ArgumentType::String, true},
                    {u"applicationId"_s, ArgumentType::String, true},
                    {u"cloud"_s, ArgumentType::String, true},
                    {u"assertionAlgorithm"_s, ArgumentType::String, true},
                    {u"keySize"_s, ArgumentType::Number, true}}},
                  Access::Admin,
                  [&credentials, &audit](const Api::Arguments &args,
                                         CallContext &context) -> Result<QJsonValue> {
                      Result<CredentialSettings> settings = settingsFrom(args);
                      if (!settings.ok())
                          return settings.error();
                      const bool renew = args.boolean(u"createNewCertificate"_s, false);
                      Result<CredentialRecord> changed =
                          credentials.change(args.integer(u"id"_s, 0), settings.value(), renew);
                      if (!changed.ok())
                          return changed.error();
                      if (Status logged =
                              audited(audit, context, AuditEvent::CredentialChange, changed.value(),
                                      {{u"createNewCertificate"_s, renew}});
                          !logged.ok())
                          return logged.error();
                      return described(credentials, changed.value());
                  }});

    registry.add({{u"DeleteCredential"_s, {{u"id"_s, ArgumentType::Number, false}}},
                  Access::Admin,
                  [&credentials, &audit](const Api::Arguments &args,
                                         CallContext &context) -> Result<QJsonValue> {
                      Result<CredentialRecord> credential =
                          credentials.credential(args.integer(u"id"_s, 0));
                      if (!credential.ok())
                          return credential.error();
                      if (Status removed = credentials.remove(credential->id); !removed.ok())
                          return removed.error();
                      if (Status logged = audited(audit, context, AuditEvent::CredentialDelete,
                                                  credential.value());
                          !logged.ok())
                          return logged.error();
                      return QJsonValue();
                  }});

    registry.add(
        {{u"GetCredentialCertificate"_s,
          {{u"id"_s, ArgumentType::Number, false}, {u"format"_s, ArgumentType::String, true}}},
         Access::Admin,
         [&credentials](const Api::Arguments &args, CallContext &) -> Result<QJsonValue> {
             const QString format = args.string(u"format"_s, u"pem"_s).toLower();
             if (format != u"pem"_s && format != u"der"_s)
                 return Error(ErrorCode::InvalidArgument,
                              u"format is pem (text) or der (a binary .cer file)."_s);
             Result<CredentialRecord> credential = credentials.credential(args.integer(u"id"_s, 0));
             if (!credential.ok())
                 return credential.error();
             Result<Crypto::CertificateDetails> details =
                 Crypto::CertificateFactory::details(credential->certificatePem);
             if (!details.ok())
                 return details.error();
             const QString stem = u"mailkeep-credential-%1"_s.arg(credential->id);
             if (format == u"pem"_s)
                 return QJsonValue(QJsonObject{
                     {u"fileName"_s, QString(stem + u".pem"_s)},
                     {u"format"_s, format},
                     {u"certificate"_s, QString::fromLatin1(credential->certificatePem)}});
             return QJsonValue(
                 QJsonObject{{u"fileName"_s, QString(stem + u".cer"_s)},
                             {u"format"_s, format},
                             {u"certificate"_s, QString::fromLatin1(details->der.toBase64())}});
         }});
}

} // namespace Mailkeep::Core
