#pragma once

#include "mime/ParsedMessage.h"

#include <QByteArray>
#include <QString>

namespace Mailkeep::Mime {

// Parses one RFC 5322 message with GMime. Stateless and safe to call from several threads at
// once: every call uses its own GMime parser, stream and options.
class MessageParser
{
public:
    // Never fails, whatever the input: the result's status and defects say how it went. A
    // leading mbox "From " line is tolerated.
    static ParsedMessage parse(const QByteArray &raw);
    // The same, with every attachment's decoded bytes in AttachmentInfo::content.
    static ParsedMessage parseWithAttachments(const QByteArray &raw);

    // SHA-256 over the body text with whitespace runs collapsed, trimmed and NFC-normalised;
    // exposed so that text obtained elsewhere can be compared with parsed messages.
    static QByteArray bodyHash(const QString &bodyText);

private:
    static ParsedMessage parse(const QByteArray &raw, bool keepAttachmentContent);
};

} // namespace Mailkeep::Mime
