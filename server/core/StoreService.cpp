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

Result<std::optional<StoreRecord>> StoreService::ensureCurrentStore()
{
    Result<QList<StoreRecord>> stores = m_catalog.listStores(false);
    if (!stores.ok())
        return stores.error();
    for (const StoreRecord &store : stores.value()) {
        if (store.state == StoreState::Current)
            return std::optional<StoreRecord>();
    }
    QString name = m_clock.now().toString(u"yyyy-MM"_s);
    for (int suffix = 2; std::any_of(stores->cbegin(), stores->cend(),
                                     [&](const StoreRecord &s) { return s.name == name; });
         ++suffix) {
        name = m_clock.now().toString(u"yyyy-MM"_s) + u" (%1)"_s.arg(suffix);
    }
    Result<StoreRecord> created =
        createStore({name, u"FileSystemInternal"_s, StoreState::Current, {}});
    if (!created.ok())
        return created.error();
    return std::optional<StoreRecord>(created.value());
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
