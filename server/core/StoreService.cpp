#include "core/StoreService.h"

#include "crypto/AeadCipher.h"
#include "crypto/SecureRandom.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
QString keyContext(const StoreRecord &store)
{
    return u"store:"_s + store.uid;
}
} // namespace

StoreService::StoreService(StoreCatalog &catalog, KeyRing &keys, const Clock &clock)
    : m_catalog(catalog)
    , m_keys(keys)
    , m_clock(clock)
{}

Status StoreService::checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error(ErrorCode::InvalidArgument, u"An archive store needs a name."_s);
    if (name.size() > 200)
        return Error(ErrorCode::InvalidArgument,
                     u"An archive store name has at most 200 characters."_s);
    return {};
}

Result<StoreRecord> StoreService::createStore(const NewStore &request)
{
    if (request.type.compare(u"SQLServer"_s, Qt::CaseInsensitive) == 0 ||
        request.type.compare(u"PostgreSQL"_s, Qt::CaseInsensitive) == 0) {
        return Error(ErrorCode::Unsupported,
                     u"New external %1 archive stores cannot be created: Mailkeep keeps every "
                     "store in its own PostgreSQL database. Use type FileSystemInternal."_s.arg(
                         request.type));
    }
    if (request.type.compare(u"FileSystemInternal"_s, Qt::CaseInsensitive) != 0)
        return Error(
            ErrorCode::InvalidArgument,
            u"Unknown archive store type \"%1\"; use FileSystemInternal."_s.arg(request.type));
    if (Status named = checkName(request.name); !named.ok())
        return named.error();

    StoreRecord store;
    store.uid = QString::fromLatin1(Crypto::SecureRandom::bytes(8).toHex());
    store.name = request.name.trimmed();
    store.state = request.state;
    store.indexPath = request.indexPath;
    Result<QByteArray> wrapped = m_keys.wrapKey(
        Crypto::SecureRandom::bytes(Crypto::AeadCipher::kKeyBytes), keyContext(store));
    if (!wrapped.ok())
        return wrapped.error();
    store.wrappedDataKey = wrapped.value();
    return m_catalog.createStore(store);
}

Result<StoreRecord> StoreService::createMonthStore(const QList<StoreRecord> &existing)
{
    const QString month = m_clock.now().toString(u"yyyy-MM"_s);
    QString name = month;
    for (int suffix = 2; std::any_of(existing.cbegin(), existing.cend(),
                                     [&](const StoreRecord &s) { return s.name == name; });
         ++suffix) {
        name = month + u" (%1)"_s.arg(suffix);
    }
    return createStore({name, u"FileSystemInternal"_s, StoreState::Current, {}});
}

Result<std::optional<StoreRecord>> StoreService::ensureCurrentStore()
{
    Result<QList<StoreRecord>> stores = m_catalog.listStores(false);
    if (!stores.ok())
        return stores.error();
    for (const StoreRecord &store : stores.value()) {
        if (store.state == StoreState::Current)
            return std::optional<StoreRecord>();
    }
    Result<StoreRecord> created = createMonthStore(stores.value());
    if (!created.ok())
        return created.error();
    return std::optional<StoreRecord>(created.value());
}

Result<std::optional<StoreRecord>> StoreService::rollOverIfDue()
{
    Result<StoreAutoCreateConfiguration> configuration = m_catalog.autoCreateConfiguration();
    if (!configuration.ok())
        return configuration.error();
    if (!configuration->enabled)
        return std::optional<StoreRecord>();
    // With a threshold the size on disk counts (cheap to ask, always current).
    Result<QList<StoreRecord>> stores =
        m_catalog.listStores(configuration->sizeThresholdMegabytes.has_value());
    if (!stores.ok())
        return stores.error();
    const auto current = std::find_if(stores->cbegin(), stores->cend(),
                                      [](const auto &s) { return s.state == StoreState::Current; });
    if (current == stores->cend())
        return ensureCurrentStore();
    bool due = false;
    if (configuration->sizeThresholdMegabytes) {
        due =
            current->sizeOnDisk.value_or(0) >= *configuration->sizeThresholdMegabytes * 1024 * 1024;
    } else {
        const QDate created = current->createdAt.toUTC().date();
        const QDate today = m_clock.now().toUTC().date();
        due = created.year() != today.year() || created.month() != today.month();
        // A store named after this month (made by hand, say) is not replaced.
        due = due && current->name != m_clock.now().toString(u"yyyy-MM"_s);
    }
    if (!due)
        return std::optional<StoreRecord>();
    Result<StoreRecord> created = createMonthStore(stores.value());
    if (!created.ok())
        return created.error();
    return std::optional<StoreRecord>(created.value());
}

Status StoreService::openStores()
{
    Result<QHash<int, QString>> failures = m_catalog.openStores();
    if (!failures.ok())
        return failures.error();
    std::lock_guard lock(m_mutex);
    m_openErrors = failures.value();
    return {};
}

QString StoreService::openError(int storeId) const
{
    std::lock_guard lock(m_mutex);
    return m_openErrors.value(storeId);
}

QString StoreService::status(const StoreRecord &store) const
{
    if (!openError(store.id).isEmpty())
        return u"error"_s;
    if (!m_keys.isUnlocked() || !dataKey(store).ok())
        return u"locked"_s;
    return storeStateName(store.state);
}

Result<QList<StoreRecord>> StoreService::readableStores()
{
    Result<QList<StoreRecord>> stores = m_catalog.listStores(false);
    if (!stores.ok())
        return stores.error();
    QList<StoreRecord> readable;
    for (const StoreRecord &store : stores.value()) {
        if (store.state != StoreState::Disabled && openError(store.id).isEmpty())
            readable << store;
    }
    return readable;
}

Result<StoreRecord> StoreService::store(int id)
{
    Result<QList<StoreRecord>> stores = m_catalog.listStores(false);
    if (!stores.ok())
        return stores.error();
    for (const StoreRecord &store : stores.value()) {
        if (store.id == id)
            return store;
    }
    return Error(ErrorCode::NotFound, u"There is no archive store with id %1."_s.arg(id));
}

Status StoreService::detachStore(int id)
{
    if (Status detached = m_catalog.detachStore(id); !detached.ok())
        return detached;
    std::lock_guard lock(m_mutex);
    m_openErrors.remove(id);
    return {};
}

Result<StoreRecord> StoreService::attachStore(const QString &schemaName, const QString &name,
                                              const QString &requestedState)
{
    const std::optional<StoreState> state =
        storeStateFromName(requestedState.isEmpty() ? u"normal"_s : requestedState);
    if (!state)
        return Error(ErrorCode::InvalidArgument,
                     u"requestedState must be current, normal, writeProtected or disabled."_s);
    if (!name.trimmed().isEmpty()) {
        if (Status named = checkName(name); !named.ok())
            return named.error();
    }
    return m_catalog.attachStore(schemaName, name, *state);
}

Status StoreService::setIndexPath(int id, const QString &indexPath)
{
    Result<StoreRecord> found = store(id);
    if (!found.ok())
        return found.error();
    if (found->state != StoreState::Disabled)
        return Error(ErrorCode::Conflict,
                     u"The properties of archive store %1 can only be changed while it is "
                     "disabled."_s.arg(found->name));
    return m_catalog.setIndexPath(id, indexPath);
}

Status StoreService::renameStore(int id, const QString &name)
{
    if (Status named = checkName(name); !named.ok())
        return named;
    return m_catalog.renameStore(id, name.trimmed());
}

Status StoreService::setRequestedState(int id, const QString &requestedState)
{
    const std::optional<StoreState> state = storeStateFromName(requestedState);
    if (!state) {
        return Error(ErrorCode::InvalidArgument,
                     u"requestedState must be current, normal, writeProtected or disabled."_s);
    }
    return m_catalog.setStoreState(id, *state);
}

Result<QByteArray> StoreService::dataKey(const StoreRecord &store) const
{
    return m_keys.unwrapKey(store.wrappedDataKey, keyContext(store));
}

} // namespace Mailkeep::Core
