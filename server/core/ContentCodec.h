#pragma once

#include "model/Result.h"

#include <QByteArray>

namespace Mailkeep::Core {

// How message bytes are kept: zstd-compressed, then sealed with AES-256-GCM under the store's
// data key, bound to the content's identity (associated data, e.g. store id and SHA-256), so a
// row copied elsewhere does not open.
class ContentCodec
{
public:
    static Result<QByteArray> encode(const QByteArray &raw, const QByteArray &dataKey,
                                     const QByteArray &associatedData, int level = 3);
    // Refuses content that would decompress to more than maximumSize (a damaged or hostile
    // row must not exhaust memory).
    static Result<QByteArray> decode(const QByteArray &stored, const QByteArray &dataKey,
                                     const QByteArray &associatedData,
                                     qsizetype maximumSize = qsizetype(1) << 30);
};

} // namespace Mailkeep::Core
