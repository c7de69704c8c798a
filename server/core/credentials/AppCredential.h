#pragma once

#include <QByteArray>
#include <QString>

namespace Mailkeep::Core {

// What a token request needs of a credential, with its private key opened. Lives only as
// long as the requests that use it.
struct AppCredential
{
    qint64 id = 0;
    QString tenantId;
    QString applicationId;
    QString cloud;              // Microsoft365Cloud
    QString assertionAlgorithm; // AssertionAlgorithm
    QByteArray certificatePem;
    QByteArray privateKeyPem;
    QByteArray thumbprintSha1;   // raw digest of the certificate's DER
    QByteArray thumbprintSha256; // raw digest of the certificate's DER
};

} // namespace Mailkeep::Core
