#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace Mailkeep::Core {

// The state an administrator asks a store to be in. Exactly one store is Current and receives
// new mail; WriteProtected refuses deletes and moves; Disabled hides the store's mail.
enum class StoreState
{
    Current,
    Normal,
    WriteProtected,
    Disabled,
};
QString storeStateName(StoreState state);
std::optional<StoreState> storeStateFromName(const QString &name); // case-insensitive

struct StoreRecord
{
    int id = 0;
    QString uid; // 16 hex digits: schema "store_<uid>", key context "store:<uid>"
    QString name;
    StoreState state = StoreState::Normal;
    QByteArray wrappedDataKey;
    QString indexPath;
    QDateTime createdAt;
    qint64 messageCount = 0;
    qint64 rawBytes = 0;
    qint64 storedBytes = 0;
    QDateTime statisticsRefreshedAt;
    std::optional<qint64> sizeOnDisk; // filled when asked for (costly)

    QString schemaName() const { return QStringLiteral("store_") + uid; }
};

struct StoreAutoCreateConfiguration
{
    bool enabled = true;
    std::optional<qint64> sizeThresholdMegabytes; // none: a new store every month
};

// The list of archive stores and their schemas; implemented by Mailkeep::Storage. Blocking.
class StoreCatalog
{
public:
    virtual ~StoreCatalog() = default;
    virtual Result<QList<StoreRecord>> listStores(bool includeSize) = 0;
    // Creates the schema with its tables, then the catalog row, so a store is never listed
    // before it can hold mail. A new Current store demotes the old one in the same transaction.
    virtual Result<StoreRecord> createStore(const StoreRecord &store) = 0;
    virtual Status renameStore(int id, const QString &name) = 0;
    virtual Status setStoreState(int id, StoreState state) = 0;
    // Recounts contents and sizes of every store.
    virtual Status refreshStatistics() = 0;
    // Takes the store out of the catalog. Its schema stays, with its name and wrapped data key
    // written inside it, so attachStore can bring it back. The current store cannot go.
    virtual Status detachStore(int id) = 0;
    // Store schemas in the database that are not attached.
    virtual Result<QList<StoreRecord>> detachedStores() = 0;
    virtual Result<StoreRecord> attachStore(const QString &schemaName, const QString &name,
                                            StoreState state) = 0;
    virtual Status setIndexPath(int id, const QString &indexPath) = 0;
    // Brings every attached store's schema up to date. The stores that cannot be opened, each
    // with the reason.
    virtual Result<QHash<int, QString>> openStores() = 0;
    virtual Result<StoreAutoCreateConfiguration> autoCreateConfiguration() = 0;
    virtual Status
    setAutoCreateConfiguration(const StoreAutoCreateConfiguration &configuration) = 0;
};

} // namespace Mailkeep::Core
