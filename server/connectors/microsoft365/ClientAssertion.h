#pragma once

#include "core/credentials/AppCredential.h"
#include "model/Result.h"

#include <QDateTime>

namespace Mailkeep::Connectors {

// The signed JWT with which an Entra ID application proves who it is in the client-credentials
// grant (certificate credentials): header alg PS256 with x5t#S256, or RS256 with x5t; claims
// aud (the token endpoint), iss and sub (the application id), a fresh jti, nbf, iat and exp
// (ten minutes on). A new one for every token request.
Result<QByteArray> clientAssertion(const Core::AppCredential &credential,
                                   const QString &tokenEndpoint, const QDateTime &now);

} // namespace Mailkeep::Connectors
