// Maintaining archive stores: verifying (and finding damage), compacting, detaching and
// attaching, transferring mail between stores (resumable), and the automatic new store each
// month, with duplicates recognised across stores.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(MAILKEEP_TEST_DATA_DIR "/mime/") + name;
}

class StoreMaintenanceTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
                  u"succeeded"_s);
    }

    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return invokeJson(*m_admin, function, Api::encodeForm(fields));
    }
    QJsonObject importMany(const QString &path)
    {
        const QJsonObject answer =
            admin(u"ImportEmailFiles"_s, {{u"userName"_s, u"alice"_s}, {u"path"_s, path}});
        EXPECT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        return answer[u"result"_s].toObject();
    }
    QJsonArray listed()
    {
        return admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s].toArray();
    }
    Core::StoreRecord storeNamed(const QString &name)
    {
        const auto stores = m_archive->catalog().listStores(false);
        for (const auto &store : stores.value()) {
            if (store.name == name)
                return store;
        }
        return {};
    }
    Core::StoreRecord current()
    {
        const auto stores = m_archive->catalog().listStores(false);
        for (const auto &store : stores.value()) {
            if (store.state == Core::StoreState::Current)
                return store;
        }
        return {};
    }
    int createCurrentStore(const QString &name)
    {
        const QJsonObject created = admin(u"CreateStore"_s, {{u"name"_s, name},
                                                             {u"type"_s, u"FileSystemInternal"_s},
                                                             {u"requestedState"_s, u"current"_s}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        return created[u"result"_s][u"id"_s].toInt();
    }

    std::unique_ptr<HttpsTestClient> m_admin;
};

TEST_F(StoreMaintenanceTest, VerifyFindsDamagedContentAndCompactRemovesLeftovers)
{
    importMany(fixture(u"several.mbox"_s));
    const QJsonArray messages = listed();
    ASSERT_GE(messages.size(), 3);
    const Core::StoreRecord store = current();
    const QString id = QString::number(store.id);

    QJsonObject verified = admin(u"VerifyStore"_s, {{u"id"_s, id}});
    ASSERT_EQ(status(verified), u"succeeded"_s) << message(verified).toStdString();
    EXPECT_EQ(verified[u"result"_s][u"contentsChecked"_s].toInt(), messages.size());
    EXPECT_EQ(verified[u"result"_s][u"messagesChecked"_s].toInt(), messages.size());
    EXPECT_TRUE(verified[u"result"_s][u"problems"_s].toArray().isEmpty());

    // One flipped byte in one sealed content, and one message row lost behind its content's
    // back (as after a crash in a careless tool).
    const auto flipped =
        connection().exec(u"UPDATE %1.contents SET sealed = set_byte(sealed, 40, "
                          "get_byte(sealed, 40) # 1) WHERE sha256 = (SELECT sha256 FROM "
                          "%1.contents ORDER BY sha256 LIMIT 1)"_s.arg(store.schemaName()));
    ASSERT_TRUE(flipped.ok()) << flipped.error().toString().toStdString();
    ASSERT_TRUE(
        connection()
            .exec(u"DELETE FROM %1.messages WHERE id = (SELECT max(id) FROM %1.messages)"_s.arg(
                store.schemaName()))
            .ok());
    verified = admin(u"VerifyStores"_s, {{u"includeIndexes"_s, u"false"_s}});
    ASSERT_EQ(status(verified), u"succeeded"_s) << message(verified).toStdString();
    const QJsonObject report = verified[u"result"_s][u"stores"_s][0].toObject();
    ASSERT_EQ(report[u"problems"_s].toArray().size(), 1);
    EXPECT_TRUE(report[u"problems"_s][0][u"problem"_s].toString().contains(u"decrypted"_s));
    EXPECT_EQ(report[u"orphanedContents"_s].toInt(), 1);

    const QJsonObject compacted = admin(u"CompactStore"_s, {{u"id"_s, id}});
    ASSERT_EQ(status(compacted), u"succeeded"_s) << message(compacted).toStdString();
    EXPECT_EQ(compacted[u"result"_s][u"contentsRemoved"_s].toInt(), 1);
    EXPECT_GT(compacted[u"result"_s][u"sizeBefore"_s].toDouble(), 0);
    verified = admin(u"VerifyStore"_s, {{u"id"_s, id}});
    EXPECT_EQ(verified[u"result"_s][u"orphanedContents"_s].toInt(), 0);
    EXPECT_EQ(status(admin(u"VerifyStore"_s, {{u"id"_s, u"999"_s}})), u"failed"_s);
}

TEST_F(StoreMaintenanceTest, ADetachedStoreCanBeAttachedAgain)
{
    importMany(fixture(u"several.mbox"_s));
    const int count = static_cast<int>(listed().size());
    ASSERT_GT(count, 0);
    const Core::StoreRecord first = current();
    const QString firstId = QString::number(first.id);
    EXPECT_TRUE(message(admin(u"DetachStore"_s, {{u"id"_s, firstId}})).contains(u"current"_s))
        << "the store receiving mail stays";
    createCurrentStore(u"Second"_s);
    ASSERT_EQ(status(admin(u"DetachStore"_s, {{u"id"_s, firstId}})), u"succeeded"_s);
    EXPECT_TRUE(listed().isEmpty());
    EXPECT_EQ(admin(u"GetStores"_s)[u"result"_s].toArray().size(), 1);

    QJsonObject attached =
        admin(u"AttachStore"_s, {{u"name"_s, u"Back again"_s},
                                 {u"type"_s, u"FileSystemInternal"_s},
                                 {u"databaseName"_s, u"store_00000000deadbeef"_s}});
    EXPECT_TRUE(message(attached).contains(first.schemaName()))
        << "names the detached stores: " << message(attached).toStdString();
    attached = admin(u"AttachStore"_s, {{u"name"_s, u"Back again"_s},
                                        {u"type"_s, u"FileSystemInternal"_s},
                                        {u"databaseName"_s, first.schemaName()},
                                        {u"requestedState"_s, u"writeProtected"_s}});
    ASSERT_EQ(status(attached), u"succeeded"_s) << message(attached).toStdString();
    EXPECT_EQ(attached[u"result"_s][u"status"_s].toString(), u"writeProtected"_s);
    const QJsonArray back = listed();
    ASSERT_EQ(back.size(), count);
    const QString newId = attached[u"result"_s][u"id"_s].toVariant().toString();
    EXPECT_TRUE(back[0][u"id"_s].toString().startsWith(newId + u':'));
    EXPECT_EQ(status(admin(u"GetMessageContent"_s, {{u"id"_s, back[0][u"id"_s].toString()}})),
              u"succeeded"_s)
        << "the data key came back with the store";

    // Properties only change while the store is disabled.
    EXPECT_TRUE(message(admin(u"SetStoreProperties"_s,
                              {{u"id"_s, newId}, {u"indexPath"_s, u"/srv/index"_s}}))
                    .contains(u"disabled"_s));
    ASSERT_EQ(status(admin(u"SetStoreRequestedState"_s,
                           {{u"id"_s, newId}, {u"requestedState"_s, u"disabled"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(status(admin(u"SetStoreProperties"_s,
                           {{u"id"_s, newId}, {u"indexPath"_s, u"/srv/index"_s}})),
              u"succeeded"_s);
    EXPECT_TRUE(message(admin(u"SetStoreProperties"_s,
                              {{u"id"_s, newId}, {u"contentPath"_s, u"/srv/content"_s}}))
                    .contains(u"does not apply"_s));
    EXPECT_EQ(connection()
                  .exec(u"SELECT count(*) FROM audit_log WHERE event IN ('FileGroupDetach', "
                        "'FileGroupAttach', 'FileGroupSetProperties')"_s)
                  ->toInt64(0, 0),
              3);
}

TEST_F(StoreMaintenanceTest, AStoreWhoseSchemaIsGoneIsReportedAndRetried)
{
    const int second = createCurrentStore(u"Second"_s);
    const Core::StoreRecord lost = storeNamed(u"Second"_s);
    ASSERT_TRUE(
        connection().exec(u"ALTER SCHEMA %1 RENAME TO hidden_store"_s.arg(lost.schemaName())).ok());
    QJsonArray opened = admin(u"RetryOpenStores"_s)[u"result"_s].toArray();
    bool sawError = false;
    for (const QJsonValue &store : opened) {
        if (store[u"id"_s].toInt() == second) {
            sawError = store[u"status"_s].toString() == u"error"_s;
            EXPECT_TRUE(store[u"error"_s].toString().contains(u"missing"_s));
        }
    }
    EXPECT_TRUE(sawError);
    EXPECT_TRUE(message(admin(u"ImportEmailFiles"_s,
                              {{u"userName"_s, u"alice"_s}, {u"path"_s, fixture(u"koi8r.eml"_s)}}))
                    .contains(u"cannot be opened"_s));
    ASSERT_TRUE(
        connection().exec(u"ALTER SCHEMA hidden_store RENAME TO %1"_s.arg(lost.schemaName())).ok());
    opened = admin(u"RetryOpenStores"_s)[u"result"_s].toArray();
    for (const QJsonValue &store : opened)
        EXPECT_NE(store[u"status"_s].toString(), u"error"_s);
    EXPECT_EQ(importMany(fixture(u"koi8r.eml"_s))[u"archived"_s].toInt(), 1);
}

TEST_F(StoreMaintenanceTest, TransferCopiesMailOnceAndKeepsArchiveDates)
{
    importMany(fixture(u"several.mbox"_s));
    importMany(fixture(u"rfc2047.eml"_s));
    const QJsonArray before = listed();
    const int count = static_cast<int>(before.size());
    ASSERT_GE(count, 4);
    const Core::StoreRecord source = current();
    const int target = createCurrentStore(u"Target"_s);

    const QJsonObject moved =
        admin(u"TransferStores"_s, {{u"sourceStores"_s, QString::number(source.id)}});
    ASSERT_EQ(status(moved), u"succeeded"_s) << message(moved).toStdString();
    EXPECT_EQ(moved[u"result"_s][u"targetStore"_s].toInt(), target) << "the current store";
    EXPECT_EQ(moved[u"result"_s][u"copied"_s].toInt(), count);
    const QJsonObject again = admin(u"MergeStore"_s, {{u"id"_s, QString::number(target)},
                                                      {u"sourceId"_s, QString::number(source.id)}});
    ASSERT_EQ(status(again), u"succeeded"_s) << message(again).toStdString();
    EXPECT_EQ(again[u"result"_s][u"copied"_s].toInt(), 0);
    EXPECT_EQ(again[u"result"_s][u"alreadyPresent"_s].toInt(), count);

    ASSERT_EQ(status(admin(u"SetStoreRequestedState"_s, {{u"id"_s, QString::number(source.id)},
                                                         {u"requestedState"_s, u"disabled"_s}})),
              u"succeeded"_s);
    const QJsonArray after = listed();
    ASSERT_EQ(after.size(), count);
    QHash<QString, QString> archivedAt; // sha256 -> archive date, before the transfer
    for (const QJsonValue &row : before)
        archivedAt.insert(row[u"sha256"_s].toString(), row[u"archivedAt"_s].toString());
    for (const QJsonValue &row : after) {
        EXPECT_TRUE(row[u"id"_s].toString().startsWith(QString::number(target) + u':'));
        EXPECT_EQ(row[u"archivedAt"_s].toString(), archivedAt.value(row[u"sha256"_s].toString()));
        const QJsonObject content =
            admin(u"GetMessageContent"_s, {{u"id"_s, row[u"id"_s].toString()}});
        const QByteArray raw =
            QByteArray::fromBase64(content[u"result"_s][u"raw"_s].toString().toLatin1());
        EXPECT_EQ(QCryptographicHash::hash(raw, QCryptographicHash::Sha256).toHex(),
                  row[u"sha256"_s].toString().toLatin1());
    }
    EXPECT_TRUE(message(admin(u"TransferStores"_s, {{u"sourceStores"_s, u"1,x"_s}}))
                    .contains(u"comma-separated"_s));
    EXPECT_TRUE(message(admin(u"TransferStores"_s, {{u"sourceStores"_s, QString::number(target)},
                                                    {u"targetStore"_s, QString::number(target)}}))
                    .contains(u"both source and target"_s));
}

TEST_F(StoreMaintenanceTest, TransferResumesAfterTheStartIndex)
{
    importMany(fixture(u"several.mbox"_s));
    const Core::StoreRecord source = current();
    auto ids =
        connection().exec(u"SELECT id FROM %1.messages ORDER BY id"_s.arg(source.schemaName()));
    ASSERT_TRUE(ids.ok());
    ASSERT_GE(ids->rowCount(), 3);
    const QString startIndex = u"%1:%2"_s.arg(source.id).arg(ids->toInt64(0, 0));
    createCurrentStore(u"Target"_s);
    const QJsonObject resumed =
        admin(u"TransferStores"_s,
              {{u"sourceStores"_s, QString::number(source.id)}, {u"startIndex"_s, startIndex}});
    ASSERT_EQ(status(resumed), u"succeeded"_s) << message(resumed).toStdString();
    EXPECT_EQ(resumed[u"result"_s][u"copied"_s].toInt(), ids->rowCount() - 1)
        << "everything after the start index, nothing before it";
    EXPECT_TRUE(message(admin(u"TransferStores"_s, {{u"sourceStores"_s, QString::number(source.id)},
                                                    {u"startIndex"_s, u"77:1"_s}}))
                    .contains(u"not a source"_s));
}

TEST_F(StoreMaintenanceTest, ANewMonthStartsANewStoreAndDuplicatesAreFoundAcrossStores)
{
    const QJsonObject first = importMany(fixture(u"several.mbox"_s));
    const int count = first[u"archived"_s].toInt();
    ASSERT_GT(count, 0);
    const Core::StoreRecord before = current();
    m_clock.advance(32LL * 24 * 3600 * 1000);
    const QJsonObject again = importMany(fixture(u"several.mbox"_s));
    const Core::StoreRecord after = current();
    EXPECT_NE(after.id, before.id) << "a new month, a new current store";
    EXPECT_EQ(after.name, m_clock.now().toString(u"yyyy-MM"_s));
    EXPECT_EQ(again[u"archived"_s].toInt(), 0) << "the mail in the older store counts";
    EXPECT_EQ(again[u"alreadyArchived"_s].toInt(), count);

    // With a size threshold the store rolls over when it is full, not by month.
    ASSERT_EQ(status(admin(u"SetStoreAutoCreateConfiguration"_s,
                           {{u"config"_s, u"{\"sizeThreshold\": 1}"_s}})),
              u"succeeded"_s);
    importMany(fixture(u"koi8r.eml"_s));
    EXPECT_EQ(current().id, after.id) << "far from 1 MB yet";
    ASSERT_TRUE(connection()
                    .exec(u"INSERT INTO %1.contents (sha256, sealed, raw_size) SELECT "
                          "sha256(g::text::bytea), gen_random_bytes(2048), 2048 FROM "
                          "generate_series(1, 1000) g"_s.arg(after.schemaName()))
                    .ok() ||
                connection()
                    .exec(u"INSERT INTO %1.contents (sha256, sealed, raw_size) SELECT "
                          "sha256(g::text::bytea), decode(repeat(md5(g::text), 64), 'hex'), "
                          "2048 FROM generate_series(1, 1000) g"_s.arg(after.schemaName()))
                    .ok());
    importMany(fixture(u"rfc2047.eml"_s));
    EXPECT_NE(current().id, after.id) << "the full store made way for a new one";
}

} // namespace
