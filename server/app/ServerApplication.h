#pragma once

#include "app/DataDirectory.h"
#include "app/ServerConfig.h"
#include "core/ServiceInformation.h"

#include <memory>

namespace Mailkeep::Storage {
class EmbeddedCluster;
struct EmbeddedClusterOptions;
class PgConnectionPool;
class PgUserStore;
} // namespace Mailkeep::Storage

namespace Mailkeep::Http {
class ApiStack;
}

namespace Mailkeep::App {

class ArchiveStack;
class ProfileStack;
class Microsoft365Stack;

// The composition root: builds the server's object graph from its configuration, in start-up
// order, and takes it down in the reverse order (members are declared in start-up order).
class ServerApplication
{
public:
    explicit ServerApplication(ServerConfig config);
    ~ServerApplication();

    // Data folder, database (embedded or external), migrations, first administrator, TLS,
    // API listener. Blocking; call from the main thread (it owns the embedded cluster).
    Status start();

    const Core::ServiceInformation &information() const { return m_information; }
    QString initialPasswordFile() const { return m_data.initialPasswordFile(); }

private:
    Result<Storage::EmbeddedClusterOptions> embeddedClusterOptions() const;
    Status startDatabase();
    Status createInitialAdministrator();
    Status openArchiveStores();
    Status startApi();

    ServerConfig m_config;
    DataDirectory m_data;
    Core::ServiceInformation m_information;
    std::unique_ptr<Storage::EmbeddedCluster> m_cluster;
    std::unique_ptr<Storage::PgConnectionPool> m_pool;
    std::unique_ptr<Storage::PgUserStore> m_users;
    std::unique_ptr<ArchiveStack> m_archive;
    std::unique_ptr<ProfileStack> m_profiles;
    std::unique_ptr<Microsoft365Stack> m_microsoft365;

    std::unique_ptr<Http::ApiStack> m_api;
};

} // namespace Mailkeep::App
