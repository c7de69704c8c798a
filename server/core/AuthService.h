#pragma once

#include "core/Identity.h"
#include "core/UserStore.h"
#include "model/Clock.h"
#include "model/Result.h"

#include <QByteArray>
#include <QHash>

#include <chrono>
#include <mutex>

namespace Mailkeep::Core {

// Checks user name and password against the stored Argon2id hash.
//
// Every API request carries Basic credentials, and an Argon2id check costs ~0.1 s of CPU, so
// a successful check is remembered for a few minutes under a keyed hash of the credentials
// (never the password itself). Blocking: call from a worker thread.
class AuthService
{
public:
    AuthService(UserStore &users, const Clock &clock,
                std::chrono::seconds cacheLifetime = std::chrono::minutes(5));

    // Unauthenticated for unknown users, wrong passwords, accounts without password and
    // directory-services accounts (not supported yet); Unavailable when the store fails.
    Result<Identity> authenticate(const QString &userName, const QString &password);
    // Drops remembered logins, e.g. after a password or privilege change.
    void forgetCachedLogins();

private:
    struct CachedLogin
    {
        Identity identity;
        QDateTime expires;
    };
    QByteArray cacheKey(const QString &userName, const QString &password) const;

    UserStore &m_users;
    const Clock &m_clock;
    std::chrono::seconds m_cacheLifetime;
    QByteArray m_cacheSecret;
    std::mutex m_mutex;
    QHash<QByteArray, CachedLogin> m_cache;
};

} // namespace Mailkeep::Core
