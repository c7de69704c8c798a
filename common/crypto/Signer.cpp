#include "crypto/Signer.h"

#include "crypto/OpenSslHandles.h"

#include <openssl/pem.h>

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

} // namespace

Result<QByteArray> Signer::signSha256(const QByteArray &privateKeyPem, const QByteArray &data)
{
    Ossl::Ptr<BIO> bio = memoryOf(privateKeyPem);
    Ossl::Ptr<EVP_PKEY> key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                                : nullptr);
    if (!key)
        return Error(ErrorCode::InvalidArgument, u"The signing key cannot be read."_s);
    MdContext context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!context ||
        EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
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
                          const QByteArray &signature)
{
    Ossl::Ptr<BIO> bio = memoryOf(certificatePem);
    Ossl::Ptr<X509> certificate(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)
                                    : nullptr);
    if (!certificate)
        return false;
    EVP_PKEY *key = X509_get0_pubkey(certificate.get());
    MdContext context(EVP_MD_CTX_new());
    return key && context &&
           EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) == 1 &&
           EVP_DigestVerifyUpdate(context.get(), data.constData(),
                                  static_cast<size_t>(data.size())) == 1 &&
           EVP_DigestVerifyFinal(context.get(),
                                 reinterpret_cast<const unsigned char *>(signature.constData()),
                                 static_cast<size_t>(signature.size())) == 1;
}

} // namespace Mailkeep::Crypto
