#include "app/CredentialTestFunction.h"

#include "connectors/microsoft365/BlockingHttp.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

namespace {

struct Service
{
    QString name;     // in the answer
    QString resource; // of the credential's cloud
    QStringList used; // the permissions Mailkeep uses there
    QString apiName;  // as Entra ID lists it under API permissions
};

QJsonObject check(const Service &service, const Core::AppCredential &credential,
                  Connectors::TokenClient &tokens, Connectors::BlockingHttp &http,
                  const std::function<bool()> &cancelled, QJsonArray &advice)
{
    // A fresh sign-in, not a token from before a change in Entra ID.
    tokens.forget(credential, service.resource);
    Result<Connectors::AccessToken> token =
        tokens.token(credential, service.resource, http, cancelled);
    if (!token.ok()) {
        advice.append(token.error().message);
        return {{u"signedIn"_s, false}, {u"message"_s, token.error().message}};
    }
    QStringList missing;
    for (const QString &permission : service.used) {
        if (!token->roles.contains(permission))
            missing << permission;
    }
    if (token->roles.isEmpty())
        advice.append(
            u"The token for %1 carries no application permissions: add %2 (API "
            "permissions > %3 > Application permissions) and grant admin consent "
            "for the tenant."_s.arg(service.name, service.used.join(u", "_s), service.apiName));
    else if (!missing.isEmpty())
        advice.append(u"%1 lacks %2: add them under API permissions > %3 > Application "
                      "permissions and grant admin consent."_s.arg(
                          service.name, missing.join(u", "_s), service.apiName));
    return {{u"signedIn"_s, true},
            {u"roles"_s, QJsonArray::fromStringList(token->roles)},
            {u"missing"_s, QJsonArray::fromStringList(missing)}};
}

} // namespace

void registerCredentialTest(Core::FunctionRegistry &registry, Core::CredentialService &credentials,
                            Connectors::TokenClient &tokens)
{
    registry.add({{u"TestCredential"_s, {{u"id"_s, Api::ArgumentType::Number, false}}},
                  Core::Access::Admin,
                  [&credentials, &tokens](const Api::Arguments &args,
                                          Core::CallContext &context) -> Result<QJsonValue> {
                      Result<Core::AppCredential> credential =
                          credentials.forSignIn(args.integer(u"id"_s, 0));
                      if (!credential.ok())
                          return credential.error();
                      const Connectors::CloudEndpoints endpoints =
                          tokens.endpoints(credential->cloud);
                      Connectors::BlockingHttp http(tokens.overrides().caCertificatesFile);
                      const auto cancelled = [&context] {
                          return context.progress.isCancellationRequested();
                      };
                      QJsonArray advice;
                      const QJsonObject graph =
                          check({u"Microsoft Graph"_s,
                                 endpoints.graphResource,
                                 {u"Mail.ReadWrite"_s, u"Directory.Read.All"_s},
                                 u"Microsoft Graph"_s},
                                credential.value(), tokens, http, cancelled, advice);
                      const QJsonObject exchange =
                          check({u"Exchange Online"_s,
                                 endpoints.exchangeResource,
                                 {u"full_access_as_app"_s, u"IMAP.AccessAsApp"_s},
                                 u"Office 365 Exchange Online"_s},
                                credential.value(), tokens, http, cancelled, advice);
                      const bool good = graph[u"signedIn"_s].toBool() &&
                                        exchange[u"signedIn"_s].toBool() && advice.isEmpty();
                      return QJsonValue(QJsonObject{{u"ok"_s, good},
                                                    {u"graph"_s, graph},
                                                    {u"exchange"_s, exchange},
                                                    {u"advice"_s, advice}});
                  }});
}

} // namespace Mailkeep::App
