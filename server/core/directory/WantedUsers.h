#pragma once

#include "core/directory/DirectorySettings.h"
#include "core/directory/DirectorySource.h"

namespace Mailkeep::Core {

// A user the directory says Mailkeep should have.
struct WantedUser
{
    QString objectId;
    QString userName; // normalised: the principal name (a group's address), lower-case
    QString fullName;
    QStringList emailAddresses; // lower-case, the primary first, no duplicates
    bool isGroup = false;       // a Microsoft 365 group: mail is filed for it, nobody signs in
};

// The accounts (and, if asked for, Microsoft 365 groups) that pass the settings' filters:
// licensed for Exchange Online, enabled, member of one of the chosen security groups. A
// chosen group that the directory does not have is an error, not an empty filter.
Result<QList<WantedUser>> wantedUsers(const DirectorySettings &settings, DirectorySource &source,
                                      QStringList &skipped);

// The mail address first, then the smtp: proxy addresses (SMTP: is the primary one); other
// kinds (x500:, sip:, spo:) are no mail addresses.
QStringList emailAddressesOf(const QString &mail, const QStringList &proxyAddresses);

} // namespace Mailkeep::Core
