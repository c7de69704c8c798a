#include "core/AdminBootstrap.h"

#include "FakeUserStore.h"
#include "core/Identity.h"
#include "crypto/PasswordHasher.h"

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

TEST(AdminBootstrap, CreatesAdminWithRandomPasswordOnce)
{
    FakeUserStore store;
    QString handedOver;
    const auto created = ensureInitialAdministrator(store, [&](const QString &password) {
        EXPECT_TRUE(store.users.isEmpty()) << "password must be handed over before the user exists";
        handedOver = password;
        return Status();
    });
    ASSERT_TRUE(created.ok());
    EXPECT_TRUE(created.value());
    ASSERT_TRUE(store.users.contains(u"admin"_s));
    const UserRecord admin = store.users.value(u"admin"_s);
    EXPECT_GE(handedOver.size(), 16);
    EXPECT_NE(handedOver, u"admin"_s);
    EXPECT_TRUE(Crypto::PasswordHasher::verify(admin.passwordHash, handedOver));
    EXPECT_TRUE(admin.privileges.contains(Privilege::Admin));
    EXPECT_TRUE(admin.loginPrivileges.contains(LoginPrivilege::Api));
    EXPECT_TRUE(admin.mustChangePassword);

    bool calledAgain = false;
    const auto second = ensureInitialAdministrator(store, [&](const QString &) {
        calledAgain = true;
        return Status();
    });
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second.value());
    EXPECT_FALSE(calledAgain);
}

TEST(AdminBootstrap, FailedHandOverCreatesNoUser)
{
    FakeUserStore store;
    const auto created = ensureInitialAdministrator(
        store, [](const QString &) { return Status(Error(ErrorCode::IoError, u"disk full"_s)); });
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::IoError);
    EXPECT_TRUE(store.users.isEmpty());
}

TEST(AdminBootstrap, ExistingAdminIsLeftAlone)
{
    FakeUserStore store;
    UserRecord admin;
    admin.userName = u"admin"_s;
    admin.passwordHash = u"keep"_s;
    store.users.insert(u"admin"_s, admin);
    const auto created =
        ensureInitialAdministrator(store, [](const QString &) { return Status(); });
    ASSERT_TRUE(created.ok());
    EXPECT_FALSE(created.value());
    EXPECT_EQ(store.users.value(u"admin"_s).passwordHash, u"keep"_s);
}
