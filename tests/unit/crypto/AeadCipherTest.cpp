#include "crypto/AeadCipher.h"

#include "crypto/RecoveryKey.h"
#include "crypto/SecureRandom.h"

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Crypto;
using namespace Qt::Literals::StringLiterals;

TEST(AeadCipher, SealsAndOpensWithAssociatedData)
{
    const QByteArray key = SecureRandom::bytes(32);
    const QByteArray message("Subject: Quarterly figures\r\n\r\nConfidential.\r\n");
    const auto sealed = AeadCipher::seal(key, message, "store:1");
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->size(), message.size() + AeadCipher::kOverheadBytes);
    EXPECT_FALSE(sealed->contains("Quarterly"));
    const auto opened = AeadCipher::open(key, *sealed, "store:1");
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(*opened, message);
}

TEST(AeadCipher, EverySealUsesAFreshNonce)
{
    const QByteArray key = SecureRandom::bytes(32);
    EXPECT_NE(AeadCipher::seal(key, "same").value(), AeadCipher::seal(key, "same").value());
}

TEST(AeadCipher, EmptyAndLargePlaintexts)
{
    const QByteArray key = SecureRandom::bytes(32);
    EXPECT_EQ(AeadCipher::open(key, AeadCipher::seal(key, {}).value()).value(), QByteArray());
    const QByteArray large = SecureRandom::bytes(8 * 1024 * 1024);
    EXPECT_EQ(AeadCipher::open(key, AeadCipher::seal(key, large).value()).value(), large);
}

TEST(AeadCipher, AnyChangeOrWrongContextIsRefused)
{
    const QByteArray key = SecureRandom::bytes(32);
    const QByteArray sealed = AeadCipher::seal(key, "payload", "store:1").value();
    for (qsizetype i = 0; i < sealed.size(); ++i) {
        QByteArray altered = sealed;
        altered[i] = static_cast<char>(altered.at(i) ^ 0x01);
        EXPECT_FALSE(AeadCipher::open(key, altered, "store:1").ok()) << "byte " << i;
    }
    EXPECT_FALSE(AeadCipher::open(key, sealed, "store:2").ok());
    EXPECT_FALSE(AeadCipher::open(SecureRandom::bytes(32), sealed, "store:1").ok());
    EXPECT_FALSE(AeadCipher::open(key, sealed.left(10), "store:1").ok());
    EXPECT_EQ(AeadCipher::seal("short", "x").error().code, ErrorCode::InvalidArgument);
}

TEST(RecoveryKey, FormatAndNormalisation)
{
    const QString key = RecoveryKey::generate();
    EXPECT_EQ(key.size(), 29);
    EXPECT_EQ(key.count(u'-'), 4);
    for (QChar c : u"01ILOU"_s)
        EXPECT_FALSE(key.contains(c));
    const QString typed = key.toLower().remove(u'-').insert(7, u"  ");
    EXPECT_EQ(RecoveryKey::normalise(typed).value(), key);
    EXPECT_TRUE(RecoveryKey::normalise(u"ABCDE-FGHJK"_s).error().message.contains(u"25"_s));
    EXPECT_TRUE(RecoveryKey::normalise(u"ABCDE-FGHJK-MNPQR-STVWX-YZ230"_s)
                    .error()
                    .message.contains(u"\"0\""_s));
}

TEST(RecoveryKey, DerivationDependsOnKeyAndSalt)
{
    const QString key = RecoveryKey::generate();
    const QByteArray salt = SecureRandom::bytes(RecoveryKey::kSaltBytes);
    const auto first = RecoveryKey::deriveWrappingKey(key, salt);
    ASSERT_TRUE(first.ok());
    EXPECT_EQ(first->size(), 32);
    EXPECT_EQ(RecoveryKey::deriveWrappingKey(key.toLower(), salt).value(), *first);
    EXPECT_NE(RecoveryKey::deriveWrappingKey(key, SecureRandom::bytes(16)).value(), *first);
    EXPECT_NE(RecoveryKey::deriveWrappingKey(RecoveryKey::generate(), salt).value(), *first);
    EXPECT_FALSE(RecoveryKey::deriveWrappingKey(key, "short").ok());
}
