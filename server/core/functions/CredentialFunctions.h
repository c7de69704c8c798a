#pragma once

#include "core/AuditLog.h"
#include "core/FunctionRegistry.h"
#include "core/credentials/CredentialService.h"

namespace Mailkeep::Core {

// CreateCredential, GetCredentials, GetCredential, SetCredentialDescription,
// SetCredentialSettings, DeleteCredential and GetCredentialCertificate (the public
// certificate as PEM or DER, for the upload to Entra ID). Administrators only; every change is
// audited.
void registerCredentialFunctions(FunctionRegistry &registry, CredentialService &credentials,
                                 AuditLog &audit);

} // namespace Mailkeep::Core
