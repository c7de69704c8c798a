#include "crypto/RecoveryKey.h"

#include <sodium.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

namespace {

constexpr int kLength = 25;
constexpr int kGroup = 5;

// 30 symbols without look-alikes (0/O, 1/I/L) and without U (fewer accidental words):
// 25 of them carry 25 * log2(30) = 122 bits.
QString alphabet()
{
    return u"23456789ABCDEFGHJKMNPQRSTVWXYZ"_s;
}

} // namespace

QString RecoveryKey::generate()
{
    static const bool ready = sodium_init() >= 0;
    Q_UNUSED(ready);
    const QString symbols = alphabet();
    QString key;
    for (int i = 0; i < kLength; ++i) {
        if (i > 0 && i % kGroup == 0)
            key += u'-';
        key += symbols.at(
            static_cast<qsizetype>(randombytes_uniform(static_cast<uint32_t>(symbols.size()))));
    }
    return key;
}

Result<QString> RecoveryKey::normalise(const QString &typed)
{
    QString compact;
    for (QChar c : typed) {
        if (c.isSpace() || c == u'-')
            continue;
        compact += c.toUpper();
    }
    if (compact.size() != kLength) {
        return Error(
            ErrorCode::InvalidArgument,
            u"A recovery key has %1 letters and digits; this one has %2."_s.arg(kLength).arg(
                compact.size()));
    }
    const QString symbols = alphabet();
    for (QChar c : compact) {
        if (!symbols.contains(c)) {
            return Error(ErrorCode::InvalidArgument,
                         u"\"%1\" does not occur in recovery keys (they never contain 0, 1, I, L, "
                         "O or U)."_s.arg(c));
        }
    }
    QString grouped;
    for (int i = 0; i < kLength; i += kGroup) {
        if (i > 0)
            grouped += u'-';
        grouped += compact.mid(i, kGroup);
    }
    return grouped;
}

Result<QByteArray> RecoveryKey::deriveWrappingKey(const QString &recoveryKey,
                                                  const QByteArray &salt)
{
    if (sodium_init() < 0)
        return Error(ErrorCode::Internal, u"The cryptography library could not be initialised."_s);
    Result<QString> normalised = normalise(recoveryKey);
    if (!normalised.ok())
        return normalised.error();
    if (salt.size() != kSaltBytes)
        return Error(ErrorCode::InvalidArgument, u"A recovery key salt has 16 bytes."_s);
    static_assert(kSaltBytes == crypto_pwhash_SALTBYTES);
    const QByteArray secret = normalised->toLatin1();
    QByteArray key(32, Qt::Uninitialized);
    if (crypto_pwhash(reinterpret_cast<unsigned char *>(key.data()),
                      static_cast<unsigned long long>(key.size()), secret.constData(),
                      static_cast<unsigned long long>(secret.size()),
                      reinterpret_cast<const unsigned char *>(salt.constData()), 3,
                      64u * 1024u * 1024u, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return Error(ErrorCode::Internal, u"Not enough memory to derive the recovery key."_s);
    }
    return key;
}

} // namespace Mailkeep::Crypto
