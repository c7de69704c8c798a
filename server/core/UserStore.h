#pragma once

#include "core/PropertyStore.h"
#include "model/Result.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariant>

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
    QStringList emailAddresses;
    QStringList pop3UserNames;
    QDateTime passwordChangedAt;
};

// One attribute of a user that SetUser... functions change.
enum class UserField
{
    FullName,          // QString, empty clears
    DistinguishedName, // QString, empty clears
    Authentication,    // "integrated" | "directoryServices"
    PasswordHash,      // QString (Argon2id); also stamps password_changed_at, clears mustChange
    Privileges,        // QStringList
    LoginPrivileges,   // QStringList
    EmailAddresses,    // QStringList
    Pop3UserNames,     // QStringList
};

// Persistence of users (and, through PropertyStore, server-wide properties); implemented by
// Mailkeep::Storage. Every call may block (database round trip): call from worker threads.
class UserStore : public PropertyStore
{
public:
    virtual Result<std::optional<UserRecord>> findUser(const QString &userName) = 0;
    // Fails with AlreadyExists when the name is taken.
    virtual Result<UserRecord> createUser(const UserRecord &user) = 0;
    // Sorted by user name.
    virtual Result<QList<UserRecord>> listUsers() = 0;
    // NotFound when there is no such user.
    virtual Status updateUser(const QString &userName, UserField field, const QVariant &value) = 0;
    virtual Status deleteUser(const QString &userName) = 0;
    // Renames the user and, in the same transaction, the user's archive (root folder) with
    // everything below it. AlreadyExists when the new name or archive is taken.
    virtual Status renameUser(const QString &oldName, const QString &newName) = 0;
};

} // namespace Mailkeep::Core
