#include "crypto/SecureRandom.h"

#include <sodium.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

QByteArray SecureRandom::bytes(int count)
{
    // randombytes_buf works without sodium_init() on Linux (getrandom), but initialise anyway.
    static const bool ready = sodium_init() >= 0;
    Q_UNUSED(ready);
    QByteArray buffer(count, Qt::Uninitialized);
    randombytes_buf(buffer.data(), static_cast<size_t>(count));
    return buffer;
}

QString SecureRandom::token(int byteCount)
{
    return QString::fromLatin1(
        bytes(byteCount).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString SecureRandom::password(int length)
{
    static const QString alphabet = u"abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"_s;
    QString result;
    result.reserve(length);
    for (int i = 0; i < length; ++i) {
        const auto index = randombytes_uniform(static_cast<uint32_t>(alphabet.size()));
        result.append(alphabet.at(static_cast<qsizetype>(index)));
    }
    return result;
}

} // namespace Mailkeep::Crypto
