#pragma once

#include "core/PropertyStore.h"
#include "model/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Core {

struct UserRecord
{
    qint64 id = 0;
    QString userName;
    QString fullName;
    QString distinguishedName;
    QString authentication = QStringLiteral("integrated"); // or "directoryServices"
    QString passwordHash;                                  // Argon2id string; empty: no password
    bool mustChangePassword = false;
    QStringList privileges;
    QStringList loginPrivileges;
    QDateTime passwordChangedAt;
};

// Persistence of users (and, through PropertyStore, server-wide properties); implemented by
// Mailkeep::Storage. Every call may block (database round trip): call from worker threads.
class UserStore : public PropertyStore
{
public:
    virtual Result<std::optional<UserRecord>> findUser(const QString &userName) = 0;
    // Fails with AlreadyExists when the name is taken.
    virtual Result<UserRecord> createUser(const UserRecord &user) = 0;
};

} // namespace Mailkeep::Core
