// Application certificates for Entra ID and the signatures of client assertions: RSA keys,
// thumbprints in the encodings JWS uses (the notes' golden vectors), PS256 and RS256 checked
// by OpenSSL's command line, which knows nothing of our code.
#include "crypto/CertificateFactory.h"
#include "crypto/Signer.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Crypto;
using namespace Qt::Literals::StringLiterals;

namespace {

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

CertificateAndKey rsaCertificate(SelfSignedRequest::Key key = SelfSignedRequest::Key::Rsa2048)
{
    SelfSignedRequest request;
    request.commonName = u"Mailkeep test app"_s;
    request.validDays = 3750;
    request.key = key;
    request.extendedKeyUsage = "clientAuth";
    Result<CertificateAndKey> made = CertificateFactory::createSelfSigned(request);
    EXPECT_TRUE(made.ok());
    return made.ok() ? made.value() : CertificateAndKey{};
}

// openssl dgst -sha256 -verify with the given options; true when it says "Verified OK".
bool opensslVerifies(const CertificateAndKey &pair, const QByteArray &data,
                     const QByteArray &signature, const QStringList &options)
{
    QTemporaryDir folder;
    auto write = [&folder](const QString &name, const QByteArray &bytes) {
        QFile file(folder.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    if (!write(u"cert.pem"_s, pair.certificatePem) || !write(u"data"_s, data) ||
        !write(u"sig"_s, signature))
        return false;
    QProcess extract;
    extract.start(u"openssl"_s, {u"x509"_s, u"-in"_s, folder.filePath(u"cert.pem"_s), u"-pubkey"_s,
                                 u"-noout"_s, u"-out"_s, folder.filePath(u"pub.pem"_s)});
    if (!extract.waitForFinished() || extract.exitCode() != 0)
        return false;
    QProcess verify;
    verify.start(
        u"openssl"_s,
        QStringList{u"dgst"_s, u"-sha256"_s, u"-verify"_s, folder.filePath(u"pub.pem"_s)}
            << options
            << QStringList{u"-signature"_s, folder.filePath(u"sig"_s), folder.filePath(u"data"_s)});
    return verify.waitForFinished() && verify.exitCode() == 0 &&
           verify.readAllStandardOutput().contains("Verified OK");
}

} // namespace

TEST(AppCertificateTest, ThumbprintsInTheJwsEncodingsOfTheNotes)
{
    // x5t is base64url of the raw SHA-1 digest, not of its hex text.
    EXPECT_EQ(base64Url(QByteArray::fromHex("84E05C1D98BCE3A5421D225B140B36E86A3D5534")),
              u"hOBcHZi846VCHSJbFAs26Go9VTQ"_s);
    EXPECT_EQ(base64Url(QByteArray::fromHex("C43593F392A8B00645BD4F256F9DCBC2F7BB2410")),
              u"xDWT85KosAZFvU8lb53Lwve7JBA"_s);
}

TEST(AppCertificateTest, AnRsaCertificateWithItsDetails)
{
    for (const auto &[key, bits] : {std::pair{SelfSignedRequest::Key::Rsa2048, 2048},
                                    std::pair{SelfSignedRequest::Key::Rsa3072, 3072}}) {
        const CertificateAndKey pair = rsaCertificate(key);
        EXPECT_TRUE(
            CertificateFactory::keyMatchesCertificate(pair.certificatePem, pair.privateKeyPem));
        Result<CertificateDetails> details = CertificateFactory::details(pair.certificatePem);
        ASSERT_TRUE(details.ok());
        EXPECT_EQ(details->keyBits, bits);
        EXPECT_EQ(details->sha1.size(), 20);
        EXPECT_EQ(details->sha256.size(), 32);
        EXPECT_TRUE(details->subject.contains(u"Mailkeep test app"_s))
            << details->subject.toStdString();
        EXPECT_NEAR(static_cast<double>(details->notBefore.daysTo(details->notAfter)), 3750.0, 1.0);
        EXPECT_EQ(QString::fromLatin1(details->sha256.toHex(':').toUpper()),
                  CertificateFactory::sha256Fingerprint(pair.certificatePem));
    }
    EXPECT_FALSE(CertificateFactory::details("not a certificate").ok());
}

TEST(AppCertificateTest, Ps256AndRs256SignaturesThatOpensslAccepts)
{
    const CertificateAndKey pair = rsaCertificate();
    const QByteArray input = "eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJhcHAifQ";

    Result<QByteArray> pss = Signer::signSha256(pair.privateKeyPem, input, Signer::RsaPadding::Pss);
    ASSERT_TRUE(pss.ok());
    EXPECT_EQ(pss->size(), 256);
    EXPECT_TRUE(
        Signer::verifySha256(pair.certificatePem, input, pss.value(), Signer::RsaPadding::Pss));
    EXPECT_FALSE(Signer::verifySha256(pair.certificatePem, input, pss.value()))
        << "not a PKCS#1 v1.5 signature";
    EXPECT_TRUE(opensslVerifies(pair, input, pss.value(),
                                {u"-sigopt"_s, u"rsa_padding_mode:pss"_s, u"-sigopt"_s,
                                 u"rsa_pss_saltlen:32"_s, u"-sigopt"_s, u"rsa_mgf1_md:sha256"_s}))
        << "RFC 7518 PS256: MGF1-SHA-256, 32-byte salt";
    // PSS is randomised: two signatures differ, both verify.
    Result<QByteArray> again =
        Signer::signSha256(pair.privateKeyPem, input, Signer::RsaPadding::Pss);
    ASSERT_TRUE(again.ok());
    EXPECT_NE(again.value(), pss.value());

    Result<QByteArray> pkcs1 = Signer::signSha256(pair.privateKeyPem, input);
    ASSERT_TRUE(pkcs1.ok());
    EXPECT_TRUE(opensslVerifies(pair, input, pkcs1.value(), {}));
    EXPECT_FALSE(Signer::verifySha256(pair.certificatePem, input + "x", pkcs1.value()));

    // An EC key cannot make PS256.
    SelfSignedRequest ec;
    ec.commonName = u"ec"_s;
    Result<CertificateAndKey> ecPair = CertificateFactory::createSelfSigned(ec);
    ASSERT_TRUE(ecPair.ok());
    EXPECT_FALSE(Signer::signSha256(ecPair->privateKeyPem, input, Signer::RsaPadding::Pss).ok());
}
