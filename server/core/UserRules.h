#pragma once

#include "core/UserStore.h"
#include "model/Result.h"

#include <QStringList>

namespace Mailkeep::Core {

// What user names and privilege lists may look like, checked before anything is stored.
namespace UserRules {

// Trimmed and lower-cased (archives are handled lower-case); refuses empty names, control
// characters, "/" (the archive folder separator) and names over 256 characters.
Result<QString> normaliseUserName(const QString &typed);

// Global privileges: none | admin | login | changePassword | archive | modifyArchiveProfiles |
// export | modifyExportProfiles | delete; "none" and "admin" must stand alone. "none" is
// stored as an empty list.
Result<QStringList> parsePrivileges(const QStringList &typed);
// Login privileges: none | windows | web | outlook | windowsCmd | imap | api; "none" alone.
Result<QStringList> parseLoginPrivileges(const QStringList &typed);
// "integrated" or "directoryServices".
Status checkAuthentication(const QString &typed);
// At least 8 characters.
Status checkPassword(const QString &password);

QStringList allGlobalPrivileges();

// The user with this (typed) name; NotFound with "There is no user named x." otherwise.
Result<UserRecord> existingUser(UserStore &users, const QString &typedName);

} // namespace UserRules
} // namespace Mailkeep::Core
