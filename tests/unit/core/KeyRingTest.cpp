#include "core/KeyRing.h"

#include "FakeUserStore.h"
#include "core/ContentCodec.h"
#include "crypto/SecureRandom.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

namespace {

class KeyRingTest : public ::testing::Test
{
protected:
    QString keyFile() const { return m_folder.filePath(u"master.key"_s); }
    QTemporaryDir m_folder;
    FakeUserStore m_properties;
};

} // namespace

TEST_F(KeyRingTest, FirstOpenCreatesKeyFileAndRecoveryKeyOnce)
{
    KeyRing ring(m_properties, keyFile());
    const auto recovery = ring.open();
    ASSERT_TRUE(recovery.ok()) << recovery.error().toString().toStdString();
    ASSERT_TRUE(recovery->has_value());
    EXPECT_EQ(recovery->value().size(), 29);
    EXPECT_TRUE(ring.isUnlocked());
    EXPECT_EQ(QFile::permissions(keyFile()) & (QFile::ReadGroup | QFile::ReadOther),
              QFile::Permissions());
    // The database never holds the master key itself, only a check value and a wrapped copy.
    QFile file(keyFile());
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray keyBase64 = file.readAll().split('\n').value(1);
    ASSERT_EQ(QByteArray::fromBase64(keyBase64).size(), 32);
    EXPECT_EQ(m_properties.properties.size(), 2);
    for (const QString &value : std::as_const(m_properties.properties))
        EXPECT_FALSE(value.contains(QString::fromLatin1(keyBase64)));

    KeyRing again(m_properties, keyFile());
    const auto second = again.open();
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->has_value()) << "the recovery key is shown only once";
    EXPECT_TRUE(again.isUnlocked());
}

TEST_F(KeyRingTest, WrappedKeysOpenOnlyInTheirContextAndAcrossRestarts)
{
    KeyRing ring(m_properties, keyFile());
    ASSERT_TRUE(ring.open().ok());
    const QByteArray dataKey = Crypto::SecureRandom::bytes(32);
    const QByteArray wrapped = ring.wrapKey(dataKey, u"store:1"_s).value();
    EXPECT_FALSE(ring.unwrapKey(wrapped, u"store:2"_s).ok());
    KeyRing restarted(m_properties, keyFile());
    ASSERT_TRUE(restarted.open().ok());
    EXPECT_EQ(restarted.unwrapKey(wrapped, u"store:1"_s).value(), dataKey);
}

TEST_F(KeyRingTest, LostKeyFileIsRecoveredWithTheRecoveryKey)
{
    KeyRing ring(m_properties, keyFile());
    const QString recovery = ring.open().value().value();
    const QByteArray wrapped =
        ring.wrapKey("0123456789abcdef0123456789abcdef", u"store:1"_s).value();
    ASSERT_TRUE(QFile::remove(keyFile()));

    KeyRing locked(m_properties, keyFile());
    const auto opened = locked.open();
    ASSERT_TRUE(opened.ok());
    EXPECT_FALSE(locked.isUnlocked());
    EXPECT_EQ(locked.unwrapKey(wrapped, u"store:1"_s).error().code, ErrorCode::PermissionDenied);
    EXPECT_EQ(locked.unlock(Crypto::SecureRandom::token().left(29)).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(locked.unlock(u"ABCDE-FGHJK-MNPQR-STVWX-YZ234"_s).error().code,
              ErrorCode::PermissionDenied);
    ASSERT_TRUE(locked.unlock(recovery.toLower()).ok());
    EXPECT_TRUE(locked.isUnlocked());
    EXPECT_TRUE(QFile::exists(keyFile()));
    EXPECT_EQ(locked.unwrapKey(wrapped, u"store:1"_s).value(),
              QByteArray("0123456789abcdef0123456789abcdef"));
}

TEST_F(KeyRingTest, ForeignKeyFileIsRefused)
{
    KeyRing ring(m_properties, keyFile());
    ASSERT_TRUE(ring.open().ok());
    FakeUserStore otherDatabase;
    KeyRing other(otherDatabase, m_folder.filePath(u"other.key"_s));
    ASSERT_TRUE(other.open().ok());
    ASSERT_TRUE(QFile::remove(keyFile()));
    ASSERT_TRUE(QFile::copy(m_folder.filePath(u"other.key"_s), keyFile()));
    KeyRing confused(m_properties, keyFile());
    const auto opened = confused.open();
    ASSERT_FALSE(opened.ok());
    EXPECT_TRUE(opened.error().message.contains(u"does not belong"_s));
}

TEST_F(KeyRingTest, ReplacedRecoveryKeyRetiresTheOldOne)
{
    KeyRing ring(m_properties, keyFile());
    const QString first = ring.open().value().value();
    const QString second = ring.replaceRecoveryKey().value();
    EXPECT_NE(first, second);
    ASSERT_TRUE(QFile::remove(keyFile()));
    KeyRing locked(m_properties, keyFile());
    ASSERT_TRUE(locked.open().ok());
    EXPECT_FALSE(locked.unlock(first).ok());
    EXPECT_TRUE(locked.unlock(second).ok());
}

TEST(ContentCodec, RoundTripsCompressesAndHidesContent)
{
    const QByteArray key = Crypto::SecureRandom::bytes(32);
    QByteArray message = "Subject: Budget 2027\r\nFrom: a@example.org\r\n\r\n";
    for (int i = 0; i < 500; ++i)
        message += "The budget line " + QByteArray::number(i % 7) + " stays as planned.\r\n";
    const auto stored = ContentCodec::encode(message, key, "store:1:abc");
    ASSERT_TRUE(stored.ok());
    EXPECT_LT(stored->size(), message.size() / 4);
    EXPECT_FALSE(stored->contains("Budget"));
    EXPECT_EQ(ContentCodec::decode(*stored, key, "store:1:abc").value(), message);
    EXPECT_FALSE(ContentCodec::decode(*stored, key, "store:2:abc").ok());
    EXPECT_FALSE(ContentCodec::decode(*stored, key, "store:1:abc", 100).ok());
    EXPECT_EQ(ContentCodec::decode(ContentCodec::encode({}, key, "e").value(), key, "e").value(),
              QByteArray());
}
