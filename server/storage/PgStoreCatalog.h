#pragma once

#include "core/StoreCatalog.h"
#include "storage/PgConnectionPool.h"

namespace Mailkeep::Storage {

// Archive stores as PostgreSQL schemas, with the catalog in archive_stores (migration 0003)
// and each schema's tables from the store migrations (":/store-migrations").
class PgStoreCatalog final : public Core::StoreCatalog
{
public:
    explicit PgStoreCatalog(PgConnectionPool &pool);

    Result<QList<Core::StoreRecord>> listStores(bool includeSize) override;
    Result<Core::StoreRecord> createStore(const Core::StoreRecord &store) override;
    Status renameStore(int id, const QString &name) override;
    Status setStoreState(int id, Core::StoreState state) override;
    Status refreshStatistics() override;
    // In PgStoreAttachment.cpp:
    Status detachStore(int id) override;
    Result<QList<Core::StoreRecord>> detachedStores() override;
    Result<Core::StoreRecord> attachStore(const QString &schemaName, const QString &name,
                                          Core::StoreState state) override;
    Status setIndexPath(int id, const QString &indexPath) override;
    Result<QHash<int, QString>> openStores() override;

    Result<Core::StoreAutoCreateConfiguration> autoCreateConfiguration() override;
    Status
    setAutoCreateConfiguration(const Core::StoreAutoCreateConfiguration &configuration) override;

private:
    PgConnectionPool &m_pool;
};

} // namespace Mailkeep::Storage
