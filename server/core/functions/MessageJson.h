#pragma once

#include "core/MessageStore.h"

#include <QJsonObject>

namespace Mailkeep::Core {

// A message as GetMessages, GetMessageContent and SearchMessages show it.
QJsonObject messageJson(const MessageSummary &message, const QString &folder);

} // namespace Mailkeep::Core
