#pragma once

#include <QByteArray>
#include <QList>

namespace Mailkeep::Mime {

// The messages attached as message/rfc822 parts directly inside a multipart message, cut out
// of the raw bytes (transfer encoding undone, nothing re-serialised): a journal report's
// original message is archived as the sender's server wrote it.
QList<QByteArray> embeddedMessages(const QByteArray &raw);

} // namespace Mailkeep::Mime
