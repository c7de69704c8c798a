// Detaching, attaching and opening archive stores.
#include "storage/PgStoreCatalog.h"
#include "storage/PgStoreTables.h"
#include "storage/PgTransaction.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

Error noStore(int id)
{
    return Error(ErrorCode::NotFound, u"There is no archive store with id %1."_s.arg(id));
}

Result<std::optional<Core::StoreRecord>> catalogEntry(PgConnection &connection, int id)
{
    Result<PgResult> rows = connection.exec(
        u"SELECT "_s + kStoreColumns + u" FROM archive_stores WHERE id = $1 FOR UPDATE"_s, {id});
    if (!rows.ok())
        return rows.error();
    if (rows->rowCount() == 0)
        return std::optional<Core::StoreRecord>();
    return std::optional<Core::StoreRecord>(storeFromRow(rows.value(), 0));
}

} // namespace

Status PgStoreCatalog::detachStore(int id)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    Result<std::optional<Core::StoreRecord>> store = catalogEntry(connection, id);
    if (!store.ok())
        return store.error();
    if (!store->has_value())
        return noStore(id);
    if ((*store)->state == Core::StoreState::Current)
        return Error(ErrorCode::Conflict,
                     u"Archive store %1 receives new mail and cannot be detached. Set another "
                     "store to \"current\" first."_s.arg(id));
    if (Status described = writeStoreInfo(connection, **store); !described.ok())
        return described;
    if (Result<PgResult> removed =
            connection.exec(u"DELETE FROM archive_stores WHERE id = $1"_s, {id});
        !removed.ok())
        return removed.error();
    return transaction->commit();
}

Result<QList<Core::StoreRecord>> PgStoreCatalog::detachedStores()
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> schemas = (*lease)->exec(
        u"SELECT n.nspname FROM pg_namespace n WHERE n.nspname ~ '^store_[0-9a-f]{16}$' "
        "AND substr(n.nspname, 7) NOT IN (SELECT uid FROM archive_stores) "
        "AND EXISTS (SELECT 1 FROM pg_class c WHERE c.relnamespace = n.oid "
        "AND c.relname = 'store_info') ORDER BY 1"_s);
    if (!schemas.ok())
        return schemas.error();
    QList<Core::StoreRecord> list;
    for (int row = 0; row < schemas->rowCount(); ++row) {
        Core::StoreRecord probe;
        probe.uid = schemas->text(row, 0).mid(6);
        Result<PgResult> info =
            (*lease)->exec(u"SELECT uid, name, wrapped_data_key, index_path, created_at FROM "_s +
                           storeTable(probe, u"store_info"_s));
        if (!info.ok() || info->rowCount() == 0)
            continue; // a store detached before it described itself cannot be attached
        Core::StoreRecord store;
        store.uid = info->text(0, 0);
        store.name = info->text(0, 1);
        store.wrappedDataKey = info->bytes(0, 2);
        store.indexPath = info->text(0, 3);
        store.createdAt = info->toDateTime(0, 4);
        if (store.uid == probe.uid)
            list.append(store);
    }
    return list;
}

Result<Core::StoreRecord> PgStoreCatalog::attachStore(const QString &schemaName,
                                                      const QString &name, Core::StoreState state)
{
    static const QRegularExpression kSchema(u"^store_[0-9a-f]{16}$"_s);
    if (!kSchema.match(schemaName).hasMatch())
        return Error(ErrorCode::InvalidArgument,
                     u"\"%1\" is not the schema of an archive store (store_ and 16 hex "
                     "digits)."_s.arg(schemaName));
    Result<QList<Core::StoreRecord>> detached = detachedStores();
    if (!detached.ok())
        return detached.error();
    const auto found = std::find_if(detached->cbegin(), detached->cend(),
                                    [&](const auto &s) { return s.schemaName() == schemaName; });
    if (found == detached->cend()) {
        QStringList names;
        for (const Core::StoreRecord &store : detached.value())
            names << u"%1 (\"%2\")"_s.arg(store.schemaName(), store.name);
        return Error(
            ErrorCode::NotFound,
            u"There is no detached archive store %1 in the database. Detached "
            "stores: %2."_s.arg(schemaName, names.isEmpty() ? u"none"_s : names.join(u", "_s)));
    }
    Core::StoreRecord store = *found;
    store.name = name.trimmed().isEmpty() ? store.name : name.trimmed();
    store.state = state;

    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    PgConnection &connection = **lease;
    if (Status migrated = migrateStoreSchema(connection, schemaName); !migrated.ok())
        return migrated.error();
    return addCatalogEntry(connection, store);
}

Status PgStoreCatalog::setIndexPath(int id, const QString &indexPath)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"UPDATE archive_stores SET index_path = $2 WHERE id = $1"_s,
                       {id, indexPath.isEmpty() ? QVariant() : QVariant(indexPath)});
    if (!rows.ok())
        return rows.error();
    if (rows->affectedRows() == 0)
        return noStore(id);
    return {};
}

Result<QHash<int, QString>> PgStoreCatalog::openStores()
{
    Result<QList<Core::StoreRecord>> stores = listStores(false);
    if (!stores.ok())
        return stores.error();
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    QHash<int, QString> failures;
    for (const Core::StoreRecord &store : stores.value()) {
        Result<PgResult> exists = (*lease)->exec(u"SELECT 1 FROM pg_namespace WHERE nspname = $1"_s,
                                                 {store.schemaName()});
        if (!exists.ok())
            return exists.error();
        if (exists->rowCount() == 0) {
            failures.insert(store.id, u"The schema %1 is missing."_s.arg(store.schemaName()));
            continue;
        }
        if (Status migrated = migrateStoreSchema(**lease, store.schemaName()); !migrated.ok())
            failures.insert(store.id, migrated.error().message);
    }
    return failures;
}

} // namespace Mailkeep::Storage
