#pragma once

#include "core/credentials/CredentialStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

class PgCredentialStore final : public Core::CredentialStore
{
public:
    explicit PgCredentialStore(PgConnectionPool &pool);

    Result<Core::CredentialRecord> create(const Core::CredentialRecord &credential) override;
    Result<bool> update(const Core::CredentialRecord &credential) override;
    Result<bool> remove(qint64 id) override;
    Result<std::optional<Core::CredentialRecord>> credential(qint64 id) override;
    Result<QList<Core::CredentialRecord>> credentials() override;

private:
    Result<QList<Core::CredentialRecord>> select(const QString &where, const QVariantList &values);

    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
