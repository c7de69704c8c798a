#pragma once

#include "model/Result.h"

#include <QString>

namespace Mailkeep::Shell {

// Where a password comes from when --p is not given: $MAILKEEP_PASSWORD, else the credentials
// file - the Linux stand-in for the Windows Credential Manager that MailStoreCmd's --cred
// reads. The file ($MAILKEEP_CREDENTIALS, else $XDG_CONFIG_HOME/mailkeep/credentials, else
// ~/.config/mailkeep/credentials) holds lines "<user>@<server> <password>" ('#' starts a
// comment) and must be readable by its owner only: a file others can read is refused.
QString credentialsFilePath();

// The password for user@server. `required`: the caller named the entry (--cred), so a missing
// file or entry is an error rather than "no password".
Result<std::optional<QString>> storedPassword(const QString &userName, const QString &server,
                                              bool required);

} // namespace Mailkeep::Shell
