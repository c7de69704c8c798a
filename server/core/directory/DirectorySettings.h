#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QStringList>

namespace Mailkeep::Core {

// How users are synchronised with a directory (Administrative Tools > Users and Archives >
// Directory Services). Kept as one JSON document, which Get/SetDirectoryServicesConfiguration
// pass through as it is.
struct DirectorySettings
{
    static const QString kNone;
    static const QString kMicrosoft365;      // the global cloud
    static const QString kMicrosoft365China; // operated by 21Vianet

    QString type = kNone;
    qint64 credentialId = 0; // an Office365_Modern credential of the same cloud
    bool licensedExchangeUsersOnly = true;
    bool enabledUsersOnly = true;
    // Security groups (object id or display name) whose members become users; empty: all.
    QStringList groups;
    // Microsoft 365 groups with an address become users too (for their mail; no sign-in).
    bool microsoft365GroupsAsUsers = false;
    // What users the synchronisation creates may do.
    bool assignDefaultPrivileges = true;
    QStringList defaultPrivileges{QStringLiteral("login")};
    QStringList defaultFolderPrivileges{QStringLiteral("read")}; // on their own archive
    // Users gone from the directory (or its filters) lose their account; archives stay.
    bool deleteUsers = false;

    // Refuses unknown names, wrong types and values the rest of the server would refuse.
    static Result<DirectorySettings> fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    // "global" or "china", the cloud a credential must belong to.
    QString cloud() const;
};

} // namespace Mailkeep::Core
