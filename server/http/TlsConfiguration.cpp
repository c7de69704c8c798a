#include "http/TlsConfiguration.h"

#include "crypto/CertificateFactory.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Http {

namespace {

Result<QByteArray> readFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorCode::IoError, u"Cannot read the TLS %1 %2."_s.arg(what, path),
                     file.errorString());
    }
    return file.readAll();
}

QSslKey parseKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

Result<LoadedTls> loadTls(const TlsFiles &files)
{
    Result<QByteArray> certificatePem = readFile(files.certificateFile, u"certificate"_s);
    if (!certificatePem.ok())
        return certificatePem.error();
    Result<QByteArray> keyPem = readFile(files.keyFile, u"key"_s);
    if (!keyPem.ok())
        return keyPem.error();

    const QList<QSslCertificate> chain =
        QSslCertificate::fromData(certificatePem.value(), QSsl::Pem);
    if (chain.isEmpty()) {
        return Error(ErrorCode::InvalidArgument,
                     u"%1 holds no PEM certificate."_s.arg(files.certificateFile));
    }
    const QSslKey key = parseKey(keyPem.value());
    if (key.isNull()) {
        return Error(ErrorCode::InvalidArgument,
                     u"%1 holds no unencrypted PEM private key (EC or RSA)."_s.arg(files.keyFile));
    }
    const QSslCertificate &certificate = chain.first();
    if (!Crypto::CertificateFactory::keyMatchesCertificate(certificatePem.value(),
                                                           keyPem.value())) {
        return Error(ErrorCode::InvalidArgument,
                     u"The key in %1 does not belong to the certificate in %2."_s.arg(
                         files.keyFile, files.certificateFile));
    }
    if (certificate.expiryDate() < QDateTime::currentDateTimeUtc()) {
        return Error(ErrorCode::InvalidArgument,
                     u"The certificate in %1 expired on %2."_s.arg(
                         files.certificateFile, certificate.expiryDate().toString(Qt::ISODate)));
    }

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with Basic

    LoadedTls loaded;
    loaded.configuration = configuration;
    loaded.fingerprint =
        QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
    loaded.subject = certificate.subjectDisplayName();
    loaded.expires = certificate.expiryDate();
    return loaded;
}

} // namespace Mailkeep::Http
