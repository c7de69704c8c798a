#pragma once

#include <QString>

namespace Mailkeep::App {

// Log lines go to stderr (the journal under systemd): "<time> <level> <category>: <message>".
// level is debug, info, warning or error; Qt's own chatter is kept at warning.
void setUpLogging(const QString &level);

} // namespace Mailkeep::App
