// The encodings MailGenerator writes mail in: the legacy charsets (by hand, so the output does not
// depend on the ICU build Qt uses), quoted-printable, Base64 lines, RFC 2047 encoded words and
// RFC 5322 dates.
#pragma once

#include "MailGenerator.h"

#include <QByteArray>
#include <QString>

namespace MailEncoding {

using Charset = MailGenerator::Charset;

// text known to be ASCII, as bytes.
inline QByteArray ascii(const QString &text)
{
    return text.toLatin1();
}

// The MIME name of the charset, as it goes into Content-Type.
QByteArray label(Charset charset);
// Whether every character of text has a code in the charset.
bool fits(const QString &text, Charset charset);
// text in the charset; characters without a code become '?'.
QByteArray encode(const QString &text, Charset charset);

// Quoted-printable with soft line breaks at 76 columns; line breaks in bytes stay hard breaks.
QByteArray quotedPrintable(const QByteArray &bytes);
// Base64 in lines of 76 characters, each ending with a line break.
QByteArray base64Lines(const QByteArray &bytes);
// RFC 2047 encoded words of at most 75 characters each, folded onto continuation lines.
QByteArray encodedWords(const QString &text, Charset charset, bool base64);

// "Tue, 03 Mar 2026 14:22:05 +0100" for the UTC time and the sender's offset from UTC.
QByteArray rfc5322Date(qint64 secondsSinceEpoch, int offsetMinutes);

} // namespace MailEncoding
