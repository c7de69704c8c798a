#pragma once

#include "model/Result.h"

#include <QString>

namespace Mailkeep::Crypto {

// Argon2id password hashes in libsodium's self-describing string form, so the cost parameters
// can be raised later without invalidating stored hashes.
class PasswordHasher
{
public:
    static Result<QString> hash(const QString &password);
    // Constant-time for a given hash; false for malformed hashes too.
    static bool verify(const QString &storedHash, const QString &password);
    // True when the hash was made with weaker parameters than hash() uses now.
    static bool needsRehash(const QString &storedHash);
    // Verify against a throwaway hash, so that "no such user" costs as much as "wrong password".
    static void burnEquivalentTime(const QString &password);
};

} // namespace Mailkeep::Crypto
