#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Mailkeep::Crypto {

// Checks a peer's certificate chain (DER, the peer's own certificate first) against the
// system's trusted authorities and the host name (or IP address) that was connected to, as a
// mail client must. The error names what is wrong (expired, unknown authority, other name).
// extraAuthorities: a PEM file of more authorities to trust (a proxy's, a test server's).
Status checkCertificateChain(const QList<QByteArray> &chainDer, const QString &host,
                             const QString &extraAuthorities = {});

} // namespace Mailkeep::Crypto
