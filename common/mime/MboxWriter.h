#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Mailkeep::Mime {

// One message as an entry of an mboxrd file: a "From " separator line, the message with every
// line that starts with ">*From " quoted by one more ">" (so a reader can undo it exactly),
// a final newline, and an empty line. The date goes on the separator line (asctime form).
QByteArray mboxrdEntry(const QByteArray &raw,
                       const QDateTime &date = QDateTime::currentDateTimeUtc());

} // namespace Mailkeep::Mime
