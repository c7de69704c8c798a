#pragma once

#include "app/ArchiveStack.h"
#include "app/ProfileStack.h"
#include "connectors/microsoft365/CloudEndpoints.h"

#include <memory>

namespace Mailkeep::Core {
class CredentialService;
}

namespace Mailkeep::Connectors {
class TokenClient;
}

namespace Mailkeep::Storage {
class PgCredentialStore;
}

namespace Mailkeep::App {

// Microsoft 365: the credential objects (Entra ID applications with the server's
// certificates) and, built on them, what signs in to Microsoft 365.
class Microsoft365Stack
{
public:
    Microsoft365Stack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                      ProfileStack &profiles, Connectors::CloudOverrides endpoints = {});
    ~Microsoft365Stack();

    void registerFunctions(Core::FunctionRegistry &registry);
    Core::CredentialService &credentials() { return *m_credentials; }
    Connectors::TokenClient &tokens() { return *m_tokens; }

private:
    ArchiveStack &m_archive;
    std::unique_ptr<Storage::PgCredentialStore> m_store;
    std::unique_ptr<Core::CredentialService> m_credentials;
    std::unique_ptr<Connectors::TokenClient> m_tokens; // shared: its cache serves every run
};

} // namespace Mailkeep::App
