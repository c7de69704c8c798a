#include "core/AuthService.h"

#include "FakeUserStore.h"
#include "crypto/PasswordHasher.h"

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

namespace {

UserRecord userWithPassword(const QString &name, const QString &password)
{
    UserRecord user;
    user.userName = name;
    user.passwordHash = Crypto::PasswordHasher::hash(password).value();
    user.privileges = {Privilege::Admin};
    user.loginPrivileges = {LoginPrivilege::Api};
    return user;
}

} // namespace

TEST(AuthService, AcceptsTheRightPasswordOnly)
{
    FakeUserStore store;
    store.users.insert(u"admin"_s, userWithPassword(u"admin"_s, u"s3cret"_s));
    ManualClock clock;
    AuthService auth(store, clock);
    const auto ok = auth.authenticate(u"Admin"_s, u"s3cret"_s);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->userName, u"admin"_s);
    EXPECT_TRUE(ok->isAdmin());
    EXPECT_TRUE(ok->mayLogInWith(ClientKind::Api));
    EXPECT_FALSE(ok->mayLogInWith(ClientKind::Console));
    EXPECT_EQ(auth.authenticate(u"admin"_s, u"S3cret"_s).error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(auth.authenticate(u"nobody"_s, u"s3cret"_s).error().code, ErrorCode::Unauthenticated);
}

TEST(AuthService, RemembersSuccessfulLoginsForAWhileOnly)
{
    FakeUserStore store;
    store.users.insert(u"admin"_s, userWithPassword(u"admin"_s, u"pw"_s));
    ManualClock clock;
    AuthService auth(store, clock, std::chrono::seconds(300));
    ASSERT_TRUE(auth.authenticate(u"admin"_s, u"pw"_s).ok());
    const int lookups = store.lookups;
    ASSERT_TRUE(auth.authenticate(u"admin"_s, u"pw"_s).ok());
    EXPECT_EQ(store.lookups, lookups) << "second login should come from the cache";
    EXPECT_FALSE(auth.authenticate(u"admin"_s, u"wrong"_s).ok()) << "cache is keyed by password";
    clock.advance(301 * 1000);
    ASSERT_TRUE(auth.authenticate(u"admin"_s, u"pw"_s).ok());
    EXPECT_GT(store.lookups, lookups + 1);
}

TEST(AuthService, ForgetsCachedLoginsOnRequest)
{
    FakeUserStore store;
    store.users.insert(u"admin"_s, userWithPassword(u"admin"_s, u"pw"_s));
    ManualClock clock;
    AuthService auth(store, clock);
    ASSERT_TRUE(auth.authenticate(u"admin"_s, u"pw"_s).ok());
    store.users[u"admin"_s].passwordHash = Crypto::PasswordHasher::hash(u"new"_s).value();
    auth.forgetCachedLogins();
    EXPECT_FALSE(auth.authenticate(u"admin"_s, u"pw"_s).ok());
    EXPECT_TRUE(auth.authenticate(u"admin"_s, u"new"_s).ok());
}

TEST(AuthService, DirectoryAccountsAndEmptyHashesCannotLogIn)
{
    FakeUserStore store;
    UserRecord directory = userWithPassword(u"dir"_s, u"pw"_s);
    directory.authentication = u"directoryServices"_s;
    store.users.insert(u"dir"_s, directory);
    UserRecord noPassword = userWithPassword(u"nopw"_s, u"pw"_s);
    noPassword.passwordHash.clear();
    store.users.insert(u"nopw"_s, noPassword);
    ManualClock clock;
    AuthService auth(store, clock);
    EXPECT_EQ(auth.authenticate(u"dir"_s, u"pw"_s).error().code, ErrorCode::Unauthenticated);
    EXPECT_EQ(auth.authenticate(u"nopw"_s, QString()).error().code, ErrorCode::Unauthenticated);
}

TEST(AuthService, StoreFailureIsUnavailableNotWrongPassword)
{
    FakeUserStore store;
    store.failing = true;
    ManualClock clock;
    AuthService auth(store, clock);
    EXPECT_EQ(auth.authenticate(u"admin"_s, u"pw"_s).error().code, ErrorCode::Unavailable);
}
