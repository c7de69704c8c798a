#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Mailkeep::Crypto {

struct CertificateAndKey
{
    QByteArray certificatePem;
    QByteArray privateKeyPem; // PKCS#8, unencrypted: the caller stores it with mode 0600
};

struct SelfSignedRequest
{
    enum class Key
    {
        EcP256,  // TLS
        Rsa2048, // application certificates (Entra ID takes RSA only)
        Rsa3072,
    };
    QString commonName;
    QStringList dnsNames;    // subjectAltName DNS entries
    QStringList ipAddresses; // subjectAltName IP entries (v4 or v6 text form)
    int validDays = 3650;
    Key key = Key::EcP256;
    QByteArray extendedKeyUsage = "serverAuth"; // OpenSSL's names, comma-separated
};

// What an administrator compares with what Entra ID shows after the upload.
struct CertificateDetails
{
    QByteArray der;
    QByteArray sha1;   // raw digest of the DER (Entra's "thumbprint", JWS x5t)
    QByteArray sha256; // raw digest of the DER (JWS x5t#S256)
    QString subject;   // one line, e.g. "O=Mailkeep, CN=..."
    QDateTime notBefore;
    QDateTime notAfter;
    int keyBits = 0;
};

// X.509 helpers on OpenSSL: the server's first-start certificate and the fingerprints that
// clients pin.
class CertificateFactory
{
public:
    // The request's key, SHA-256 signature, its extended key usage.
    static Result<CertificateAndKey> createSelfSigned(const SelfSignedRequest &request);
    static Result<CertificateDetails> details(const QByteArray &certificatePem);
    // "AB:CD:..." upper-case SHA-256 of the DER encoding; empty on unreadable input.
    static QString sha256Fingerprint(const QByteArray &certificatePem);
    // True when the PEM private key is the one whose public half the certificate carries.
    static bool keyMatchesCertificate(const QByteArray &certificatePem,
                                      const QByteArray &privateKeyPem);
};

} // namespace Mailkeep::Crypto
