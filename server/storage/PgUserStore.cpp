#include "storage/PgUserStore.h"

#include "storage/PgTransaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

const QString kUserColumns =
    u"id, user_name, full_name, distinguished_name, authentication, password_hash, "
    "must_change_password, privileges, login_privileges, password_changed_at, email_addresses, "
    "pop3_user_names"_s;

Core::UserRecord userFromRow(const PgResult &rows, int row)
{
    Core::UserRecord user;
    user.id = rows.toInt64(row, 0);
    user.userName = rows.text(row, 1);
    user.fullName = rows.text(row, 2);
    user.distinguishedName = rows.text(row, 3);
    user.authentication = rows.text(row, 4);
    user.passwordHash = rows.text(row, 5);
    user.mustChangePassword = rows.toBool(row, 6);
    user.privileges = rows.textArray(row, 7);
    user.loginPrivileges = rows.textArray(row, 8);
    if (!rows.isNull(row, 9))
        user.passwordChangedAt = rows.toDateTime(row, 9);
    user.emailAddresses = rows.textArray(row, 10);
    user.pop3UserNames = rows.textArray(row, 11);
    return user;
}

QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

PgUserStore::PgUserStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<std::optional<Core::UserRecord>> PgUserStore::findUser(const QString &userName)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"SELECT "_s + kUserColumns + u" FROM users WHERE user_name = $1"_s, {userName.toLower()});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::UserRecord>();
    return std::optional<Core::UserRecord>(userFromRow(rows.value(), 0));
}

Result<Core::UserRecord> PgUserStore::createUser(const Core::UserRecord &user)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO users (user_name, full_name, distinguished_name, authentication, "
        "password_hash, must_change_password, privileges, login_privileges, password_changed_at, "
        "email_addresses, pop3_user_names) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, "
        "CASE WHEN $5::text IS NULL THEN NULL ELSE now() END, $9, $10) RETURNING "_s +
            kUserColumns,
        {user.userName.toLower(), nullIfEmpty(user.fullName), nullIfEmpty(user.distinguishedName),
         user.authentication, nullIfEmpty(user.passwordHash), user.mustChangePassword,
         user.privileges, user.loginPrivileges, user.emailAddresses, user.pop3UserNames});
    if (!rows.ok()) {
        if (rows.error().code == ErrorCode::AlreadyExists)
            return Error(ErrorCode::AlreadyExists,
                         u"A user named %1 already exists."_s.arg(user.userName));
        return rows.error();
    }
    return userFromRow(rows.value(), 0);
}

Result<QList<Core::UserRecord>> PgUserStore::listUsers()
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kUserColumns + u" FROM users ORDER BY user_name"_s);
    if (!rows.ok())
        return rows.error();
    QList<Core::UserRecord> users;
    for (int row = 0; row < rows->rowCount(); ++row)
        users.append(userFromRow(rows.value(), row));
    return users;
}

Status PgUserStore::updateUser(const QString &userName, Core::UserField field,
                               const QVariant &value)
{
    QString assignment;
    QVariant parameter = value;
    switch (field) {
    case Core::UserField::FullName:
        assignment = u"full_name = $2"_s;
        parameter = nullIfEmpty(value.toString());
        break;
    case Core::UserField::DistinguishedName:
        assignment = u"distinguished_name = $2"_s;
        parameter = nullIfEmpty(value.toString());
        break;
    case Core::UserField::Authentication:
        assignment = u"authentication = $2"_s;
        break;
    case Core::UserField::PasswordHash:
        assignment = u"password_hash = $2, password_changed_at = now(), "
                     "must_change_password = false"_s;
        parameter = nullIfEmpty(value.toString());
        break;
    case Core::UserField::Privileges:
        assignment = u"privileges = $2"_s;
        break;
    case Core::UserField::LoginPrivileges:
        assignment = u"login_privileges = $2"_s;
        break;
    case Core::UserField::EmailAddresses:
        assignment = u"email_addresses = $2"_s;
        break;
    case Core::UserField::Pop3UserNames:
        assignment = u"pop3_user_names = $2"_s;
        break;
    }
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE users SET "_s + assignment + u" WHERE user_name = $1"_s,
                       {userName.toLower(), parameter});
    if (!rows.ok())
        return rows.error();
    if (rows->affectedRows() == 0)
        return Error(ErrorCode::NotFound, u"There is no user named %1."_s.arg(userName));
    return {};
}

Status PgUserStore::deleteUser(const QString &userName)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"DELETE FROM users WHERE user_name = $1"_s, {userName.toLower()});
    if (!rows.ok())
        return rows.error();
    if (rows->affectedRows() == 0)
        return Error(ErrorCode::NotFound, u"There is no user named %1."_s.arg(userName));
    return {};
}

Status PgUserStore::renameUser(const QString &oldName, const QString &newName)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    Result<PgResult> renamed = connection.exec(
        u"UPDATE users SET user_name = $2 WHERE user_name = $1"_s, {oldName, newName});
    if (!renamed.ok()) {
        if (renamed.error().code == ErrorCode::AlreadyExists)
            return Error(ErrorCode::AlreadyExists,
                         u"A user named %1 already exists."_s.arg(newName));
        return renamed.error();
    }
    if (renamed->affectedRows() == 0)
        return Error(ErrorCode::NotFound, u"There is no user named %1."_s.arg(oldName));
    Result<PgResult> taken = connection.exec(u"SELECT 1 FROM folders WHERE path = $1"_s, {newName});
    if (!taken.ok())
        return taken.error();
    if (taken->rowCount() > 0)
        return Error(ErrorCode::AlreadyExists,
                     u"An archive named %1 exists already."_s.arg(newName));
    // Everything below the archive first, then the archive itself.
    Result<PgResult> below =
        connection.exec(u"UPDATE folders SET path = $2 || substr(path, length($1) + 1) "
                        "WHERE starts_with(path, $1 || '/')"_s,
                        {oldName, newName});
    if (!below.ok())
        return below.error();
    Result<PgResult> archive = connection.exec(
        u"UPDATE folders SET path = $2, name = $2 WHERE path = $1 AND parent_id IS NULL"_s,
        {oldName, newName});
    if (!archive.ok())
        return archive.error();
    return transaction->commit();
}

Result<std::optional<QString>> PgUserStore::property(const QString &name)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT value FROM server_properties WHERE name = $1"_s, {name});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<QString>();
    return std::optional<QString>(rows->text(0, 0));
}

Status PgUserStore::setProperty(const QString &name, const QString &value)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO server_properties (name, value) VALUES ($1, $2) "
        "ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value, changed_at = now()"_s,
        {name, value});
    if (!rows.ok())
        return rows.error();
    return {};
}

} // namespace Mailkeep::Storage
