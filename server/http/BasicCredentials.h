#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Mailkeep::Http {

struct BasicCredentials
{
    QString userName;
    QString password;
};

// Parses an "Authorization: Basic <base64(user:password)>" header value (UTF-8 inside).
// nullopt when the header is absent, not Basic, or malformed.
std::optional<BasicCredentials> parseBasicAuthorization(const QByteArray &headerValue);

} // namespace Mailkeep::Http
