#include "core/ContentCodec.h"

#include "crypto/AeadCipher.h"

#include <zstd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

Result<QByteArray> ContentCodec::encode(const QByteArray &raw, const QByteArray &dataKey,
                                        const QByteArray &associatedData, int level)
{
    QByteArray compressed(
        static_cast<qsizetype>(ZSTD_compressBound(static_cast<size_t>(raw.size()))),
        Qt::Uninitialized);
    const size_t written = ZSTD_compress(compressed.data(), static_cast<size_t>(compressed.size()),
                                         raw.constData(), static_cast<size_t>(raw.size()), level);
    if (ZSTD_isError(written))
        return Error(ErrorCode::Internal, u"Compression failed."_s,
                     QString::fromLatin1(ZSTD_getErrorName(written)));
    compressed.truncate(static_cast<qsizetype>(written));
    return Crypto::AeadCipher::seal(dataKey, compressed, associatedData);
}

Result<QByteArray> ContentCodec::decode(const QByteArray &stored, const QByteArray &dataKey,
                                        const QByteArray &associatedData, qsizetype maximumSize)
{
    Result<QByteArray> compressed = Crypto::AeadCipher::open(dataKey, stored, associatedData);
    if (!compressed.ok())
        return compressed.error();
    const unsigned long long size =
        ZSTD_getFrameContentSize(compressed->constData(), static_cast<size_t>(compressed->size()));
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        return Error(ErrorCode::InvalidArgument, u"The stored content is not a zstd frame."_s);
    if (size > static_cast<unsigned long long>(maximumSize))
        return Error(ErrorCode::InvalidArgument,
                     u"The stored content would be larger than %1 bytes."_s.arg(maximumSize));
    QByteArray raw(static_cast<qsizetype>(size), Qt::Uninitialized);
    const size_t read =
        ZSTD_decompress(raw.data(), static_cast<size_t>(raw.size()), compressed->constData(),
                        static_cast<size_t>(compressed->size()));
    if (ZSTD_isError(read) || read != size)
        return Error(ErrorCode::InvalidArgument, u"The stored content cannot be decompressed."_s);
    return raw;
}

} // namespace Mailkeep::Core
