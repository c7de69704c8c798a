#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>

namespace Mailkeep::Crypto {

// The key an administrator writes down once: 25 characters from an alphabet without
// look-alikes, in five groups ("K7QX2-MR9TA-..."), 122 bits of entropy. It does not encrypt
// anything itself: an Argon2id derivation of it (with a stored salt) wraps the master key, so
// a lost master key file can be replaced from it.
class RecoveryKey
{
public:
    static QString generate();
    // Upper-cases and strips spaces and dashes; fails for a wrong length or foreign letters,
    // with a message a person can act on.
    static Result<QString> normalise(const QString &typed);
    // 32-byte key-encryption key from the (normalised) recovery key and a 16-byte salt.
    static Result<QByteArray> deriveWrappingKey(const QString &recoveryKey, const QByteArray &salt);
    static constexpr int kSaltBytes = 16;
};

} // namespace Mailkeep::Crypto
