#pragma once

#include "core/MessageAccess.h"
#include "core/SearchIndex.h"

namespace Mailkeep::Core {

// Narrows a search to what the caller may read: every folder for an administrator with
// Archive Access, the caller's readable folders otherwise; `folder` (optional) narrows it
// further to that folder and below.
Status limitSearchScope(SearchRequest &request, MessageAccess &access, const Identity &caller,
                        const QString &folder);

} // namespace Mailkeep::Core
