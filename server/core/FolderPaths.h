#pragma once

#include "model/Result.h"

#include <QStringList>

namespace Mailkeep::Core {

// "Alice / Inbox/Projects" -> {"alice", "Inbox", "Projects"}: segments trimmed, empty ones
// dropped, the archive (first segment) lower-case like its user. Refuses control characters.
Result<QStringList> folderSegments(const QString &path);
QString folderPath(const QStringList &segments);

// Folder privileges: none | read | write | delete; "none" alone (and stored as no row).
Result<QStringList> parseFolderPrivileges(const QStringList &typed);

} // namespace Mailkeep::Core
