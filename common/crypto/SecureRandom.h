#pragma once

#include <QByteArray>
#include <QString>

namespace Mailkeep::Crypto {

// Random values from the operating system's CSPRNG (libsodium's randombytes).
class SecureRandom
{
public:
    static QByteArray bytes(int count);
    // URL-safe Base64 without padding; 32 bytes give 256 bits: unguessable tokens.
    static QString token(int byteCount = 32);
    // A password of letters and digits without look-alikes (0/O, 1/l/I), for initial passwords.
    static QString password(int length = 20);
};

} // namespace Mailkeep::Crypto
