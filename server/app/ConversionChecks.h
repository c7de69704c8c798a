#pragma once

#include "connectors/microsoft365/TokenClient.h"
#include "core/UserStore.h"
#include "core/conversion/ConversionChecker.h"
#include "core/credentials/CredentialService.h"

namespace Mailkeep::App {

// The checks of a profile converted to Microsoft Graph: the credential signs in for Graph,
// the token carries Mail.ReadWrite (and Directory.Read.All for several mailboxes), and Graph
// opens the mailbox (for several mailboxes: the directory and the first of the synchronised
// users' mailboxes). Each failure says what to change in Entra ID or Exchange.
Core::ConversionChecker graphConversionChecker(Core::CredentialService &credentials,
                                               Connectors::TokenClient &tokens,
                                               Core::UserStore &users);

} // namespace Mailkeep::App
