#pragma once

// Internal to Mailkeep::Mime: turning bytes in a declared (or undeclared, or bogus) charset into
// text without throwing characters away.

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Mailkeep::Mime::Detail {

// Decodes `bytes` declared as `charset` (may be empty). Unknown charset names and bytes the
// charset cannot decode fall back to UTF-8 when valid, else windows-1252; such fallbacks add a
// human-readable entry to `defects`.
QString decodeText(const QByteArray &bytes, const QByteArray &charset, QStringList &defects);

// windows-1252 with the five undefined bytes mapped as in iso-8859-1: total, never loses bytes.
QString decodeWindows1252(const QByteArray &bytes);

bool isValidUtf8(const QByteArray &bytes);

// True when iconv (through GMime's alias table) can convert from this charset.
bool isKnownCharset(const QByteArray &charset);

} // namespace Mailkeep::Mime::Detail
