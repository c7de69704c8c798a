// User synchronisation with Microsoft 365 (Entra ID through Graph) against the fake: the
// licence, enabled and security-group filters, Microsoft 365 groups as users, a dry run that
// changes nothing, addresses from mail and proxyAddresses, a renamed account that keeps its
// archive, deletion of vanished users (account only), and clear refusals.
#include "Microsoft365Fixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QJsonArray exchangePlan(const QString &status = u"Enabled"_s)
{
    return QJsonArray{QJsonObject{{u"service"_s, u"exchange"_s},
                                  {u"capabilityStatus"_s, status},
                                  {u"servicePlanId"_s, u"efb87545-963c-4e0d-99df-69c6916d9eb0"_s}},
                      QJsonObject{{u"service"_s, u"SharePoint"_s},
                                  {u"capabilityStatus"_s, u"Enabled"_s},
                                  {u"servicePlanId"_s, u"5dbe027f-2339-4123-9542-606e4d348a72"_s}}};
}

QJsonObject account(const QString &id, const QString &name, const QString &displayName,
                    const QJsonObject &extra = {})
{
    const QString upn = name + u"@contoso.example"_s;
    QJsonObject user{{u"id"_s, id},
                     {u"userPrincipalName"_s, upn},
                     {u"displayName"_s, displayName},
                     {u"mail"_s, upn},
                     {u"accountEnabled"_s, true},
                     {u"assignedPlans"_s, exchangePlan()},
                     {u"proxyAddresses"_s, QJsonArray{QString(u"SMTP:"_s + upn)}}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        user.insert(it.key(), it.value());
    return user;
}

class DirectorySyncTest : public Microsoft365Fixture
{
protected:
    void SetUp() override
    {
        Microsoft365Fixture::SetUp();
        ASSERT_TRUE(m_fake.loadScenario(scenario()).ok());
    }
    QJsonArray users() const
    {
        return {
            account(
                u"id-ada"_s, u"ada"_s, u"Ada Lovelace"_s,
                {{u"proxyAddresses"_s,
                  QJsonArray{u"SMTP:Ada@Contoso.example"_s, u"smtp:a.lovelace@contoso.example"_s,
                             u"X500:/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=ada"_s,
                             u"SIP:ada@contoso.example"_s}}}),
            account(u"id-bob"_s, u"bob"_s, u"Bob (blocked)"_s, {{u"accountEnabled"_s, false}}),
            account(u"id-dan"_s, u"dan"_s, u"Dan (no licence)"_s,
                    {{u"assignedPlans"_s, QJsonArray()}}),
            account(u"id-eve"_s, u"eve"_s, u"Eve (suspended)"_s,
                    {{u"assignedPlans"_s, exchangePlan(u"Suspended"_s)}}),
            account(u"id-fay"_s, u"fay"_s, u"Fay"_s),
            account(u"id-gus"_s, u"gus"_s, u"Gus"_s),
        };
    }
    QJsonArray groups() const
    {
        return {QJsonObject{{u"id"_s, u"g-staff"_s},
                            {u"displayName"_s, u"Staff"_s},
                            {u"securityEnabled"_s, true},
                            {u"members"_s, QJsonArray{u"id-ada"_s, u"g-nested"_s}}},
                QJsonObject{{u"id"_s, u"g-nested"_s},
                            {u"displayName"_s, u"Archive team"_s},
                            {u"securityEnabled"_s, true},
                            {u"members"_s, QJsonArray{u"id-fay"_s}}},
                QJsonObject{{u"id"_s, u"g-sales"_s},
                            {u"displayName"_s, u"Sales"_s},
                            {u"mail"_s, u"sales@contoso.example"_s},
                            {u"mailEnabled"_s, true},
                            {u"groupTypes"_s, QJsonArray{u"Unified"_s}},
                            {u"proxyAddresses"_s, QJsonArray{u"SMTP:sales@contoso.example"_s,
                                                             u"smtp:vertrieb@contoso.example"_s}},
                            {u"members"_s, QJsonArray{u"id-gus"_s}}}};
    }
    QJsonObject scenario(const QJsonArray &roles = {u"Directory.Read.All"_s,
                                                    u"Mail.ReadWrite"_s}) const
    {
        return scenario(users(), roles);
    }
    QJsonObject scenario(const QJsonArray &accounts, const QJsonArray &roles) const
    {
        QJsonObject loaded = tenantScenario(accounts, roles, groups());
        // Small pages, so that the synchronisation has to follow @odata.nextLink.
        QJsonObject tenant = loaded[u"tenants"_s][0].toObject();
        tenant.insert(u"directoryPageSize"_s, 2);
        loaded.insert(u"tenants"_s, QJsonArray{tenant});
        return loaded;
    }
    QJsonObject configure(const QJsonObject &extra = {})
    {
        QJsonObject config{{u"type"_s, u"microsoft365"_s}, {u"credentialId"_s, m_credentialId}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            config.insert(it.key(), it.value());
        return admin(u"SetDirectoryServicesConfiguration"_s, {{u"config"_s, compactJson(config)}});
    }
    QJsonObject sync(bool dryRun = false)
    {
        return admin(u"SyncUsersWithDirectoryServices"_s,
                     {{u"dryRun"_s, dryRun ? u"true"_s : u"false"_s}});
    }
    static QStringList names(const QJsonValue &list)
    {
        QStringList names;
        for (const QJsonValue &item : list.toArray())
            names << (item.isString() ? item.toString() : item[u"userName"_s].toString());
        names.sort();
        return names;
    }
    QStringList userNames() { return names(admin(u"GetUsers"_s)[u"result"_s]); }
    QJsonObject userInfo(const QString &name)
    {
        return admin(u"GetUserInfo"_s, {{u"userName"_s, name}})[u"result"_s].toObject();
    }
};

TEST_F(DirectorySyncTest, ADryRunReportsWithoutChangingAndTheRealRunCreatesTheUsers)
{
    const QJsonObject configured = configure();
    ASSERT_EQ(status(configured), u"succeeded"_s) << message(configured).toStdString();
    const QJsonObject stored =
        admin(u"GetDirectoryServicesConfiguration"_s)[u"result"_s].toObject();
    EXPECT_EQ(stored[u"type"_s].toString(), u"microsoft365"_s);
    EXPECT_TRUE(stored[u"licensedExchangeUsersOnly"_s].toBool()) << "the default";
    EXPECT_TRUE(stored[u"enabledUsersOnly"_s].toBool()) << "the default";

    const QStringList before = userNames();
    const QJsonObject dry = sync(true);
    ASSERT_EQ(status(dry), u"succeeded"_s) << message(dry).toStdString();
    const QJsonObject planned = dry[u"result"_s].toObject();
    EXPECT_TRUE(planned[u"dryRun"_s].toBool());
    // Bob is blocked, Dan has no licence, Eve's Exchange plan is suspended.
    EXPECT_EQ(names(planned[u"created"_s]),
              (QStringList{u"ada@contoso.example"_s, u"fay@contoso.example"_s,
                           u"gus@contoso.example"_s}));
    EXPECT_EQ(userNames(), before) << "a dry run changes nothing";
    int userPages = 0;
    for (const QJsonValue &request : m_fake.log()->value(u"requests"_s).toArray()) {
        const QString path = request[u"path"_s].toString();
        userPages += path.startsWith(u"/v1.0/users?"_s) && request[u"status"_s].toInt() == 200;
    }
    EXPECT_EQ(userPages, 3) << "six accounts in pages of two, each @odata.nextLink followed";

    const QJsonObject real = sync();
    ASSERT_EQ(status(real), u"succeeded"_s) << message(real).toStdString();
    EXPECT_EQ(names(real[u"result"_s][u"created"_s]), names(planned[u"created"_s]));
    EXPECT_TRUE(userNames().contains(u"ada@contoso.example"_s));
    const QJsonObject ada = userInfo(u"ada@contoso.example"_s);
    EXPECT_EQ(ada[u"fullName"_s].toString(), u"Ada Lovelace"_s);
    EXPECT_EQ(ada[u"authentication"_s].toString(), u"directoryServices"_s);
    EXPECT_EQ(ada[u"distinguishedName"_s].toString(), u"id-ada"_s);
    // The primary address first, aliases after; X500 and SIP are no mail addresses.
    EXPECT_EQ(ada[u"emailAddresses"_s].toArray(),
              (QJsonArray{u"ada@contoso.example"_s, u"a.lovelace@contoso.example"_s}));
    EXPECT_EQ(ada[u"privileges"_s].toArray(), QJsonArray{u"login"_s});
    const QJsonArray onFolders = ada[u"privilegesOnFolders"_s].toArray();
    ASSERT_EQ(onFolders.size(), 1);
    EXPECT_EQ(onFolders.at(0)[u"folder"_s].toString(), u"ada@contoso.example"_s);
    EXPECT_EQ(onFolders.at(0)[u"privileges"_s].toArray(), QJsonArray{u"read"_s});

    const QJsonObject again = sync();
    ASSERT_EQ(status(again), u"succeeded"_s);
    EXPECT_TRUE(again[u"result"_s][u"created"_s].toArray().isEmpty());
    EXPECT_TRUE(again[u"result"_s][u"modified"_s].toArray().isEmpty());
    EXPECT_EQ(again[u"result"_s][u"unchanged"_s].toArray().size(), 3);
}

TEST_F(DirectorySyncTest, FiltersCanBeTurnedOffAndGroupsChooseWhoIsSynchronised)
{
    ASSERT_EQ(status(configure(
                  {{u"licensedExchangeUsersOnly"_s, false}, {u"enabledUsersOnly"_s, false}})),
              u"succeeded"_s);
    EXPECT_EQ(names(sync(true)[u"result"_s][u"created"_s]).size(), 6);

    // Staff has Ada and, through the nested Archive team, Fay; Gus is in neither.
    ASSERT_EQ(status(configure({{u"groups"_s, QJsonArray{u"staff"_s}}})), u"succeeded"_s);
    EXPECT_EQ(names(sync(true)[u"result"_s][u"created"_s]),
              (QStringList{u"ada@contoso.example"_s, u"fay@contoso.example"_s}));
    ASSERT_EQ(status(configure({{u"groups"_s, QJsonArray{u"g-nested"_s}}})), u"succeeded"_s);
    EXPECT_EQ(names(sync(true)[u"result"_s][u"created"_s]), QStringList{u"fay@contoso.example"_s});

    ASSERT_EQ(status(configure({{u"groups"_s, QJsonArray{u"Nobody"_s}}})), u"succeeded"_s);
    const QJsonObject unknown = sync(true);
    EXPECT_EQ(status(unknown), u"failed"_s);
    EXPECT_TRUE(message(unknown).contains(u"Nobody"_s)) << message(unknown).toStdString();
    ASSERT_EQ(status(configure({{u"groups"_s, QJsonArray{u"Sales"_s}}})), u"succeeded"_s);
    EXPECT_TRUE(message(sync(true)).contains(u"security group"_s)) << "a Microsoft 365 group";
}

TEST_F(DirectorySyncTest, Microsoft365GroupsBecomeUsersWhoCannotSignIn)
{
    ASSERT_EQ(status(configure({{u"microsoft365GroupsAsUsers"_s, true}})), u"succeeded"_s);
    const QJsonObject synced = sync();
    ASSERT_EQ(status(synced), u"succeeded"_s) << message(synced).toStdString();
    EXPECT_TRUE(names(synced[u"result"_s][u"created"_s]).contains(u"sales@contoso.example"_s));
    const QJsonObject sales = userInfo(u"sales@contoso.example"_s);
    EXPECT_EQ(sales[u"fullName"_s].toString(), u"Sales"_s);
    EXPECT_EQ(sales[u"emailAddresses"_s].toArray(),
              (QJsonArray{u"sales@contoso.example"_s, u"vertrieb@contoso.example"_s}));
    EXPECT_TRUE(sales[u"privileges"_s].toArray().isEmpty());
    EXPECT_TRUE(sales[u"loginPrivileges"_s].toArray().isEmpty());
    EXPECT_TRUE(sales[u"privilegesOnFolders"_s].toArray().isEmpty());
}

TEST_F(DirectorySyncTest, ARenamedAccountKeepsItsArchiveAndChangesAreReported)
{
    ASSERT_EQ(status(configure()), u"succeeded"_s);
    ASSERT_EQ(status(sync()), u"succeeded"_s);
    // Administrators see message lists only with the preview allowed.
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
              u"succeeded"_s);
    QTemporaryDir files;
    QFile eml(QDir(files.path()).filePath(u"one.eml"_s));
    ASSERT_TRUE(eml.open(QIODevice::WriteOnly));
    eml.write("From: x@example.org\r\nTo: ada@contoso.example\r\nSubject: Kept\r\n"
              "Message-ID: <kept@example.org>\r\n\r\nBody\r\n");
    eml.close();
    ASSERT_EQ(status(admin(u"ImportEmailFiles"_s, {{u"userName"_s, u"ada@contoso.example"_s},
                                                   {u"path"_s, files.path()},
                                                   {u"targetFolder"_s, u"Inbox"_s}})),
              u"succeeded"_s);

    // Entra ID renames Ada (new principal name and address) and changes Fay's display name.
    QJsonArray changed = users();
    for (qsizetype i = 0; i < changed.size(); ++i) {
        QJsonObject user = changed.at(i).toObject();
        if (user[u"id"_s] == u"id-ada"_s) {
            user.insert(u"userPrincipalName"_s, u"ada.king@contoso.example"_s);
            user.insert(u"mail"_s, u"ada.king@contoso.example"_s);
            user.insert(u"proxyAddresses"_s, QJsonArray{u"SMTP:ada.king@contoso.example"_s,
                                                        u"smtp:ada@contoso.example"_s});
        }
        if (user[u"id"_s] == u"id-fay"_s)
            user.insert(u"displayName"_s, u"Fay Fairfax"_s);
        changed.replace(i, user);
    }
    ASSERT_TRUE(
        m_fake.loadScenario(scenario(changed, {u"Directory.Read.All"_s, u"Mail.ReadWrite"_s}))
            .ok());
    const QJsonObject synced = sync();
    ASSERT_EQ(status(synced), u"succeeded"_s) << message(synced).toStdString();
    const QJsonObject result = synced[u"result"_s].toObject();
    EXPECT_TRUE(result[u"created"_s].toArray().isEmpty()) << "no second user for Ada";
    EXPECT_EQ(names(result[u"modified"_s]),
              (QStringList{u"ada.king@contoso.example"_s, u"fay@contoso.example"_s}));
    for (const QJsonValue &entry : result[u"modified"_s].toArray()) {
        if (entry[u"userName"_s] == u"ada.king@contoso.example"_s) {
            EXPECT_EQ(entry[u"renamedFrom"_s].toString(), u"ada@contoso.example"_s);
        }
    }
    EXPECT_FALSE(userNames().contains(u"ada@contoso.example"_s));
    const QJsonArray kept =
        admin(u"GetMessages"_s, {{u"folder"_s, u"ada.king@contoso.example/Inbox"_s}})[u"result"_s]
            .toArray();
    ASSERT_EQ(kept.size(), 1) << "the archive went along with the rename";
    EXPECT_EQ(kept.at(0)[u"subject"_s].toString(), u"Kept"_s);
    EXPECT_EQ(userInfo(u"ada.king@contoso.example"_s)[u"emailAddresses"_s].toArray(),
              (QJsonArray{u"ada.king@contoso.example"_s, u"ada@contoso.example"_s}));
}

TEST_F(DirectorySyncTest, VanishedUsersLoseTheirAccountOnlyWhenAskedAndKeepTheirArchive)
{
    ASSERT_EQ(status(configure()), u"succeeded"_s);
    ASSERT_EQ(status(sync()), u"succeeded"_s);
    QJsonArray fewer;
    for (const QJsonValue &user : users()) {
        if (user[u"id"_s] != u"id-gus"_s)
            fewer.append(user);
    }
    ASSERT_TRUE(
        m_fake.loadScenario(scenario(fewer, {u"Directory.Read.All"_s, u"Mail.ReadWrite"_s})).ok());
    const QJsonObject reported = sync();
    EXPECT_EQ(names(reported[u"result"_s][u"notInDirectory"_s]),
              QStringList{u"gus@contoso.example"_s});
    EXPECT_TRUE(userNames().contains(u"gus@contoso.example"_s)) << "deleteUsers is off";

    ASSERT_EQ(status(configure({{u"deleteUsers"_s, true}})), u"succeeded"_s);
    EXPECT_EQ(names(sync(true)[u"result"_s][u"deleted"_s]), QStringList{u"gus@contoso.example"_s});
    EXPECT_TRUE(userNames().contains(u"gus@contoso.example"_s)) << "a dry run deletes nobody";
    const QJsonObject deleted = sync();
    EXPECT_EQ(names(deleted[u"result"_s][u"deleted"_s]), QStringList{u"gus@contoso.example"_s});
    EXPECT_FALSE(userNames().contains(u"gus@contoso.example"_s));
    EXPECT_EQ(status(admin(u"GetChildFolders"_s, {{u"folder"_s, u"gus@contoso.example"_s}})),
              u"succeeded"_s)
        << "the archive stays for an administrator";
    EXPECT_TRUE(userNames().contains(u"alice"_s)) << "users not from the directory are left alone";
}

TEST_F(DirectorySyncTest, RefusalsSayWhatIsWrong)
{
    EXPECT_TRUE(message(sync()).contains(u"SetDirectoryServicesConfiguration"_s));
    EXPECT_TRUE(message(configure({{u"credentialId"_s, 999}})).contains(u"999"_s));
    EXPECT_TRUE(message(configure({{u"type"_s, u"microsoft365China"_s}})).contains(u"cloud"_s));
    EXPECT_TRUE(message(configure({{u"sync"_s, true}})).contains(u"sync"_s));
    EXPECT_TRUE(
        message(configure({{u"defaultPrivileges"_s, QJsonArray{u"root"_s}}})).contains(u"root"_s));
    EXPECT_TRUE(message(admin(u"SetDirectoryServicesConfiguration"_s, {{u"config"_s, u"[1]"_s}}))
                    .contains(u"JSON object"_s));

    ASSERT_EQ(status(configure()), u"succeeded"_s);
    const QJsonObject inUse =
        admin(u"DeleteCredential"_s, {{u"id"_s, QString::number(m_credentialId)}});
    EXPECT_EQ(status(inUse), u"failed"_s);
    EXPECT_TRUE(message(inUse).contains(u"directory services"_s)) << message(inUse).toStdString();

    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    const QJsonObject denied = sync();
    EXPECT_EQ(status(denied), u"failed"_s);
    EXPECT_TRUE(message(denied).contains(u"Directory.Read.All"_s)) << message(denied).toStdString();
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_NE(status(call(alice, u"SyncUsersWithDirectoryServices"_s)), u"succeeded"_s);
    EXPECT_NE(status(call(alice, u"GetDirectoryServicesConfiguration"_s)), u"succeeded"_s);
}

} // namespace
