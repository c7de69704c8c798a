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
    QString commonName;
    QStringList dnsNames;    // subjectAltName DNS entries
    QStringList ipAddresses; // subjectAltName IP entries (v4 or v6 text form)
    int validDays = 3650;
};

// X.509 helpers on OpenSSL: the server's first-start certificate and the fingerprints that
// clients pin.
class CertificateFactory
{
public:
    // ECDSA P-256 key, SHA-256 signature, serverAuth extended key usage.
    static Result<CertificateAndKey> createSelfSigned(const SelfSignedRequest &request);
    // "AB:CD:..." upper-case SHA-256 of the DER encoding; empty on unreadable input.
    static QString sha256Fingerprint(const QByteArray &certificatePem);
    // True when the PEM private key is the one whose public half the certificate carries.
    static bool keyMatchesCertificate(const QByteArray &certificatePem,
                                      const QByteArray &privateKeyPem);
};

} // namespace Mailkeep::Crypto
