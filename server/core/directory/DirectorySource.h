#pragma once

#include "model/Result.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace Mailkeep::Core {

// A user account as the directory holds it.
struct DirectoryAccount
{
    QString objectId; // stable across renames: what links a Mailkeep user to the account
    QString userPrincipalName;
    QString displayName;
    QString mail;
    QStringList proxyAddresses; // as stored: "SMTP:primary@x", "smtp:alias@x", "x500:..."
    bool enabled = true;
    bool exchangeLicensed = false; // an Exchange Online service plan in the Enabled state
};

struct DirectoryGroup
{
    QString objectId;
    QString displayName;
    QString mail;
    QStringList proxyAddresses;
    bool securityEnabled = false;
    bool unified = false; // a Microsoft 365 group (with a group mailbox)
};

// Reads a directory (Microsoft Entra ID through Graph); implemented by the connectors. Every
// call blocks and may take long for a large tenant.
class DirectorySource
{
public:
    virtual ~DirectorySource() = default;
    virtual Result<QList<DirectoryAccount>> accounts() = 0;
    virtual Result<QList<DirectoryGroup>> groups() = 0;
    // The object ids of the user accounts in the group, also through nested groups.
    virtual Result<QSet<QString>> memberAccounts(const QString &groupId) = 0;
};

// Opens the directory a credential signs in to. cancelled is asked while waiting.
using DirectoryConnector = std::function<Result<std::unique_ptr<DirectorySource>>(
    qint64 credentialId, std::function<bool()> cancelled)>;

} // namespace Mailkeep::Core
