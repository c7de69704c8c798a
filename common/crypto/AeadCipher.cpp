#include "crypto/AeadCipher.h"

#include "crypto/SecureRandom.h"

#include <memory>
#include <openssl/evp.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

namespace {

constexpr char kVersion = 0x01;
constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

struct ContextFree
{
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Context = std::unique_ptr<EVP_CIPHER_CTX, ContextFree>;

const unsigned char *bytes(const QByteArray &data)
{
    return reinterpret_cast<const unsigned char *>(data.constData());
}

unsigned char *bytes(QByteArray &data)
{
    return reinterpret_cast<unsigned char *>(data.data());
}

Error failure(const QString &what)
{
    return Error(ErrorCode::Internal, what);
}

} // namespace

Result<QByteArray> AeadCipher::seal(const QByteArray &key, const QByteArray &plaintext,
                                    const QByteArray &associatedData)
{
    if (key.size() != kKeyBytes)
        return Error(ErrorCode::InvalidArgument, u"An AES-256 key has 32 bytes."_s);
    const QByteArray nonce = SecureRandom::bytes(kNonceBytes);
    QByteArray sealed(1 + kNonceBytes + plaintext.size() + kTagBytes, Qt::Uninitialized);
    sealed[0] = kVersion;
    std::copy(nonce.cbegin(), nonce.cend(), sealed.begin() + 1);

    Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    unsigned char *out = bytes(sealed) + 1 + kNonceBytes;
    if (!context ||
        EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) !=
            1 ||
        (!associatedData.isEmpty() &&
         EVP_EncryptUpdate(context.get(), nullptr, &length, bytes(associatedData),
                           static_cast<int>(associatedData.size())) != 1) ||
        EVP_EncryptUpdate(context.get(), out, &length, bytes(plaintext),
                          static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), out + length, &length) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, kTagBytes,
                            out + plaintext.size()) != 1) {
        return failure(u"Encryption failed."_s);
    }
    return sealed;
}

Result<QByteArray> AeadCipher::open(const QByteArray &key, const QByteArray &sealed,
                                    const QByteArray &associatedData)
{
    if (key.size() != kKeyBytes)
        return Error(ErrorCode::InvalidArgument, u"An AES-256 key has 32 bytes."_s);
    if (sealed.size() < kOverheadBytes || sealed.at(0) != kVersion)
        return Error(ErrorCode::InvalidArgument, u"The encrypted data is malformed."_s);
    const QByteArray nonce = sealed.mid(1, kNonceBytes);
    const qsizetype cipherBytes = sealed.size() - kOverheadBytes;
    const unsigned char *in = bytes(sealed) + 1 + kNonceBytes;
    QByteArray tag = sealed.right(kTagBytes);
    QByteArray plaintext(cipherBytes, Qt::Uninitialized);

    Context context(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!context ||
        EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) !=
            1 ||
        (!associatedData.isEmpty() &&
         EVP_DecryptUpdate(context.get(), nullptr, &length, bytes(associatedData),
                           static_cast<int>(associatedData.size())) != 1) ||
        EVP_DecryptUpdate(context.get(), bytes(plaintext), &length, in,
                          static_cast<int>(cipherBytes)) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, kTagBytes, bytes(tag)) != 1) {
        return failure(u"Decryption failed."_s);
    }
    if (EVP_DecryptFinal_ex(context.get(), bytes(plaintext) + length, &length) != 1) {
        return Error(ErrorCode::InvalidArgument,
                     u"The encrypted data does not authenticate: wrong key, or it was altered."_s);
    }
    return plaintext;
}

} // namespace Mailkeep::Crypto
