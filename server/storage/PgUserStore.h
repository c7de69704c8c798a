#pragma once

#include "core/UserStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Users and server properties in PostgreSQL (tables of migration 0001).
class PgUserStore final : public Core::UserStore
{
public:
    explicit PgUserStore(PgConnectionPool &pool);

    Result<std::optional<Core::UserRecord>> findUser(const QString &userName) override;
    Result<Core::UserRecord> createUser(const Core::UserRecord &user) override;
    Result<QList<Core::UserRecord>> listUsers() override;
    Status updateUser(const QString &userName, Core::UserField field,
                      const QVariant &value) override;
    Status deleteUser(const QString &userName) override;
    Status renameUser(const QString &oldName, const QString &newName) override;
    Result<std::optional<QString>> property(const QString &name) override;
    Status setProperty(const QString &name, const QString &value) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
