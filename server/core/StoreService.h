#pragma once

#include "core/KeyRing.h"
#include "core/StoreCatalog.h"
#include "model/Clock.h"

#include <mutex>

namespace Mailkeep::Core {

struct NewStore
{
    QString name;
    QString type = QStringLiteral("FileSystemInternal");
    StoreState state = StoreState::Normal;
    QString indexPath;
};

// Rules around archive stores: names, types, the one current store, data keys.
class StoreService
{
public:
    StoreService(StoreCatalog &catalog, KeyRing &keys, const Clock &clock);

    // Every store gets its own random data key, wrapped by the master key; needs an unlocked
    // key ring. Only internal stores can be created (external SQL stores are not supported).
    Result<StoreRecord> createStore(const NewStore &request);
    // Start-up: an archive without a current store gets one, named after the month ("2026-11").
    Result<std::optional<StoreRecord>> ensureCurrentStore();
    Status renameStore(int id, const QString &name);
    Status setRequestedState(int id, const QString &requestedState);
    // The store's data key; PermissionDenied while the key ring is locked.
    Result<QByteArray> dataKey(const StoreRecord &store) const;

    // Brings every store's schema up to date and remembers which could not be opened (start-up
    // and RetryOpenStores).
    Status openStores();
    // "error" (could not be opened), "locked" (its key cannot be unwrapped), or the state.
    QString status(const StoreRecord &store) const;
    QString openError(int storeId) const;
    // Attached stores whose mail can be read: not disabled, opened, key available.
    Result<QList<StoreRecord>> readableStores();
    // The attached store with this id; NotFound otherwise.
    Result<StoreRecord> store(int id);

    Status detachStore(int id);
    Result<StoreRecord> attachStore(const QString &schemaName, const QString &name,
                                    const QString &requestedState);
    // Only while the store is disabled, as in the product we follow.
    Status setIndexPath(int id, const QString &indexPath);

    // Automatic creation: when the current store has reached the size threshold, or (without
    // a threshold) was created in an earlier month, a new "yyyy-MM" store becomes current.
    // Returns the store created now.
    Result<std::optional<StoreRecord>> rollOverIfDue();

    StoreCatalog &catalog() { return m_catalog; }
    KeyRing &keys() { return m_keys; }

private:
    static Status checkName(const QString &name);

    Result<StoreRecord> createMonthStore(const QList<StoreRecord> &existing);

    StoreCatalog &m_catalog;
    KeyRing &m_keys;
    const Clock &m_clock;
    mutable std::mutex m_mutex;
    QHash<int, QString> m_openErrors;
};

} // namespace Mailkeep::Core
