#include "crypto/PasswordHasher.h"

#include <mutex>

#include <sodium.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

namespace {

// 3 passes over 64 MiB: libsodium's "interactive" memory with one more pass; about 0.1 s on
// one core of a current server. Logins are cached by the auth service, so this is paid rarely.
constexpr unsigned long long kOpsLimit = 3;
constexpr size_t kMemLimit = 64u * 1024u * 1024u;

bool initialiseSodium()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<QString> PasswordHasher::hash(const QString &password)
{
    if (!initialiseSodium())
        return Error(ErrorCode::Internal, u"The cryptography library could not be initialised."_s);
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
                          kOpsLimit, kMemLimit) != 0) {
        return Error(ErrorCode::Internal, u"Not enough memory to hash the password."_s);
    }
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &storedHash, const QString &password)
{
    if (!initialiseSodium() || storedHash.isEmpty())
        return false;
    const QByteArray hashBytes = storedHash.toLatin1();
    if (hashBytes.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(hashBytes.constData(), utf8.constData(),
                                    static_cast<unsigned long long>(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QString &storedHash)
{
    if (!initialiseSodium())
        return false;
    const QByteArray hashBytes = storedHash.toLatin1();
    return crypto_pwhash_str_needs_rehash(hashBytes.constData(), kOpsLimit, kMemLimit) != 0;
}

void PasswordHasher::burnEquivalentTime(const QString &password)
{
    static std::once_flag once;
    static QString dummyHash;
    std::call_once(once, [] {
        const Result<QString> made = hash(u"mailkeep-timing-equaliser"_s);
        if (made.ok())
            dummyHash = made.value();
    });
    (void)verify(dummyHash, password);
}

} // namespace Mailkeep::Crypto
