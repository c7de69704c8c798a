#pragma once

#include "connectors/microsoft365/TokenClient.h"
#include "core/FunctionRegistry.h"
#include "core/UserStore.h"
#include "core/credentials/CredentialService.h"
#include "core/profiles/ProfileStore.h"

namespace Mailkeep::App {

// GetMicrosoft365ConversionPreflight(id), for administrators: for an EWS profile the
// conversion tool can convert, each mailbox's folders and item counts as EWS and as Microsoft
// Graph see them, side by side; the folders Graph does not reach; and an estimate of how long
// the first Graph run takes (a full round within Outlook's limits, at the pace the preflight's
// own requests were answered).
void registerConversionPreflight(Core::FunctionRegistry &registry, Core::ProfileStore &profiles,
                                 Core::UserStore &users, Core::CredentialService &credentials,
                                 Connectors::TokenClient &tokens);

} // namespace Mailkeep::App
