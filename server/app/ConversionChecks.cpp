#include "app/ConversionChecks.h"

#include "connectors/imap/VmimeImapConnection.h"
#include "connectors/microsoft365/BlockingHttp.h"
#include "connectors/microsoft365/GraphDirectoryClient.h"
#include "connectors/microsoft365/GraphMailboxClient.h"
#include "connectors/microsoft365/Microsoft365ImapTarget.h"
#include "core/profiles/ProfileTypes.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

namespace {

constexpr int kMailboxesTried = 3; // of several: enough to catch a missing permission

Core::ConversionCheck permission(const Connectors::AccessToken &token, const QString &role)
{
    const bool granted = token.roles.contains(role);
    return {u"permission %1"_s.arg(role), granted,
            granted ? u"The token for Microsoft Graph carries %1."_s.arg(role)
                    : u"The token for Microsoft Graph lacks %1."_s.arg(role),
            granted ? QString()
                    : u"Add %1 under API permissions > Microsoft Graph > Application "
                      "permissions in the app registration and grant admin consent for the "
                      "tenant."_s.arg(role)};
}

Core::ConversionCheck mailboxCheck(Connectors::TokenClient &tokens,
                                   const Core::AppCredential &credential, const QString &mailbox,
                                   const std::function<bool()> &cancelled)
{
    Connectors::GraphMailboxClient client(tokens, credential, mailbox, cancelled);
    Result<QList<Core::GraphFolder>> folders = client.folders();
    if (folders.ok())
        return {u"mailbox %1"_s.arg(mailbox),
                true,
                u"Microsoft Graph lists %1 folders of %2."_s.arg(folders->size()).arg(mailbox),
                {}};
    QString fix;
    switch (folders.error().code) {
    case ErrorCode::PermissionDenied:
        fix = u"Grant Mail.ReadWrite with admin consent, and check that no application access "
              "policy in Exchange Online excludes this mailbox."_s;
        break;
    case ErrorCode::NotFound:
        fix = u"Check the address; the mailbox must be an Exchange Online mailbox with a "
              "licence (or a shared mailbox), not one on premises."_s;
        break;
    default:
        fix = u"Try again later; if it stays so, check the network and the credential."_s;
    }
    return {u"mailbox %1"_s.arg(mailbox), false, folders.error().message, fix};
}

// A profile converted to IMAP export: Exchange Online's token carries IMAP.AccessAsApp and the
// mailbox opens over IMAP with XOAUTH2.
QList<Core::ConversionCheck> imapChecks(Connectors::TokenClient &tokens,
                                        const Core::AppCredential &credential,
                                        const QJsonObject &properties,
                                        const std::function<bool()> &cancelled)
{
    QList<Core::ConversionCheck> checks;
    const Connectors::CloudEndpoints endpoints = tokens.endpoints(credential.cloud);
    Connectors::BlockingHttp http(tokens.overrides().caCertificatesFile);
    tokens.forget(credential, endpoints.exchangeResource);
    Result<Connectors::AccessToken> token =
        tokens.token(credential, endpoints.exchangeResource, http, cancelled);
    checks.append({u"sign-in"_s, token.ok(),
                   token.ok() ? u"Signed in to Exchange Online."_s : token.error().message,
                   token.ok() ? QString()
                              : u"Upload the credential's certificate to the app registration "
                                "and check the tenant and application ids."_s});
    if (!token.ok())
        return checks;
    const bool granted = token->roles.contains(u"IMAP.AccessAsApp"_s);
    checks.append({u"permission IMAP.AccessAsApp"_s, granted,
                   granted ? u"The token for Exchange Online carries IMAP.AccessAsApp."_s
                           : u"The token for Exchange Online lacks IMAP.AccessAsApp."_s,
                   granted ? QString()
                           : u"Add IMAP.AccessAsApp under API permissions > Office 365 Exchange "
                             "Online > Application permissions and grant admin consent."_s});
    Core::ImapAccount account =
        Connectors::Microsoft365ImapTarget::accountFor(tokens, credential, properties);
    account.accessToken = QString::fromLatin1(token->token);
    account.timeoutSeconds = 60;
    Result<std::unique_ptr<Core::MailboxConnection>> connection =
        Connectors::connectImap(account, cancelled);
    Result<QList<Core::MailboxFolder>> folders =
        connection.ok() ? (*connection)->folders()
                        : Result<QList<Core::MailboxFolder>>(connection.error());
    const QString name = u"IMAP mailbox %1"_s.arg(account.userName);
    if (folders.ok())
        checks.append(
            {name,
             true,
             u"%1 opens over IMAP with %2 folders."_s.arg(account.userName).arg(folders->size()),
             {}});
    else
        checks.append({name, false, folders.error().message,
                       folders.error().code == ErrorCode::Unauthenticated
                           ? u"Grant IMAP.AccessAsApp with admin consent and register the "
                             "application's service principal in Exchange Online "
                             "(New-ServicePrincipal); new grants can take up to an hour."_s
                           : u"Grant the service principal FullAccess on the mailbox "
                             "(Add-MailboxPermission -AccessRights FullAccess)."_s});
    return checks;
}

} // namespace

Core::ConversionChecker graphConversionChecker(Core::CredentialService &credentials,
                                               Connectors::TokenClient &tokens,
                                               Core::UserStore &users)
{
    return [&credentials, &tokens, &users](const Core::ProfileRecord &converted,
                                           const std::function<bool()> &cancelled) {
        QList<Core::ConversionCheck> checks;
        const qint64 id = converted.properties.value(u"credentialId"_s).toInteger();
        Result<Core::AppCredential> credential = credentials.forSignIn(id);
        if (!credential.ok()) {
            checks.append({u"credential"_s, false, credential.error().message,
                           u"Choose an existing Microsoft 365 credential (credentialId)."_s});
            return checks;
        }
        if (converted.type == Core::ProfileType::Microsoft365Export)
            return imapChecks(tokens, credential.value(), converted.properties, cancelled);
        const QString resource = tokens.endpoints(credential->cloud).graphResource;
        Connectors::BlockingHttp http(tokens.overrides().caCertificatesFile);
        tokens.forget(credential.value(), resource); // what Entra ID says now
        Result<Connectors::AccessToken> token =
            tokens.token(credential.value(), resource, http, cancelled);
        checks.append({u"sign-in"_s, token.ok(),
                       token.ok() ? u"Signed in to Microsoft Graph."_s : token.error().message,
                       token.ok() ? QString()
                                  : u"Upload the credential's certificate to the app "
                                    "registration and check the tenant and application ids."_s});
        if (!token.ok())
            return checks;
        checks.append(permission(token.value(), u"Mail.ReadWrite"_s));
        if (converted.type == Core::ProfileType::Microsoft365Mailbox) {
            checks.append(mailboxCheck(tokens, credential.value(),
                                       converted.properties.value(u"mailbox"_s).toString(),
                                       cancelled));
            return checks;
        }
        checks.append(permission(token.value(), u"Directory.Read.All"_s));
        Connectors::GraphDirectoryClient directory(tokens, credential.value(), cancelled);
        Result<QList<Core::DirectoryGroup>> groups = directory.groups();
        checks.append(
            {u"directory"_s, groups.ok(),
             groups.ok() ? u"Microsoft Graph lists the directory's groups."_s
                         : groups.error().message,
             groups.ok() ? QString() : u"Grant Directory.Read.All with admin consent."_s});
        Result<QList<Core::UserRecord>> all = users.listUsers();
        int tried = 0;
        for (const Core::UserRecord &user : all.ok() ? all.value() : QList<Core::UserRecord>()) {
            if (user.authentication != u"directoryServices"_s || user.distinguishedName.isEmpty() ||
                user.loginPrivileges.isEmpty() || tried == kMailboxesTried)
                continue; // no group users (no login), and only the first few
            ++tried;
            checks.append(
                mailboxCheck(tokens, credential.value(), user.distinguishedName, cancelled));
        }
        if (tried == 0)
            checks.append(
                {u"mailboxes"_s, false,
                 u"No user is synchronised with Microsoft 365, so the profile would "
                 "archive no mailbox."_s,
                 u"Set up the directory services and run SyncUsersWithDirectoryServices."_s});
        return checks;
    };
}

} // namespace Mailkeep::App
