#include "storage/PgStoreCatalog.h"

#include "storage/Migrator.h"
#include "storage/PgStoreTables.h"
#include "storage/PgText.h"
#include "storage/PgTransaction.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

const QString kStoreColumns = u"id, uid, name, state, wrapped_data_key, index_path, created_at, "
                              "message_count, raw_bytes, stored_bytes, statistics_refreshed_at"_s;

Core::StoreRecord storeFromRow(const PgResult &rows, int row)
{
    Core::StoreRecord store;
    store.id = static_cast<int>(rows.toInt64(row, 0));
    store.uid = rows.text(row, 1);
    store.name = rows.text(row, 2);
    store.state = Core::storeStateFromName(rows.text(row, 3)).value_or(Core::StoreState::Disabled);
    store.wrappedDataKey = rows.bytes(row, 4);
    store.indexPath = rows.text(row, 5);
    store.createdAt = rows.toDateTime(row, 6);
    store.messageCount = rows.toInt64(row, 7);
    store.rawBytes = rows.toInt64(row, 8);
    store.storedBytes = rows.toInt64(row, 9);
    if (!rows.isNull(row, 10))
        store.statisticsRefreshedAt = rows.toDateTime(row, 10);
    return store;
}

namespace {

Error duplicateName(const QString &name)
{
    return Error(ErrorCode::AlreadyExists,
                 u"An archive store named %1 exists already."_s.arg(name));
}

} // namespace

// Creates the store's tables inside its schema. Migrator works on unqualified names, so the
// session's search_path points into the schema for the duration and is reset afterwards.
Status migrateStoreSchema(PgConnection &connection, const QString &schema)
{
    Result<QList<Migration>> migrations = Migrator::fromResources(u":/store-migrations"_s);
    if (!migrations.ok())
        return migrations.error();
    if (Result<PgResult> set =
            connection.exec(u"SET search_path TO "_s + PgText::quoteIdentifier(schema));
        !set.ok())
        return set.error();
    Result<int> migrated = Migrator(migrations.value()).migrate(connection);
    const Result<PgResult> reset = connection.exec(u"RESET search_path"_s);
    if (!migrated.ok())
        return migrated.error();
    if (!reset.ok())
        return reset.error();
    return {};
}

Status writeStoreInfo(PgConnection &connection, const Core::StoreRecord &store)
{
    Result<PgResult> written = connection.exec(
        u"INSERT INTO "_s + storeTable(store, u"store_info"_s) +
            u" (uid, name, wrapped_data_key, index_path, created_at) "
            "VALUES ($1, $2, $3, $4, coalesce($5, now())) ON CONFLICT (singleton) DO UPDATE "
            "SET name = EXCLUDED.name, wrapped_data_key = EXCLUDED.wrapped_data_key, "
            "index_path = EXCLUDED.index_path"_s,
        {store.uid, store.name, store.wrappedDataKey,
         store.indexPath.isEmpty() ? QVariant() : QVariant(store.indexPath), store.createdAt});
    if (!written.ok())
        return written.error();
    return {};
}

Result<Core::StoreRecord> addCatalogEntry(PgConnection &connection, const Core::StoreRecord &store)
{
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    if (store.state == Core::StoreState::Current) {
        if (Result<PgResult> demoted = connection.exec(
                u"UPDATE archive_stores SET state = 'normal' WHERE state = 'current'"_s);
            !demoted.ok())
            return demoted.error();
    }
    Result<PgResult> inserted = connection.exec(
        u"INSERT INTO archive_stores (uid, name, state, wrapped_data_key, index_path, created_at) "
        "VALUES ($1, $2, $3, $4, $5, coalesce($6, now())) RETURNING "_s +
            kStoreColumns,
        {store.uid, store.name, Core::storeStateName(store.state), store.wrappedDataKey,
         store.indexPath.isEmpty() ? QVariant() : QVariant(store.indexPath), store.createdAt});
    if (!inserted.ok()) {
        if (inserted.error().code == ErrorCode::AlreadyExists)
            return duplicateName(store.name);
        return inserted.error();
    }
    if (Status committed = transaction->commit(); !committed.ok())
        return committed.error();
    return storeFromRow(inserted.value(), 0);
}

PgStoreCatalog::PgStoreCatalog(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<QList<Core::StoreRecord>> PgStoreCatalog::listStores(bool includeSize)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kStoreColumns + u" FROM archive_stores ORDER BY id"_s);
    if (!rows.ok())
        return rows.error();
    QList<Core::StoreRecord> stores;
    for (int row = 0; row < rows->rowCount(); ++row) {
        Core::StoreRecord store = storeFromRow(rows.value(), row);
        if (includeSize) {
            // Every table of the schema, with indexes and TOAST.
            Result<PgResult> size = (*lease)->exec(
                u"SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')"_s,
                {store.schemaName()});
            if (!size.ok())
                return size.error();
            store.sizeOnDisk = size->toInt64(0, 0);
        }
        stores.append(store);
    }
    return stores;
}

Result<Core::StoreRecord> PgStoreCatalog::createStore(const Core::StoreRecord &store)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgResult> taken =
        connection.exec(u"SELECT 1 FROM archive_stores WHERE name = $1"_s, {store.name});
    if (!taken.ok())
        return taken.error();
    if (taken->rowCount() > 0)
        return duplicateName(store.name);

    const QString schema = store.schemaName();
    if (Result<PgResult> created =
            connection.exec(u"CREATE SCHEMA IF NOT EXISTS "_s + PgText::quoteIdentifier(schema));
        !created.ok())
        return created.error();
    if (Status migrated = migrateStoreSchema(connection, schema); !migrated.ok())
        return migrated.error();
    if (Status described = writeStoreInfo(connection, store); !described.ok())
        return described.error();

    return addCatalogEntry(connection, store);
}

Status PgStoreCatalog::renameStore(int id, const QString &name)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE archive_stores SET name = $2 WHERE id = $1"_s, {id, name});
    if (!rows.ok())
        return rows.error().code == ErrorCode::AlreadyExists ? Status(duplicateName(name))
                                                             : Status(rows.error());
    if (rows->affectedRows() == 0)
        return Error(ErrorCode::NotFound, u"There is no archive store with id %1."_s.arg(id));
    return {};
}

Status PgStoreCatalog::setStoreState(int id, Core::StoreState state)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    Result<PgResult> current =
        connection.exec(u"SELECT state FROM archive_stores WHERE id = $1 FOR UPDATE"_s, {id});
    if (!current.ok())
        return current.error();
    if (current->rowCount() == 0)
        return Error(ErrorCode::NotFound, u"There is no archive store with id %1."_s.arg(id));
    if (current->text(0, 0) == u"current"_s && state != Core::StoreState::Current) {
        return Error(ErrorCode::Conflict,
                     u"Archive store %1 receives new mail. Set another store to \"current\" "
                     "first."_s.arg(id));
    }
    if (state == Core::StoreState::Current) {
        if (Result<PgResult> demoted = connection.exec(
                u"UPDATE archive_stores SET state = 'normal' WHERE state = 'current' AND id <> $1"_s,
                {id});
            !demoted.ok())
            return demoted.error();
    }
    if (Result<PgResult> updated =
            connection.exec(u"UPDATE archive_stores SET state = $2 WHERE id = $1"_s,
                            {id, Core::storeStateName(state)});
        !updated.ok())
        return updated.error();
    return transaction->commit();
}

Status PgStoreCatalog::refreshStatistics()
{
    Result<QList<Core::StoreRecord>> stores = listStores(false);
    if (!stores.ok())
        return stores.error();
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    for (const Core::StoreRecord &store : stores.value()) {
        const QString contents = PgText::quoteIdentifier(store.schemaName()) + u".contents"_s;
        Result<PgResult> counted = (*lease)->exec(
            u"UPDATE archive_stores SET (message_count, raw_bytes, stored_bytes, "
            "statistics_refreshed_at) = (SELECT count(*), coalesce(sum(raw_size), 0), "
            "coalesce(sum(length(sealed)), 0), now() FROM "_s +
                contents + u") WHERE id = $1"_s,
            {store.id});
        if (!counted.ok())
            return counted.error();
    }
    return {};
}

Result<Core::StoreAutoCreateConfiguration> PgStoreCatalog::autoCreateConfiguration()
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT enabled, size_threshold_mb FROM store_auto_create"_s);
    if (!rows.ok())
        return rows.error();
    Core::StoreAutoCreateConfiguration configuration;
    if (rows->rowCount() > 0) {
        configuration.enabled = rows->toBool(0, 0);
        if (!rows->isNull(0, 1))
            configuration.sizeThresholdMegabytes = rows->toInt64(0, 1);
    }
    return configuration;
}

Status
PgStoreCatalog::setAutoCreateConfiguration(const Core::StoreAutoCreateConfiguration &configuration)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    const QVariant threshold = configuration.sizeThresholdMegabytes
                                   ? QVariant(*configuration.sizeThresholdMegabytes)
                                   : QVariant();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO store_auto_create (singleton, enabled, size_threshold_mb) "
        "VALUES (true, $1, $2) ON CONFLICT (singleton) DO UPDATE "
        "SET enabled = EXCLUDED.enabled, size_threshold_mb = EXCLUDED.size_threshold_mb"_s,
        {configuration.enabled, threshold});
    if (!rows.ok())
        return rows.error();
    return {};
}

} // namespace Mailkeep::Storage
