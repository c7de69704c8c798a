#include "app/Microsoft365Stack.h"

#include "core/credentials/CredentialService.h"
#include "core/functions/CredentialFunctions.h"
#include "core/profiles/ProfileService.h"
#include "storage/PgCredentialStore.h"

namespace Mailkeep::App {

Microsoft365Stack::Microsoft365Stack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                                     ProfileStack &profiles)
    : m_archive(archive)
    , m_store(std::make_unique<Storage::PgCredentialStore>(pool))
    , m_credentials(std::make_unique<Core::CredentialService>(*m_store, profiles.service().store(),
                                                              archive.keys()))
{}

Microsoft365Stack::~Microsoft365Stack() = default;

void Microsoft365Stack::registerFunctions(Core::FunctionRegistry &registry)
{
    Core::registerCredentialFunctions(registry, *m_credentials, m_archive.audit());
}

} // namespace Mailkeep::App
