#pragma once

#include "core/KeyRing.h"
#include "core/StoreCatalog.h"
#include "model/Clock.h"

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

    StoreCatalog &catalog() { return m_catalog; }
    KeyRing &keys() { return m_keys; }

private:
    static Status checkName(const QString &name);

    StoreCatalog &m_catalog;
    KeyRing &m_keys;
    const Clock &m_clock;
};

} // namespace Mailkeep::Core
