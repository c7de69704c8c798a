#include "crypto/Signer.h"

#include "crypto/OpenSslHandles.h"

#include <openssl/pem.h>
#include <openssl/rsa.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

namespace {

struct MdContextFree
{
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
};
using MdContext = std::unique_ptr<EVP_MD_CTX, MdContextFree>;

Ossl::Ptr<BIO> memoryOf(const QByteArray &bytes)
{
    return Ossl::Ptr<BIO>(BIO_new_mem_buf(bytes.constData(), static_cast<int>(bytes.size())));
}

// PSS as JWS PS256 wants it; nothing for PKCS#1 v1.5, OpenSSL's default.
bool choosePadding(EVP_PKEY_CTX *context, Signer::RsaPadding padding)
{
    if (padding == Signer::RsaPadding::Pkcs1)
        return true;
    return EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) > 0 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_DIGEST) > 0 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) > 0;
}

} // namespace

Result<QByteArray> Signer::signSha256(const QByteArray &privateKeyPem, const QByteArray &data,
                                      RsaPadding padding)
{
    Ossl::Ptr<BIO> bio = memoryOf(privateKeyPem);
    Ossl::Ptr<EVP_PKEY> key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                                : nullptr);
    if (!key)
        return Error(ErrorCode::InvalidArgument, u"The signing key cannot be read."_s);
    if (padding == RsaPadding::Pss && EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA)
        return Error(ErrorCode::InvalidArgument, u"PSS signatures need an RSA key."_s);
    MdContext context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr;
    size_t length = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), &keyContext, EVP_sha256(), nullptr, key.get()) != 1 ||
        !choosePadding(keyContext, padding) ||
        EVP_DigestSignUpdate(context.get(), data.constData(), static_cast<size_t>(data.size())) !=
            1 ||
        EVP_DigestSignFinal(context.get(), nullptr, &length) != 1)
        return Error(ErrorCode::Internal, u"Signing failed."_s);
    QByteArray signature(static_cast<qsizetype>(length), Qt::Uninitialized);
    if (EVP_DigestSignFinal(context.get(), reinterpret_cast<unsigned char *>(signature.data()),
                            &length) != 1)
        return Error(ErrorCode::Internal, u"Signing failed."_s);
    signature.resize(static_cast<qsizetype>(length));
    return signature;
}

bool Signer::verifySha256(const QByteArray &certificatePem, const QByteArray &data,
                          const QByteArray &signature, RsaPadding padding)
{
    Ossl::Ptr<BIO> bio = memoryOf(certificatePem);
    Ossl::Ptr<X509> certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                                    : nullptr);
    if (!certificate)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(certificate.get());
    MdContext context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr;
    return key && context &&
           EVP_DigestVerifyInit(context.get(), &keyContext, EVP_sha256(), nullptr, key) == 1 &&
           choosePadding(keyContext, padding) &&
           EVP_DigestVerifyUpdate(context.get(), data.constData(),
                                  static_cast<size_t>(data.size())) == 1 &&
           EVP_DigestVerifyFinal(context.get(),
                                 reinterpret_cast<const unsigned char *>(signature.constData()),
                                 static_cast<size_t>(signature.size())) == 1;
}

} // namespace Mailkeep::Crypto
