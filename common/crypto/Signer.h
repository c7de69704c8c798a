#pragma once

#include "model/Result.h"

#include <QByteArray>

namespace Mailkeep::Crypto {

// Detached signatures over SHA-256 with a PEM private key (RSA: PKCS#1 v1.5, EC: ECDSA in DER),
// as `openssl dgst -sha256 -sign key.pem` makes them and `openssl dgst -sha256 -verify` checks.
// RSA keys may sign with PSS instead (MGF1-SHA-256, a salt as long as the digest): JWS PS256,
// RFC 7518 3.5.
class Signer
{
public:
    enum class RsaPadding
    {
        Pkcs1, // RS256
        Pss,   // PS256
    };
    static Result<QByteArray> signSha256(const QByteArray &privateKeyPem, const QByteArray &data,
                                         RsaPadding padding = RsaPadding::Pkcs1);
    // Checks a signature with the public key of a PEM certificate.
    static bool verifySha256(const QByteArray &certificatePem, const QByteArray &data,
                             const QByteArray &signature, RsaPadding padding = RsaPadding::Pkcs1);
};

} // namespace Mailkeep::Crypto
