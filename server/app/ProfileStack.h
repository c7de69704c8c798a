#pragma once

#include "app/ArchiveStack.h"
#include "core/profiles/ExportJob.h"

#include <memory>

namespace Mailkeep::Core {
class ProfileService;
class ProfileRunner;
class ProfileScheduler;
} // namespace Mailkeep::Core

namespace Mailkeep::Storage {
class PgProfileStore;
}

namespace Mailkeep::App {

// Profiles on top of the archive: their store, the service that checks them, the runner with
// a job for every profile type this server can run, and the scheduler of automatic profiles.
class ProfileStack
{
public:
    ProfileStack(Storage::PgConnectionPool &pool, ArchiveStack &archive, Core::UserStore &users,
                 const Clock &clock, int workerLimit);
    ~ProfileStack(); // stops the scheduler first

    void registerFunctions(Core::FunctionRegistry &registry);
    // Starts running automatic profiles (once the archive is open and unlocked).
    void startScheduler(std::chrono::milliseconds interval = std::chrono::seconds(15));
    void stopScheduler();

    // The key that signs directory exports (the server's TLS certificate and key, PEM).
    void setSigningKey(QByteArray certificatePem, QByteArray privateKeyPem);

    Core::ProfileService &service() { return *m_service; }
    Core::ProfileRunner &runner() { return *m_runner; }
    // An export profile type whose runs write into the target `make` opens.
    void registerExportType(const QString &type, Core::MailTargetFactory make);
    Core::ProfileScheduler &scheduler() { return *m_scheduler; }

private:
    std::unique_ptr<Storage::PgProfileStore> m_store;
    std::unique_ptr<Core::ProfileService> m_service;
    std::function<Core::ProfileJobFactory(Core::MailTargetFactory)> m_exportJob;
    std::unique_ptr<Core::ProfileRunner> m_runner;
    std::unique_ptr<Core::ProfileScheduler> m_scheduler;
    // Read by export runs on worker threads; set once at start.
    std::shared_ptr<std::pair<QByteArray, QByteArray>> m_signingKey;
};

} // namespace Mailkeep::App
