#pragma once

#include <QString>

namespace Mailkeep::ClientWidgets {

// What a profile type (e.g. "microsoft365EwsMailbox") is called in the console's lists; an
// unknown type reads as itself.
QString profileTypeName(const QString &type);

} // namespace Mailkeep::ClientWidgets
