#pragma once

#include "http/TlsConfiguration.h"
#include "model/Result.h"

namespace Mailkeep::App {

// Decides which certificate the server uses: the configured files, or the ones in the data
// folder, generated on first start (self-signed, P-256, SANs for the host name, localhost,
// 127.0.0.1 and ::1; key mode 0600).
Result<Http::TlsFiles> prepareTlsFiles(const QString &configuredCertificate,
                                       const QString &configuredKey, const QString &tlsDirectory);

} // namespace Mailkeep::App
