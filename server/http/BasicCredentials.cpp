#include "http/BasicCredentials.h"

#include <QStringDecoder>

namespace Mailkeep::Http {

std::optional<BasicCredentials> parseBasicAuthorization(const QByteArray &headerValue)
{
    const QByteArray trimmed = headerValue.trimmed();
    if (trimmed.size() < 6 || qstrnicmp(trimmed.constData(), "basic ", 6) != 0)
        return std::nullopt;
    const QByteArray::FromBase64Result result = QByteArray::fromBase64Encoding(
        trimmed.mid(6).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    const QByteArray *decoded = &result.decoded;
    const qsizetype colon = decoded->indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString userName = utf8.decode(decoded->left(colon));
    QString password = utf8.decode(decoded->mid(colon + 1));
    if (utf8.hasError())
        return std::nullopt;
    return BasicCredentials{std::move(userName), std::move(password)};
}

} // namespace Mailkeep::Http
