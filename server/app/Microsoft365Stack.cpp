#include "app/Microsoft365Stack.h"

#include "app/CredentialTestFunction.h"
#include "connectors/microsoft365/TokenClient.h"
#include "core/credentials/CredentialService.h"
#include "core/functions/CredentialFunctions.h"
#include "core/profiles/ProfileService.h"
#include "storage/PgCredentialStore.h"

namespace Mailkeep::App {

Microsoft365Stack::Microsoft365Stack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                                     ProfileStack &profiles, Connectors::CloudOverrides endpoints)
    : m_archive(archive)
    , m_store(std::make_unique<Storage::PgCredentialStore>(pool))
    , m_credentials(std::make_unique<Core::CredentialService>(*m_store, profiles.service().store(),
                                                              archive.keys()))
    , m_tokens(std::make_unique<Connectors::TokenClient>(std::move(endpoints)))
{}


Microsoft365Stack::~Microsoft365Stack() = default;

void Microsoft365Stack::registerFunctions(Core::FunctionRegistry &registry)
{
    Core::registerCredentialFunctions(registry, *m_credentials, m_archive.audit());
    registerCredentialTest(registry, *m_credentials, *m_tokens);
}

} // namespace Mailkeep::App
