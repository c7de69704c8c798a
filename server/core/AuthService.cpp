#include "core/AuthService.h"

#include "crypto/PasswordHasher.h"
#include "crypto/SecureRandom.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
Error wrongCredentials()
{
    return Error(ErrorCode::Unauthenticated, u"Unknown user name or wrong password."_s);
}
} // namespace

AuthService::AuthService(UserStore &users, const Clock &clock, std::chrono::seconds cacheLifetime)
    : m_users(users)
    , m_clock(clock)
    , m_cacheLifetime(cacheLifetime)
    , m_cacheSecret(Crypto::SecureRandom::bytes(32))
{}

QByteArray AuthService::cacheKey(const QString &userName, const QString &password) const
{
    QByteArray material = userName.toUtf8();
    material += '\0';
    material += password.toUtf8();
    return QMessageAuthenticationCode::hash(material, m_cacheSecret, QCryptographicHash::Sha256);
}

Result<Identity> AuthService::authenticate(const QString &userName, const QString &password)
{
    const QString name = userName.trimmed().toLower();
    const QByteArray key = cacheKey(name, password);
    {
        std::lock_guard lock(m_mutex);
        const auto cached = m_cache.constFind(key);
        if (cached != m_cache.cend() && cached->expires > m_clock.now())
            return cached->identity;
    }

    Result<std::optional<UserRecord>> found = m_users.findUser(name);
    if (!found.ok())
        return Error(ErrorCode::Unavailable, u"The user directory cannot be read right now."_s,
                     found.error().toString());
    const std::optional<UserRecord> &user = found.value();
    if (!user || user->passwordHash.isEmpty() || user->authentication != u"integrated"_s) {
        // Spend the same time as a real check, so response times do not reveal user names.
        Crypto::PasswordHasher::burnEquivalentTime(password);
        return wrongCredentials();
    }
    if (!Crypto::PasswordHasher::verify(user->passwordHash, password))
        return wrongCredentials();

    Identity identity{user->id, user->userName, user->fullName, user->privileges,
                      user->loginPrivileges};
    std::lock_guard lock(m_mutex);
    if (m_cache.size() > 10000)
        m_cache.clear(); // bounded memory; entries are cheap to recreate
    m_cache.insert(key, CachedLogin{identity, m_clock.now().addSecs(m_cacheLifetime.count())});
    return identity;
}

void AuthService::forgetCachedLogins()
{
    std::lock_guard lock(m_mutex);
    m_cache.clear();
}

} // namespace Mailkeep::Core
