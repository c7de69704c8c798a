#include "crypto/CertificateFactory.h"

#include "crypto/OpenSslHandles.h"


#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

namespace {

Error opensslError(const QString &what)
{
    char buffer[256] = {};
    ERR_error_string_n(ERR_get_error(), buffer, sizeof buffer);
    return Error(ErrorCode::Internal, what, QString::fromLatin1(buffer));
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    return QByteArray(data, static_cast<qsizetype>(length));
}

Ossl::Ptr<EVP_PKEY> generateKey(SelfSignedRequest::Key kind)
{
    const bool ec = kind == SelfSignedRequest::Key::EcP256;
    Ossl::Ptr<EVP_PKEY_CTX> context(EVP_PKEY_CTX_new_id(ec ? EVP_PKEY_EC : EVP_PKEY_RSA, nullptr));
    EVP_PKEY *key = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) <= 0)
        return nullptr;
    const bool configured =
        ec ? EVP_PKEY_CTX_set_ec_paramgen_curve_nid(context.get(), NID_X9_62_prime256v1) > 0
           : EVP_PKEY_CTX_set_rsa_keygen_bits(
                 context.get(), kind == SelfSignedRequest::Key::Rsa3072 ? 3072 : 2048) > 0;
    if (!configured || EVP_PKEY_keygen(context.get(), &key) <= 0)
        return nullptr;
    return Ossl::Ptr<EVP_PKEY>(key);
}

// ASN1_TIME as UTC.
QDateTime dateTimeOf(const ASN1_TIME *time)
{
    struct tm parts = {};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    Ossl::Ptr<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

QByteArray subjectAltNames(const SelfSignedRequest &request)
{
    QStringList entries;
    for (const QString &name : request.dnsNames)
        entries << u"DNS:"_s + name;
    for (const QString &address : request.ipAddresses)
        entries << u"IP:"_s + address;
    return entries.join(u',').toUtf8();
}

bool setRandomSerial(X509 *certificate)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] &= 0x7f; // keep it positive
    Ossl::Ptr<BIGNUM> number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    Ossl::Ptr<ASN1_INTEGER> serial(number ? BN_to_ASN1_INTEGER(number.get(), nullptr) : nullptr);
    return serial && X509_set_serialNumber(certificate, serial.get()) == 1;
}

} // namespace

Result<CertificateAndKey> CertificateFactory::createSelfSigned(const SelfSignedRequest &request)
{
    Ossl::Ptr<EVP_PKEY> key = generateKey(request.key);
    if (!key)
        return opensslError(u"Could not generate the key."_s);

    Ossl::Ptr<X509> certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1 ||
        !setRandomSerial(certificate.get())) {
        return opensslError(u"Could not create the TLS certificate."_s);
    }
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 86400L * request.validDays);
    X509_set_pubkey(certificate.get(), key.get());

    X509_NAME *name = X509_get_subject_name(certificate.get());
    const QByteArray commonName = request.commonName.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>("Mailkeep"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char *>(commonName.constData()), -1,
                               -1, 0);
    X509_set_issuer_name(certificate.get(), name);

    const QByteArray altNames = subjectAltNames(request);
    if (!addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature") ||
        !addExtension(certificate.get(), NID_ext_key_usage, request.extendedKeyUsage.constData()) ||
        !addExtension(certificate.get(), NID_subject_key_identifier, "hash") ||
        (!altNames.isEmpty() &&
         !addExtension(certificate.get(), NID_subject_alt_name, altNames.constData()))) {
        return opensslError(u"Could not add the TLS certificate's extensions."_s);
    }
    if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0)
        return opensslError(u"Could not sign the TLS certificate."_s);

    Ossl::Ptr<BIO> certificateBio(BIO_new(BIO_s_mem()));
    Ossl::Ptr<BIO> keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio ||
        PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1) {
        return opensslError(u"Could not encode the TLS certificate."_s);
    }
    return CertificateAndKey{bioContents(certificateBio.get()), bioContents(keyBio.get())};
}

namespace {

Ossl::Ptr<BIO> memoryBio(const QByteArray &data)
{
    return Ossl::Ptr<BIO>(BIO_new_mem_buf(data.constData(), static_cast<int>(data.size())));
}

Ossl::Ptr<X509> readCertificate(const QByteArray &pem)
{
    Ossl::Ptr<BIO> bio = memoryBio(pem);
    return Ossl::Ptr<X509>(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

// Encrypted keys are not supported; never let OpenSSL prompt on the terminal for a passphrase.
int refusePassphrase(char *, int, int, void *)
{
    return 0;
}

} // namespace

bool CertificateFactory::keyMatchesCertificate(const QByteArray &certificatePem,
                                               const QByteArray &privateKeyPem)
{
    Ossl::Ptr<X509> certificate = readCertificate(certificatePem);
    Ossl::Ptr<BIO> keyBio = memoryBio(privateKeyPem);
    Ossl::Ptr<EVP_PKEY> key(
        keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, refusePassphrase, nullptr)
               : nullptr);
    ERR_clear_error();
    return certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
}

Result<CertificateDetails> CertificateFactory::details(const QByteArray &certificatePem)
{
    Ossl::Ptr<X509> certificate = readCertificate(certificatePem);
    if (!certificate)
        return Error(ErrorCode::InvalidArgument, u"The certificate cannot be read."_s);
    CertificateDetails details;
    unsigned char *der = nullptr;
    const int derLength = i2d_X509(certificate.get(), &der);
    if (derLength <= 0)
        return opensslError(u"The certificate cannot be encoded."_s);
    details.der = QByteArray(reinterpret_cast<const char *>(der), derLength);
    OPENSSL_free(der);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate.get(), EVP_sha1(), digest, &length) != 1)
        return opensslError(u"The certificate's thumbprint cannot be computed."_s);
    details.sha1 = QByteArray(reinterpret_cast<const char *>(digest), length);
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &length) != 1)
        return opensslError(u"The certificate's thumbprint cannot be computed."_s);
    details.sha256 = QByteArray(reinterpret_cast<const char *>(digest), length);
    char subject[512] = {};
    X509_NAME_oneline(X509_get_subject_name(certificate.get()), subject, sizeof subject);
    details.subject = QString::fromUtf8(subject);
    details.notBefore = dateTimeOf(X509_get0_notBefore(certificate.get()));
    details.notAfter = dateTimeOf(X509_get0_notAfter(certificate.get()));
    details.keyBits = EVP_PKEY_get_bits(X509_get0_pubkey(certificate.get()));
    return details;
}

QString CertificateFactory::sha256Fingerprint(const QByteArray &certificatePem)
{
    Ossl::Ptr<X509> certificate = readCertificate(certificatePem);
    if (!certificate)
        return {};
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate.get(), EVP_sha256(), digest, &length) != 1)
        return {};
    const QByteArray raw(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length));
    return QString::fromLatin1(raw.toHex(':').toUpper());
}

} // namespace Mailkeep::Crypto
