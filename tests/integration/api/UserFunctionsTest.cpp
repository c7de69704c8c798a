// The user administration functions, end to end through the HTTPS API and PostgreSQL.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class UserFunctionsTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
    }

    QJsonObject call(const QString &function, const Api::FormFields &fields = {})
    {
        return invokeJson(*m_admin, function, Api::encodeForm(fields));
    }
    static QString status(const QJsonObject &envelope)
    {
        return envelope[u"statusCode"_s].toString();
    }
    static QString message(const QJsonObject &envelope)
    {
        return envelope[u"error"_s].toObject()[u"message"_s].toString();
    }

    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(UserFunctionsTest, CreateUserThenGetUserInfo)
{
    const QJsonObject created = call(u"CreateUser"_s, {{u"userName"_s, u"Frank.Clark"_s},
                                                       {u"privileges"_s, u"login,archive"_s},
                                                       {u"fullName"_s, u"Frank Clark"_s},
                                                       {u"password"_s, u"frank-secret"_s}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();

    const QJsonObject info = call(u"GetUserInfo"_s, {{u"userName"_s, u"frank.clark"_s}});
    ASSERT_EQ(status(info), u"succeeded"_s);
    const QJsonObject user = info[u"result"_s].toObject();
    EXPECT_EQ(user[u"userName"_s].toString(), u"frank.clark"_s) << "user names are lower-case";
    EXPECT_EQ(user[u"fullName"_s].toString(), u"Frank Clark"_s);
    EXPECT_TRUE(user[u"distinguishedName"_s].isNull());
    EXPECT_EQ(user[u"authentication"_s].toString(), u"integrated"_s);
    EXPECT_EQ(user[u"privileges"_s].toArray(), (QJsonArray{u"login"_s, u"archive"_s}));
    EXPECT_EQ(user[u"loginPrivileges"_s].toArray().size(), 6) << "all login privileges by default";
    EXPECT_TRUE(user[u"privilegesOnFolders"_s].isArray());

    HttpsTestClient frank = client(u"frank.clark"_s, u"frank-secret"_s);
    EXPECT_EQ(invokeJson(frank, u"GetServerInfo"_s)[u"statusCode"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(status(invokeJson(frank, u"GetUsers"_s)), u"failed"_s) << "not an administrator";
}

TEST_F(UserFunctionsTest, GetUsersListsEveryone)
{
    const QJsonArray users = call(u"GetUsers"_s)[u"result"_s].toArray();
    QStringList names;
    for (const QJsonValue &user : users) {
        names << user[u"userName"_s].toString();
        EXPECT_TRUE(user.toObject().contains(u"distinguishedName"_s));
    }
    EXPECT_EQ(names, (QStringList{u"admin"_s, u"alice"_s, u"carol"_s}));
}

TEST_F(UserFunctionsTest, SettersChangeEachAttribute)
{
    for (const auto &[function, fields] : QList<std::pair<QString, Api::FormFields>>{
             {u"SetUserFullName"_s,
              {{u"userName"_s, u"alice"_s}, {u"fullName"_s, u"Alice Adams"_s}}},
             {u"SetUserDistinguishedName"_s,
              {{u"userName"_s, u"alice"_s}, {u"distinguishedName"_s, u"CN=Alice,DC=example"_s}}},
             {u"SetUserEmailAddresses"_s,
              {{u"userName"_s, u"alice"_s},
               {u"emailAddresses"_s, u"alice@example.com,aa@example.com"_s}}},
             {u"SetUserPop3UserNames"_s,
              {{u"userName"_s, u"alice"_s}, {u"pop3UserNames"_s, u"alice1"_s}}},
             {u"SetUserAuthentication"_s,
              {{u"userName"_s, u"alice"_s}, {u"authentication"_s, u"directoryServices"_s}}},
             {u"SetUserPrivileges"_s,
              {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"login,export"_s}}},
             {u"SetUserLoginPrivileges"_s,
              {{u"userName"_s, u"alice"_s}, {u"loginPrivileges"_s, u"api,WINDOWSCMD"_s}}}}) {
        const QJsonObject envelope = call(function, fields);
        EXPECT_EQ(status(envelope), u"succeeded"_s)
            << function.toStdString() << ": " << message(envelope).toStdString();
    }
    const QJsonObject user =
        call(u"GetUserInfo"_s, {{u"userName"_s, u"alice"_s}})[u"result"_s].toObject();
    EXPECT_EQ(user[u"fullName"_s].toString(), u"Alice Adams"_s);
    EXPECT_EQ(user[u"distinguishedName"_s].toString(), u"CN=Alice,DC=example"_s);
    EXPECT_EQ(user[u"emailAddresses"_s].toArray(),
              (QJsonArray{u"alice@example.com"_s, u"aa@example.com"_s}));
    EXPECT_EQ(user[u"pop3UserNames"_s].toArray(), QJsonArray{u"alice1"_s});
    EXPECT_EQ(user[u"authentication"_s].toString(), u"directoryServices"_s);
    EXPECT_EQ(user[u"privileges"_s].toArray(), (QJsonArray{u"login"_s, u"export"_s}));
    EXPECT_EQ(user[u"loginPrivileges"_s].toArray(), (QJsonArray{u"api"_s, u"windowsCmd"_s}));

    // Clearing: an omitted optional value empties the attribute.
    ASSERT_EQ(status(call(u"SetUserFullName"_s, {{u"userName"_s, u"alice"_s}})), u"succeeded"_s);
    EXPECT_TRUE(call(u"GetUserInfo"_s, {{u"userName"_s, u"alice"_s}})[u"result"_s]
                    .toObject()[u"fullName"_s]
                    .isNull());
}

TEST_F(UserFunctionsTest, PasswordAndPrivilegeChangesTakeEffectAtOnce)
{
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    ASSERT_EQ(invokeJson(alice, u"GetServerInfo"_s)[u"statusCode"_s].toString(), u"succeeded"_s);
    ASSERT_EQ(status(call(u"SetUserPassword"_s,
                          {{u"userName"_s, u"alice"_s}, {u"password"_s, u"brand-new-pw"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(alice.post(u"/api/invoke/GetServerInfo"_s).status, 401) << "old password is gone";
    HttpsTestClient renewed = client(u"alice"_s, u"brand-new-pw"_s);
    EXPECT_EQ(renewed.post(u"/api/invoke/GetServerInfo"_s).status, 200);

    ASSERT_EQ(status(call(u"SetUserLoginPrivileges"_s,
                          {{u"userName"_s, u"alice"_s}, {u"loginPrivileges"_s, u"none"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(renewed.post(u"/api/invoke/GetServerInfo"_s).status, 403);
}

TEST_F(UserFunctionsTest, BadValuesAreRefusedClearly)
{
    const auto refused = [&](const QString &function, const Api::FormFields &fields) {
        const QJsonObject envelope = call(function, fields);
        EXPECT_EQ(status(envelope), u"failed"_s) << function.toStdString();
        return message(envelope);
    };
    EXPECT_TRUE(
        refused(u"CreateUser"_s, {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"login"_s}})
            .contains(u"already exists"_s));
    EXPECT_TRUE(refused(u"CreateUser"_s, {{u"userName"_s, u"x"_s}, {u"privileges"_s, u"fly"_s}})
                    .contains(u"Unknown privilege \"fly\""_s));
    EXPECT_TRUE(
        refused(u"CreateUser"_s, {{u"userName"_s, u"x"_s}, {u"privileges"_s, u"admin,login"_s}})
            .contains(u"only one"_s));
    EXPECT_TRUE(refused(u"CreateUser"_s, {{u"userName"_s, u"a/b"_s}, {u"privileges"_s, u"login"_s}})
                    .contains(u"\"/\""_s));
    EXPECT_TRUE(refused(u"CreateUser"_s, {{u"userName"_s, u" "_s}, {u"privileges"_s, u"login"_s}})
                    .contains(u"empty"_s));
    EXPECT_TRUE(refused(u"CreateUser"_s, {{u"userName"_s, u"x"_s},
                                          {u"privileges"_s, u"login"_s},
                                          {u"password"_s, u"short"_s}})
                    .contains(u"8 characters"_s));
    EXPECT_TRUE(refused(u"SetUserAuthentication"_s,
                        {{u"userName"_s, u"alice"_s}, {u"authentication"_s, u"ldap"_s}})
                    .contains(u"directoryServices"_s));
    EXPECT_EQ(refused(u"GetUserInfo"_s, {{u"userName"_s, u"nobody"_s}}),
              u"There is no user named nobody."_s);
    EXPECT_EQ(refused(u"SetUserFullName"_s, {{u"userName"_s, u"nobody"_s}}),
              u"There is no user named nobody."_s);
}

TEST_F(UserFunctionsTest, TheLastAdministratorStays)
{
    EXPECT_TRUE(message(call(u"SetUserPrivileges"_s,
                             {{u"userName"_s, u"admin"_s}, {u"privileges"_s, u"login"_s}}))
                    .contains(u"last administrator"_s));
    EXPECT_TRUE(
        message(call(u"DeleteUser"_s, {{u"userName"_s, u"admin"_s}})).contains(u"yourself"_s));
    ASSERT_EQ(status(call(u"SetUserPrivileges"_s,
                          {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"admin"_s}})),
              u"succeeded"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonObject deleted =
        invokeJson(alice, u"DeleteUser"_s, Api::encodeForm({{u"userName"_s, u"admin"_s}}));
    EXPECT_EQ(status(deleted), u"succeeded"_s) << message(deleted).toStdString();
    EXPECT_EQ(m_admin->post(u"/api/invoke/GetServerInfo"_s).status, 401)
        << "deleted users cannot log in";
}
