#pragma once

// Internal to Mailkeep::Mime: the envelope fields of a parsed message, decoded from the raw
// header values so that our charset fallbacks apply (not the ones of GMime's default options).

#include "mime/GMimeSupport.h"
#include "mime/ParsedMessage.h"

namespace Mailkeep::Mime::Detail {

struct HeaderFields
{
    QString subject;
    QList<Address> from, sender, to, cc, bcc, replyTo;
    QString messageId;
    QDateTime date;
    bool dateFromReceived = false;
    QStringList defects;
};

HeaderFields readHeaders(GMimeHeaderList *headers, GMimeParserOptions *options);

// RFC 2047 words and raw 8-bit bytes of an unstructured value (Subject, filenames).
QString decodeUnstructured(const QByteArray &value, GMimeParserOptions *options);
QList<Address> decodeAddresses(const QList<QByteArray> &values, GMimeParserOptions *options);
// "<id@host>" -> "id@host"; a value without brackets is kept as written.
QString extractMessageId(const QByteArray &value);
// Names of charsets in encoded words of `value` that iconv does not know.
QStringList unknownEncodedWordCharsets(const QByteArray &value);

} // namespace Mailkeep::Mime::Detail
