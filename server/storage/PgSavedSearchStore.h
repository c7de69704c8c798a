#pragma once

#include "core/SavedSearchStore.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Saved searches in the table saved_searches (migration 0006).
class PgSavedSearchStore final : public Core::SavedSearchStore
{
public:
    explicit PgSavedSearchStore(PgConnectionPool &pool);

    Status save(qint64 userId, const Core::SavedSearch &search) override;
    Result<QList<Core::SavedSearch>> list(qint64 userId) override;
    Result<bool> remove(qint64 userId, const QString &name) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
