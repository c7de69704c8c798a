#include "crypto/Sha256.h"

#include <openssl/evp.h>

namespace Mailkeep::Crypto {

QByteArray sha256(QByteArrayView data)
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    // EVP_Digest fails only on allocation failure, which Qt treats as fatal elsewhere too.
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()),
                   reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(),
                   nullptr) != 1)
        qFatal("SHA-256 could not be computed.");
    digest.truncate(static_cast<qsizetype>(length));
    return digest;
}

} // namespace Mailkeep::Crypto
