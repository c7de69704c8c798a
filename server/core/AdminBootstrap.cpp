#include "core/AdminBootstrap.h"

#include "core/Identity.h"
#include "crypto/PasswordHasher.h"
#include "crypto/SecureRandom.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
const QString kInitialisedProperty = u"server.initialAdministratorCreated"_s;
}

Result<bool> ensureInitialAdministrator(UserStore &users, const PasswordHandOver &handOver)
{
    Result<std::optional<QString>> marker = users.property(kInitialisedProperty);
    if (!marker.ok())
        return marker.error();
    if (marker.value().has_value())
        return false;

    Result<std::optional<UserRecord>> existing = users.findUser(u"admin"_s);
    if (!existing.ok())
        return existing.error();

    const bool create = !existing.value().has_value();
    if (create) {
        const QString password = Crypto::SecureRandom::password(20);
        Result<QString> hash = Crypto::PasswordHasher::hash(password);
        if (!hash.ok())
            return hash.error();
        if (Status handedOver = handOver(password); !handedOver.ok())
            return handedOver.error();
        UserRecord admin;
        admin.userName = u"admin"_s;
        admin.fullName = u"Administrator"_s;
        admin.passwordHash = hash.value();
        admin.mustChangePassword = true;
        admin.privileges = {Privilege::Admin};
        admin.loginPrivileges = LoginPrivilege::all();
        Result<UserRecord> created = users.createUser(admin);
        if (!created.ok())
            return created.error();
    }
    if (Status marked = users.setProperty(kInitialisedProperty, u"true"_s); !marked.ok())
        return marked.error();
    return create;
}

} // namespace Mailkeep::Core
