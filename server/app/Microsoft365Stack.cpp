#include "app/Microsoft365Stack.h"

#include "app/ConversionChecks.h"
#include "app/ConversionPreflight.h"
#include "app/CredentialTestFunction.h"
#include "connectors/microsoft365/EwsExportTarget.h"
#include "connectors/microsoft365/EwsMailboxClient.h"
#include "connectors/microsoft365/GraphDirectoryClient.h"
#include "connectors/microsoft365/GraphMailboxClient.h"
#include "connectors/microsoft365/Microsoft365ImapTarget.h"
#include "connectors/microsoft365/TokenClient.h"
#include "core/credentials/CredentialService.h"
#include "core/functions/ConversionFunctions.h"
#include "core/functions/CredentialFunctions.h"
#include "core/functions/DirectoryFunctions.h"
#include "core/profiles/GraphArchiveJob.h"
#include "core/profiles/GraphMultipleJob.h"
#include "core/profiles/ProfileRunner.h"
#include "core/profiles/ProfileService.h"
#include "core/profiles/ProfileTypes.h"
#include "storage/PgCredentialStore.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

Microsoft365Stack::Microsoft365Stack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                                     ProfileStack &profiles, Core::PropertyStore &globalProperties,
                                     Connectors::CloudOverrides endpoints)
    : m_archive(archive)
    , m_profiles(profiles.service().store())
    , m_store(std::make_unique<Storage::PgCredentialStore>(pool))
    , m_credentials(std::make_unique<Core::CredentialService>(*m_store, profiles.service().store(),
                                                              archive.keys()))
    , m_tokens(std::make_unique<Connectors::TokenClient>(std::move(endpoints)))
{
    const Core::GraphConnector connect =
        [credentials = m_credentials.get(), tokens = m_tokens.get()](
            qint64 credentialId, const QString &mailbox,
            std::function<bool()> cancelled) -> Result<std::unique_ptr<Core::GraphMailbox>> {
        Result<Core::AppCredential> credential = credentials->forSignIn(credentialId);
        if (!credential.ok())
            return credential.error();
        return std::unique_ptr<Core::GraphMailbox>(std::make_unique<Connectors::GraphMailboxClient>(
            *tokens, credential.value(), mailbox, std::move(cancelled)));
    };
    Core::ArchiveService &service = archive.archive();
    profiles.runner().registerJob(
        Core::ProfileType::Microsoft365Mailbox, [&service, &globalProperties, connect]() {
            return std::make_unique<Core::GraphArchiveJob>(service, globalProperties, connect);
        });
    Core::UserStore &users = archive.users();
    const Core::DirectoryConnector directory = directoryConnector();
    const Core::ProfileJobFactory graphMailbox = [&service, &globalProperties, connect]() {
        return std::unique_ptr<Core::ProfileJob>(
            std::make_unique<Core::GraphArchiveJob>(service, globalProperties, connect));
    };
    profiles.runner().registerJob(
        Core::ProfileType::Microsoft365Multiple, [&users, graphMailbox, directory]() {
            return std::make_unique<Core::GraphMultipleJob>(
                users, graphMailbox, Core::GraphMultipleJob::MailboxName::ObjectId, directory);
        });

    // EWS profiles: the same archiving over Exchange Web Services, with positions of their own.
    using Root = Connectors::EwsMailboxClient::Root;
    const auto ewsMailbox =
        [&service, &globalProperties, credentials = m_credentials.get(),
         tokens = m_tokens.get()](Root root, const QString &source) -> Core::ProfileJobFactory {
        const Core::GraphConnector ews =
            [credentials, tokens,
             root](qint64 credentialId, const QString &mailbox,
                   std::function<bool()> cancelled) -> Result<std::unique_ptr<Core::GraphMailbox>> {
            Result<Core::AppCredential> credential = credentials->forSignIn(credentialId);
            if (!credential.ok())
                return credential.error();
            return std::unique_ptr<Core::GraphMailbox>(
                std::make_unique<Connectors::EwsMailboxClient>(*tokens, credential.value(), mailbox,
                                                               root, std::move(cancelled)));
        };
        return [&service, &globalProperties, ews, source]() {
            return std::unique_ptr<Core::ProfileJob>(
                std::make_unique<Core::GraphArchiveJob>(service, globalProperties, ews, source));
        };
    };
    // Exports into Microsoft 365 mailboxes: IMAP with OAuth, as Exchange Online wants it, and
    // EWS while Microsoft still allows it.
    const auto signedIn = [credentials = m_credentials.get()](auto make) {
        return [credentials,
                make](const QJsonObject &properties) -> Result<std::unique_ptr<Core::MailTarget>> {
            Result<Core::AppCredential> credential =
                credentials->forSignIn(properties.value(u"credentialId"_s).toInteger());
            if (!credential.ok())
                return credential.error();
            return make(credential.value(), properties);
        };
    };
    Connectors::TokenClient &tokens = *m_tokens;
    profiles.registerExportType(
        Core::ProfileType::Microsoft365Export,
        signedIn([&tokens](const Core::AppCredential &credential, const QJsonObject &properties) {
            return std::unique_ptr<Core::MailTarget>(
                std::make_unique<Connectors::Microsoft365ImapTarget>(
                    tokens, credential,
                    Connectors::Microsoft365ImapTarget::accountFor(tokens, credential,
                                                                   properties)));
        }));
    profiles.registerExportType(
        Core::ProfileType::EwsExport,
        signedIn([&tokens](const Core::AppCredential &credential, const QJsonObject &properties) {
            return std::unique_ptr<Core::MailTarget>(std::make_unique<Connectors::EwsExportTarget>(
                tokens, credential, properties.value(u"mailbox"_s).toString().trimmed()));
        }));
    const Core::ProfileJobFactory ewsPrimary = ewsMailbox(Root::Mailbox, u"ews"_s);
    const Core::ProfileJobFactory ewsArchive = ewsMailbox(Root::Archive, u"ews-archive"_s);
    profiles.runner().registerJob(Core::ProfileType::EwsMailbox, ewsPrimary);
    profiles.runner().registerJob(Core::ProfileType::EwsArchiveMailbox, ewsArchive);
    profiles.runner().registerJob(Core::ProfileType::EwsPublicFolders,
                                  ewsMailbox(Root::PublicFolders, u"ews-public"_s));
    for (const auto &[type, single] :
         {std::pair{Core::ProfileType::EwsMultiple, ewsPrimary},
          std::pair{Core::ProfileType::EwsMultipleArchive, ewsArchive}}) {
        profiles.runner().registerJob(type, [&users, single, directory]() {
            return std::make_unique<Core::GraphMultipleJob>(
                users, single, Core::GraphMultipleJob::MailboxName::SmtpAddress, directory);
        });
    }
}

Core::DirectoryConnector Microsoft365Stack::directoryConnector() const
{
    return [credentials = m_credentials.get(), tokens = m_tokens.get()](
               qint64 credentialId,
               std::function<bool()> cancelled) -> Result<std::unique_ptr<Core::DirectorySource>> {
        Result<Core::AppCredential> credential = credentials->forSignIn(credentialId);
        if (!credential.ok())
            return credential.error();
        return std::unique_ptr<Core::DirectorySource>(
            std::make_unique<Connectors::GraphDirectoryClient>(*tokens, credential.value(),
                                                               std::move(cancelled)));
    };
}

Microsoft365Stack::~Microsoft365Stack() = default;

void Microsoft365Stack::registerFunctions(Core::FunctionRegistry &registry,
                                          std::function<void()> usersChanged)
{
    Core::registerCredentialFunctions(registry, *m_credentials, m_archive.audit());
    registerCredentialTest(registry, *m_credentials, *m_tokens);
    Core::registerDirectoryFunctions(registry, {m_archive.users(), m_archive.folders(),
                                                *m_credentials, m_archive.audit(),
                                                directoryConnector(), std::move(usersChanged)});
    Core::registerConversionFunctions(
        registry, {m_profiles, m_archive.users(), m_archive.archive(), m_archive.audit(),
                   graphConversionChecker(*m_credentials, *m_tokens, m_archive.users())});
    registerConversionPreflight(registry, m_profiles, m_archive.users(), *m_credentials, *m_tokens);
}

} // namespace Mailkeep::App
