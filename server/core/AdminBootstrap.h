#pragma once

#include "core/UserStore.h"
#include "model/Result.h"

#include <functional>
#include <optional>

namespace Mailkeep::Core {

// First start: creates the "admin" user with a random password (there is no default password).
// The password is handed over (e.g. written to a 0600 file) *before* the user is created, so a
// crash in between never leaves an administrator whose password nobody knows. Returns true when
// the administrator was created now; later starts, or a database that already has an admin,
// return false. Blocking.
using PasswordHandOver = std::function<Status(const QString &password)>;
Result<bool> ensureInitialAdministrator(UserStore &users, const PasswordHandOver &handOver);

} // namespace Mailkeep::Core
