#pragma once

#include "model/Result.h"

#include <QByteArray>

namespace Mailkeep::Crypto {

// Detached signatures over SHA-256 with a PEM private key (RSA: PKCS#1 v1.5, EC: ECDSA in DER),
// as `openssl dgst -sha256 -sign key.pem` makes them and `openssl dgst -sha256 -verify` checks.
class Signer
{
public:
    static Result<QByteArray> signSha256(const QByteArray &privateKeyPem, const QByteArray &data);
    // Checks a signature with the public key of a PEM certificate.
    static bool verifySha256(const QByteArray &certificatePem, const QByteArray &data,
                             const QByteArray &signature);
};

} // namespace Mailkeep::Crypto
