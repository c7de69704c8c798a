#pragma once

#include "core/MessageStore.h"
#include "storage/PgResult.h"
#include "storage/PgText.h"

namespace Mailkeep::Storage {

// The tables of an archive store's schema, and the message columns every reader selects.
inline QString storeTable(const Core::StoreRecord &store, const QString &name)
{
    return PgText::quoteIdentifier(store.schemaName()) + u'.' + name;
}

inline const QString kMessageSummaryColumns = QStringLiteral(
    "id, folder_id, archived_at, message_date, envelope, size, has_attachments, parse_status, "
    "defects, content_sha256");
inline constexpr int kMessageSummaryColumnCount = 10;

Core::MessageSummary messageSummaryFromRow(int storeId, const PgResult &rows, int row);

class PgConnection;
// The catalog's columns (archive_stores) and a store record from them.
extern const QString kStoreColumns;
Core::StoreRecord storeFromRow(const PgResult &rows, int row);
// Creates or upgrades the tables inside a store's schema.
Status migrateStoreSchema(PgConnection &connection, const QString &schema);
// The catalog row of a store, in one transaction with the old current store stepping down
// when this one is current.
Result<Core::StoreRecord> addCatalogEntry(PgConnection &connection, const Core::StoreRecord &store);
// The store's own record of its uid, name and wrapped key (store migration 0003).
Status writeStoreInfo(PgConnection &connection, const Core::StoreRecord &store);

} // namespace Mailkeep::Storage
