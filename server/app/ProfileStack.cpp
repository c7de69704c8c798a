#include "app/ProfileStack.h"

#include "connectors/files/DirectoryTarget.h"
#include "connectors/files/MboxFileTarget.h"
#include "connectors/imap/ImapTarget.h"
#include "connectors/imap/VmimeImapConnection.h"
#include "core/functions/ProfileFunctions.h"
#include "core/profiles/ExportJob.h"
#include "core/profiles/FileArchiveJob.h"
#include "core/profiles/ImapArchiveJob.h"
#include "core/profiles/ImapMultipleJob.h"
#include "core/profiles/JournalRouter.h"
#include "core/profiles/ProfileRunner.h"
#include "core/profiles/ProfileScheduler.h"
#include "core/profiles/ProfileService.h"
#include "storage/PgProfileStore.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

ProfileStack::ProfileStack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                           Core::UserStore &users, const Clock &clock, int workerLimit)
    : m_store(std::make_unique<Storage::PgProfileStore>(pool))
    , m_service(std::make_unique<Core::ProfileService>(*m_store, users, archive.folders(),
                                                       archive.savedSearches(), archive.keys()))
    , m_runner(std::make_unique<Core::ProfileRunner>(*m_service, archive.workerResults(), clock,
                                                     workerLimit))
    , m_scheduler(std::make_unique<Core::ProfileScheduler>(*m_service, *m_runner, clock))
{
    Core::ArchiveService &service = archive.archive();
    const auto files = [&service, &users]() {
        return std::make_unique<Core::FileArchiveJob>(service, users);
    };
    for (const QString &type :
         {Core::ProfileType::EmlFolder, Core::ProfileType::MboxFile, Core::ProfileType::BulkImport})
        m_runner->registerJob(type, files);
    m_runner->registerJob(Core::ProfileType::ImapMailbox, [&service]() {
        return std::make_unique<Core::ImapArchiveJob>(
            service, [](const Core::ImapAccount &account, Core::CancelCheck cancelled) {
                return Connectors::connectImap(account, std::move(cancelled));
            });
    });
    m_runner->registerJob(Core::ProfileType::ImapJournal, [&service, &users]() {
        return std::make_unique<Core::ImapArchiveJob>(
            service,
            [](const Core::ImapAccount &account, Core::CancelCheck cancelled) {
                return Connectors::connectImap(account, std::move(cancelled));
            },
            [&service, &users](const QJsonObject &properties) {
                return Core::JournalRouter::make(service, users, properties);
            });
    });
    m_runner->registerJob(Core::ProfileType::ImapMultiple, [&service]() {
        return std::make_unique<Core::ImapMultipleJob>(
            service, [](const Core::ImapAccount &account, Core::CancelCheck cancelled) {
                return Connectors::connectImap(account, std::move(cancelled));
            });
    });
    m_signingKey = std::make_shared<std::pair<QByteArray, QByteArray>>();
    Core::MessageAccess &access = archive.access();
    Core::SavedSearchStore &searches = archive.savedSearches();
    m_exportJob = [&service, &access, &users,
                   &searches](Core::MailTargetFactory make) -> Core::ProfileJobFactory {
        return [&service, &access, &users, &searches, make]() {
            return std::make_unique<Core::ExportJob>(service, access, users, searches, make);
        };
    };
    const auto &exportJob = m_exportJob;
    m_runner->registerJob(
        Core::ProfileType::ExportDirectory,
        exportJob([key = m_signingKey](
                      const QJsonObject &properties) -> Result<std::unique_ptr<Core::MailTarget>> {
            Connectors::DirectoryExportSettings settings;
            settings.path = properties.value(u"path"_s).toString();
            settings.updateExisting = properties.value(u"updateExisting"_s).toBool(false);
            settings.sign = properties.value(u"sign"_s).toBool(false);
            settings.signingCertificatePem = key->first;
            settings.signingKeyPem = key->second;
            return std::unique_ptr<Core::MailTarget>(
                std::make_unique<Connectors::DirectoryTarget>(settings));
        }));
    m_runner->registerJob(
        Core::ProfileType::ExportMbox,
        exportJob([](const QJsonObject &properties) -> Result<std::unique_ptr<Core::MailTarget>> {
            return std::unique_ptr<Core::MailTarget>(std::make_unique<Connectors::MboxFileTarget>(
                properties.value(u"path"_s).toString()));
        }));
    m_runner->registerJob(
        Core::ProfileType::ExportImap,
        exportJob([](const QJsonObject &properties) -> Result<std::unique_ptr<Core::MailTarget>> {
            Result<Core::ImapAccount> account = Core::ImapArchiveJob::accountFrom(properties);
            if (!account.ok())
                return account.error();
            return std::unique_ptr<Core::MailTarget>(std::make_unique<Connectors::ImapTarget>(
                account.value(),
                [](const Core::ImapAccount &a, Core::CancelCheck c) {
                    return Connectors::connectImap(a, std::move(c));
                },
                Core::CancelCheck()));
        }));
    m_scheduler->setReadiness([&keys = archive.keys()]() { return keys.isUnlocked(); });
}

void ProfileStack::registerExportType(const QString &type, Core::MailTargetFactory make)
{
    m_runner->registerJob(type, m_exportJob(std::move(make)));
}

ProfileStack::~ProfileStack()
{
    m_scheduler.reset();
}

void ProfileStack::registerFunctions(Core::FunctionRegistry &registry)
{
    Core::registerProfileFunctions(registry, {*m_service, *m_runner, *m_scheduler});
}

void ProfileStack::setSigningKey(QByteArray certificatePem, QByteArray privateKeyPem)
{
    *m_signingKey = {std::move(certificatePem), std::move(privateKeyPem)};
}

void ProfileStack::startScheduler(std::chrono::milliseconds interval)
{
    m_scheduler->start(interval);
}

void ProfileStack::stopScheduler()
{
    m_scheduler->stop();
}

} // namespace Mailkeep::App
