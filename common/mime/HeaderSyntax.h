#pragma once

// Internal to Mailkeep::Mime: the few syntax checks made before and around GMime, so that "has a
// header block" means the same thing for the parser and the mbox reader.

#include <QByteArray>
#include <QByteArrayView>

namespace Mailkeep::Mime::Detail {

// "Name: value" (RFC 5322 field name, optional obsolete whitespace before the colon).
bool isHeaderFieldLine(QByteArrayView line);

// Where the header block starts: after a leading mbox "From " line if there is one.
qsizetype headerBlockStart(QByteArrayView raw);

// True when the first line at headerBlockStart() is a header field.
bool startsWithHeaderField(QByteArrayView raw);

// GMime gives up on a header block that ends in a line which is neither a field nor a
// continuation (typically a message cut off mid-header). Returns `raw` with an empty line
// inserted before that line so it becomes body text; empty when there is no such line.
QByteArray terminateHeaderBlock(const QByteArray &raw);

} // namespace Mailkeep::Mime::Detail
