#pragma once

#include "model/Result.h"

#include <QByteArray>

namespace Mailkeep::Crypto {

// AES-256-GCM with a fresh random 96-bit nonce per message. The sealed form is
//   version (1 byte, 0x01) | nonce (12) | ciphertext | tag (16)
// and the associated data binds a sealed value to where it belongs (e.g. store and content
// hash), so rows cannot be swapped without the open failing.
class AeadCipher
{
public:
    static constexpr int kKeyBytes = 32;
    static constexpr int kOverheadBytes = 1 + 12 + 16;

    // Fails only for a key of the wrong size or an OpenSSL failure.
    static Result<QByteArray> seal(const QByteArray &key, const QByteArray &plaintext,
                                   const QByteArray &associatedData = {});
    // Fails (ErrorCode::InvalidArgument) for a wrong key, wrong associated data, or any
    // change to the sealed bytes.
    static Result<QByteArray> open(const QByteArray &key, const QByteArray &sealed,
                                   const QByteArray &associatedData = {});
};

} // namespace Mailkeep::Crypto
