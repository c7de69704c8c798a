#pragma once

#include "app/ArchiveStack.h"
#include "app/ProfileStack.h"
#include "connectors/microsoft365/CloudEndpoints.h"
#include "core/directory/DirectorySource.h"

#include <functional>
#include <memory>

namespace Mailkeep::Core {
class CredentialService;
class ProfileStore;
}

namespace Mailkeep::Connectors {
class TokenClient;
}

namespace Mailkeep::Storage {
class PgCredentialStore;
}

namespace Mailkeep::App {

// Microsoft 365: the credential objects (Entra ID applications with the server's
// certificates), the token client that signs in with them, the profile types that archive
// from Microsoft 365 through Microsoft Graph, and user synchronisation with Entra ID.
class Microsoft365Stack
{
public:
    // Registers the Microsoft 365 profile types with the profiles' runner.
    Microsoft365Stack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                      ProfileStack &profiles, Core::PropertyStore &globalProperties,
                      Connectors::CloudOverrides endpoints = {});
    ~Microsoft365Stack();

    // The credential and directory services functions. usersChanged runs after a
    // synchronisation changed users, so remembered logins are checked again.
    void registerFunctions(Core::FunctionRegistry &registry, std::function<void()> usersChanged);
    Core::CredentialService &credentials() { return *m_credentials; }
    Connectors::TokenClient &tokens() { return *m_tokens; }

private:
    // Opens the directory of a credential's tenant (user synchronisation, group lookups).
    Core::DirectoryConnector directoryConnector() const;

    ArchiveStack &m_archive;
    Core::ProfileStore &m_profiles;
    std::unique_ptr<Storage::PgCredentialStore> m_store;
    std::unique_ptr<Core::CredentialService> m_credentials;
    std::unique_ptr<Connectors::TokenClient> m_tokens; // shared: its cache serves every run
};

} // namespace Mailkeep::App
