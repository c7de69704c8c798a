#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace Mailkeep::Crypto {

// SHA-256 through OpenSSL, which uses the processor's SHA extensions where it has them:
// several times faster than QCryptographicHash on the ingest path, where every message is
// hashed.
QByteArray sha256(QByteArrayView data);

} // namespace Mailkeep::Crypto
