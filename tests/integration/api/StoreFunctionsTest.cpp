// Archive stores through the HTTPS API: the current store, creation, states, names, sizes,
// auto-create configuration and unlocking with the recovery key.

#include "ApiServerFixture.h"
#include "api/FormEncoding.h"
#include "crypto/AeadCipher.h"

#include <QDate>
#include <QFile>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class StoreFunctionsTest : public ApiServerFixture
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
    QJsonArray stores(bool includeSize = false)
    {
        return call(u"GetStores"_s,
                    {{u"includeSize"_s, includeSize ? u"true"_s : u"false"_s}})[u"result"_s]
            .toArray();
    }
    static QString message(const QJsonObject &envelope)
    {
        return envelope[u"error"_s].toObject()[u"message"_s].toString();
    }
    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(StoreFunctionsTest, ANewArchiveHasOneCurrentMonthStore)
{
    const QJsonArray list = stores(true);
    ASSERT_EQ(list.size(), 1);
    const QJsonObject store = list[0].toObject();
    EXPECT_EQ(store[u"name"_s].toString(), m_clock.now().toString(u"yyyy-MM"_s));
    EXPECT_EQ(store[u"requestedState"_s].toString(), u"current"_s);
    EXPECT_EQ(store[u"type"_s].toString(), u"FileSystemInternal"_s);
    EXPECT_GT(store[u"size"_s].toDouble(), 0) << "the schema's tables take some space";
    EXPECT_TRUE(store[u"schemaName"_s].toString().startsWith(u"store_"_s));
    // The store's tables exist in its schema.
    auto table = connection().exec(u"SELECT to_regclass($1) IS NOT NULL"_s,
                                   {QVariant(store[u"schemaName"_s].toString() + u".contents"_s)});
    ASSERT_TRUE(table.ok());
    EXPECT_TRUE(table->toBool(0, 0));
}

TEST_F(StoreFunctionsTest, OnlyOneStoreIsCurrent)
{
    const QJsonObject created = call(u"CreateStore"_s, {{u"name"_s, u"Archive 2027"_s},
                                                        {u"type"_s, u"FileSystemInternal"_s},
                                                        {u"requestedState"_s, u"current"_s}});
    ASSERT_EQ(created[u"statusCode"_s].toString(), u"succeeded"_s)
        << message(created).toStdString();
    const int newId = created[u"result"_s].toObject()[u"id"_s].toInt();
    QJsonArray list = stores();
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list[0][u"requestedState"_s].toString(), u"normal"_s) << "the old one was demoted";
    EXPECT_EQ(list[1][u"requestedState"_s].toString(), u"current"_s);

    const int oldId = list[0][u"id"_s].toInt();
    EXPECT_TRUE(message(call(u"SetStoreRequestedState"_s, {{u"id"_s, QString::number(newId)},
                                                           {u"requestedState"_s, u"normal"_s}}))
                    .contains(u"receives new mail"_s));
    ASSERT_EQ(
        call(u"SetStoreRequestedState"_s, {{u"id"_s, QString::number(oldId)},
                                           {u"requestedState"_s, u"current"_s}})[u"statusCode"_s]
            .toString(),
        u"succeeded"_s);
    ASSERT_EQ(call(u"SetStoreRequestedState"_s,
                   {{u"id"_s, QString::number(newId)},
                    {u"requestedState"_s, u"writeProtected"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    list = stores();
    EXPECT_EQ(list[0][u"requestedState"_s].toString(), u"current"_s);
    EXPECT_EQ(list[1][u"requestedState"_s].toString(), u"writeProtected"_s);
}

TEST_F(StoreFunctionsTest, EveryStoreHasItsOwnWrappedKey)
{
    ASSERT_EQ(call(u"CreateStore"_s, {{u"name"_s, u"second"_s},
                                      {u"type"_s, u"FileSystemInternal"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    const auto list = m_archive->catalog().listStores(false);
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2);
    const QByteArray first = m_archive->stores().dataKey(list->at(0)).value();
    const QByteArray second = m_archive->stores().dataKey(list->at(1)).value();
    EXPECT_EQ(first.size(), Crypto::AeadCipher::kKeyBytes);
    EXPECT_NE(first, second);
    EXPECT_FALSE(list->at(0).wrappedDataKey.contains(first)) << "never stored in the clear";
}

TEST_F(StoreFunctionsTest, NamesTypesAndStatesAreChecked)
{
    EXPECT_TRUE(message(call(u"CreateStore"_s, {{u"name"_s, u"x"_s}, {u"type"_s, u"SQLServer"_s}}))
                    .contains(u"cannot be created"_s));
    EXPECT_TRUE(message(call(u"CreateStore"_s, {{u"name"_s, u"x"_s}, {u"type"_s, u"Tape"_s}}))
                    .contains(u"Unknown archive store type"_s));
    EXPECT_TRUE(message(call(u"CreateStore"_s, {{u"name"_s, u"x"_s},
                                                {u"type"_s, u"FileSystemInternal"_s},
                                                {u"contentPath"_s, u"D:\\content"_s}}))
                    .contains(u"contentPath does not apply"_s));
    const QString existing = stores()[0][u"name"_s].toString();
    EXPECT_TRUE(message(call(u"CreateStore"_s,
                             {{u"name"_s, existing}, {u"type"_s, u"FileSystemInternal"_s}}))
                    .contains(u"exists already"_s));
    EXPECT_TRUE(
        message(call(u"CreateStore"_s, {{u"name"_s, u" "_s}, {u"type"_s, u"FileSystemInternal"_s}}))
            .contains(u"needs a name"_s));
    const QString id = QString::number(stores()[0][u"id"_s].toInt());
    EXPECT_TRUE(message(call(u"SetStoreRequestedState"_s,
                             {{u"id"_s, id}, {u"requestedState"_s, u"asleep"_s}}))
                    .contains(u"writeProtected"_s));
    EXPECT_TRUE(message(call(u"RenameStore"_s, {{u"id"_s, u"999"_s}, {u"name"_s, u"y"_s}}))
                    .contains(u"no archive store with id 999"_s));
    ASSERT_EQ(
        call(u"RenameStore"_s, {{u"id"_s, id}, {u"name"_s, u"Main archive"_s}})[u"statusCode"_s]
            .toString(),
        u"succeeded"_s);
    EXPECT_EQ(stores()[0][u"name"_s].toString(), u"Main archive"_s);
    // The catalog lists stores to administrators only.
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(invokeJson(alice, u"GetStores"_s)[u"statusCode"_s].toString(), u"failed"_s);
}

TEST_F(StoreFunctionsTest, AutoCreateConfigurationRoundTrips)
{
    QJsonObject configuration = call(u"GetStoreAutoCreateConfiguration"_s)[u"result"_s].toObject();
    EXPECT_TRUE(configuration[u"sizeThreshold"_s].isNull());
    EXPECT_TRUE(configuration[u"enabled"_s].toBool());
    ASSERT_EQ(
        call(u"SetStoreAutoCreateConfiguration"_s,
             {{u"config"_s, u"{\"sizeThreshold\": 5000, \"enabled\": false}"_s}})[u"statusCode"_s]
            .toString(),
        u"succeeded"_s);
    configuration = call(u"GetStoreAutoCreateConfiguration"_s)[u"result"_s].toObject();
    EXPECT_EQ(configuration[u"sizeThreshold"_s].toInt(), 5000);
    EXPECT_FALSE(configuration[u"enabled"_s].toBool());
    EXPECT_TRUE(message(call(u"SetStoreAutoCreateConfiguration"_s,
                             {{u"config"_s, u"{\"sizeThreshold\": -3}"_s}}))
                    .contains(u"whole number"_s));
    EXPECT_TRUE(message(call(u"SetStoreAutoCreateConfiguration"_s,
                             {{u"config"_s, u"{\"contentBaseDirectory\": \"E:\\\\x\"}"_s}}))
                    .contains(u"does not apply"_s));
}

TEST_F(StoreFunctionsTest, RefreshStatisticsCountsContent)
{
    const auto store = m_archive->catalog().listStores(false).value().first();
    const QByteArray key = m_archive->stores().dataKey(store).value();
    const QByteArray sealed = Crypto::AeadCipher::seal(key, "raw message").value();
    ASSERT_TRUE(connection()
                    .exec(u"INSERT INTO "_s + store.schemaName() +
                              u".contents (sha256, sealed, raw_size) VALUES ($1, $2, 11)"_s,
                          {QByteArray(32, 'a'), sealed})
                    .ok());
    ASSERT_EQ(call(u"RefreshAllStoreStatistics"_s)[u"statusCode"_s].toString(), u"succeeded"_s);
    const QJsonObject listed = stores()[0].toObject();
    EXPECT_EQ(listed[u"messageCount"_s].toInt(), 1);
    EXPECT_EQ(listed[u"rawSize"_s].toInt(), 11);
    EXPECT_EQ(listed[u"storedSize"_s].toInt(), sealed.size());
    EXPECT_FALSE(listed[u"statisticsRefreshedAt"_s].isNull());
}

TEST_F(StoreFunctionsTest, LostKeyFileIsUnlockedWithTheRecoveryKey)
{
    const auto store = m_archive->catalog().listStores(false).value().first();
    const QByteArray key = m_archive->stores().dataKey(store).value();
    ASSERT_TRUE(QFile::remove(m_keyFolder.filePath(u"master.key"_s)));
    // A restart without the key file: a new stack on the same database.
    m_api->functions() = Core::FunctionRegistry();
    m_archive.reset(); // it holds the index folders
    m_archive = std::make_unique<App::ArchiveStack>(*m_pool, *m_users,
                                                    m_keyFolder.filePath(u"master.key"_s),
                                                    m_keyFolder.filePath(u"index"_s), m_clock);
    ASSERT_TRUE(m_archive->open().ok());
    registerArchiveFunctions();

    EXPECT_EQ(stores()[0][u"status"_s].toString(), u"locked"_s);
    const QString id = QString::number(store.id);
    EXPECT_TRUE(
        message(call(u"UnlockStore"_s,
                     {{u"id"_s, id}, {u"passphrase"_s, u"ABCDE-FGHJK-MNPQR-STVWX-YZ234"_s}}))
            .contains(u"not the right one"_s));
    EXPECT_TRUE(
        message(call(u"UnlockStore"_s, {{u"id"_s, u"77"_s}, {u"passphrase"_s, m_recoveryKey}}))
            .contains(u"id 77"_s));
    const QJsonObject unlocked =
        call(u"UnlockStore"_s, {{u"id"_s, id}, {u"passphrase"_s, m_recoveryKey}});
    ASSERT_EQ(unlocked[u"statusCode"_s].toString(), u"succeeded"_s)
        << message(unlocked).toStdString();
    EXPECT_EQ(stores()[0][u"status"_s].toString(), u"current"_s);
    EXPECT_EQ(m_archive->stores().dataKey(store).value(), key);
    EXPECT_TRUE(QFile::exists(m_keyFolder.filePath(u"master.key"_s)));
}
