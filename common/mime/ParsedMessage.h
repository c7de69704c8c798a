#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Mailkeep::Mime {

// One mailbox of an address header. Both parts are kept as written (decoded, trimmed), not
// normalised: display and search want what the sender wrote.
struct Address
{
    QString name;
    QString address;

    friend bool operator==(const Address &, const Address &) = default;
};

struct AttachmentInfo
{
    QString fileName;
    QString contentType; // lower-case "type/subtype"
    qint64 decodedSize = 0;
    bool isInline = false;
    QString contentId; // without <>, as the HTML's cid: links name it
    QString text;      // decoded text of text/* attachments (capped), empty otherwise
    // The decoded bytes, only when asked for (MessageParser::parseWithAttachments): a reader
    // saving or opening the attachment.
    QByteArray content;
};

enum class ParseStatus
{
    Ok,
    Defective,   // parsed, but the parser had to repair or guess something (see defects)
    Unparseable, // no header block: nothing but the raw bytes and their size is known
};

QString parseStatusName(ParseStatus status);

struct ParsedMessage
{
    ParseStatus status = ParseStatus::Unparseable;
    QStringList defects; // human-readable, one per kind of problem

    QString subject;
    QList<Address> from, sender, to, cc, bcc, replyTo;
    QString messageId; // without <>, as written

    QDateTime date;                // UTC; from Date, else from the topmost Received header
    bool dateFromReceived = false; // true when the Date header was missing or invalid

    QString bodyText; // readable text of the message, nested messages appended
    bool hasHtml = false;
    QString html; // the first HTML part as written; only from parseWithAttachments
    QList<AttachmentInfo> attachments;

    // SHA-256 of the normalised body text: equal for the same message fetched through
    // different protocols, whose transport headers and byte layout differ.
    QByteArray bodyHash;
    QByteArray headerBlock; // raw header bytes as received, empty when none
    qint64 size = 0;        // raw size in bytes

    bool hasAttachments() const { return !attachments.isEmpty(); }
};

} // namespace Mailkeep::Mime
