#include "app/TlsBootstrap.h"

#include "app/DataDirectory.h"
#include "crypto/CertificateFactory.h"

#include <QFileInfo>
#include <QHostInfo>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcTls, "mailkeep.tls")

namespace Mailkeep::App {

Result<Http::TlsFiles> prepareTlsFiles(const QString &configuredCertificate,
                                       const QString &configuredKey, const QString &tlsDirectory)
{
    if (!configuredCertificate.isEmpty() || !configuredKey.isEmpty()) {
        if (configuredCertificate.isEmpty() || configuredKey.isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         u"Set both tls.certificate and tls.key, or neither."_s);
        return Http::TlsFiles{configuredCertificate, configuredKey};
    }

    const Http::TlsFiles files{tlsDirectory + u"/server.crt"_s, tlsDirectory + u"/server.key"_s};
    if (QFileInfo::exists(files.certificateFile) && QFileInfo::exists(files.keyFile))
        return files;

    const QString hostName = QHostInfo::localHostName();
    Crypto::SelfSignedRequest request;
    request.commonName = hostName.isEmpty() ? u"localhost"_s : hostName;
    request.dnsNames = {u"localhost"_s};
    if (!hostName.isEmpty() && hostName != u"localhost"_s)
        request.dnsNames.prepend(hostName);
    request.ipAddresses = {u"127.0.0.1"_s, u"::1"_s};
    Result<Crypto::CertificateAndKey> made = Crypto::CertificateFactory::createSelfSigned(request);
    if (!made.ok())
        return made.error();
    // Both files must exist to be reused; a crash between the two writes regenerates both.
    if (Status written = DataDirectory::writeSecretFile(files.keyFile, made->privateKeyPem);
        !written.ok()) {
        return written.error();
    }
    if (Status written =
            DataDirectory::writeSecretFile(files.certificateFile, made->certificatePem);
        !written.ok()) {
        return written.error();
    }
    qCInfo(lcTls).noquote() << "Created a self-signed certificate for"
                            << request.dnsNames.join(u", "_s) << "in" << files.certificateFile;
    return files;
}

} // namespace Mailkeep::App
