#pragma once

#include "connectors/microsoft365/TokenClient.h"
#include "core/FunctionRegistry.h"
#include "core/credentials/CredentialService.h"

namespace Mailkeep::App {

// TestCredential(id): signs in with the credential for Microsoft Graph and for Exchange
// Online and says, per service, whether it worked, which application permissions the tokens
// carry and which of those Mailkeep uses are missing (Mail.ReadWrite and Directory.Read.All
// for Graph; full_access_as_app and IMAP.AccessAsApp for Exchange Online), with advice.
void registerCredentialTest(Core::FunctionRegistry &registry, Core::CredentialService &credentials,
                            Connectors::TokenClient &tokens);

} // namespace Mailkeep::App
