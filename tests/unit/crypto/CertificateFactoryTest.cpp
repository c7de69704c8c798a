#include "crypto/CertificateFactory.h"

#include <QSslCertificate>
#include <QSslCertificateExtension>
#include <QSslKey>

#include <gtest/gtest.h>

using namespace Mailkeep::Crypto;
using namespace Qt::Literals::StringLiterals;

TEST(CertificateFactory, SelfSignedCertificateHasNamesAndMatchingKey)
{
    SelfSignedRequest request;
    request.commonName = u"archive.example"_s;
    request.dnsNames = {u"archive.example"_s, u"localhost"_s};
    request.ipAddresses = {u"127.0.0.1"_s, u"::1"_s};
    const auto made = CertificateFactory::createSelfSigned(request);
    ASSERT_TRUE(made.ok()) << made.error().toString().toStdString();
    EXPECT_TRUE(made->privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----"));

    const QList<QSslCertificate> parsed = QSslCertificate::fromData(made->certificatePem);
    ASSERT_EQ(parsed.size(), 1);
    const QSslCertificate &certificate = parsed.first();
    EXPECT_EQ(certificate.subjectInfo(QSslCertificate::CommonName).value(0), u"archive.example"_s);
    const auto alternatives = certificate.subjectAlternativeNames();
    EXPECT_TRUE(alternatives.values(QSsl::DnsEntry).contains(u"localhost"_s));
    EXPECT_TRUE(alternatives.values(QSsl::IpAddressEntry).contains(u"127.0.0.1"_s));
    EXPECT_TRUE(alternatives.values(QSsl::IpAddressEntry).contains(u"0:0:0:0:0:0:0:1"_s) ||
                alternatives.values(QSsl::IpAddressEntry).contains(u"::1"_s));
    EXPECT_GT(certificate.expiryDate(), QDateTime::currentDateTimeUtc().addYears(9));
    EXPECT_EQ(certificate.publicKey().algorithm(), QSsl::Ec);

    EXPECT_TRUE(
        CertificateFactory::keyMatchesCertificate(made->certificatePem, made->privateKeyPem));
    const auto other = CertificateFactory::createSelfSigned(request);
    ASSERT_TRUE(other.ok());
    EXPECT_FALSE(
        CertificateFactory::keyMatchesCertificate(made->certificatePem, other->privateKeyPem));
}

TEST(CertificateFactory, FingerprintMatchesQtsDigest)
{
    const auto made = CertificateFactory::createSelfSigned({u"host"_s, {u"host"_s}, {}, 30});
    ASSERT_TRUE(made.ok());
    const QString fingerprint = CertificateFactory::sha256Fingerprint(made->certificatePem);
    const QByteArray digest =
        QSslCertificate(made->certificatePem).digest(QCryptographicHash::Sha256);
    EXPECT_EQ(fingerprint, QString::fromLatin1(digest.toHex(':').toUpper()));
    EXPECT_EQ(fingerprint.size(), 32 * 3 - 1);
    EXPECT_TRUE(CertificateFactory::sha256Fingerprint("not a certificate").isEmpty());
}
