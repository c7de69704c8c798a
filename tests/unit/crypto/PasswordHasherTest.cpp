#include "crypto/PasswordHasher.h"

#include "crypto/SecureRandom.h"

#include <QSet>

#include <gtest/gtest.h>

using namespace Mailkeep::Crypto;
using namespace Qt::Literals::StringLiterals;

TEST(PasswordHasher, HashesWithArgon2idAndVerifies)
{
    const auto hash = PasswordHasher::hash(u"correct horse \u00e4\u00f6\u00fc"_s);
    ASSERT_TRUE(hash.ok());
    EXPECT_TRUE(hash->startsWith(u"$argon2id$"_s));
    EXPECT_TRUE(PasswordHasher::verify(*hash, u"correct horse \u00e4\u00f6\u00fc"_s));
    EXPECT_FALSE(PasswordHasher::verify(*hash, u"correct horse aou"_s));
    EXPECT_FALSE(PasswordHasher::verify(*hash, QString()));
    EXPECT_FALSE(PasswordHasher::needsRehash(*hash));
}

TEST(PasswordHasher, SamePasswordGetsDifferentSalts)
{
    const auto first = PasswordHasher::hash(u"pw"_s);
    const auto second = PasswordHasher::hash(u"pw"_s);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(*first, *second);
}

TEST(PasswordHasher, MalformedHashesNeverVerify)
{
    EXPECT_FALSE(PasswordHasher::verify(QString(), u"x"_s));
    EXPECT_FALSE(PasswordHasher::verify(u"$argon2id$garbage"_s, u"x"_s));
    EXPECT_FALSE(PasswordHasher::verify(QString(500, u'a'), u"x"_s));
}

TEST(SecureRandom, TokensAreUrlSafeLongAndDistinct)
{
    QSet<QString> seen;
    for (int i = 0; i < 200; ++i) {
        const QString token = SecureRandom::token();
        EXPECT_EQ(token.size(), 43); // 32 bytes, Base64 without padding
        EXPECT_FALSE(token.contains(u'+') || token.contains(u'/') || token.contains(u'='));
        seen.insert(token);
    }
    EXPECT_EQ(seen.size(), 200);
}

TEST(SecureRandom, PasswordsAvoidLookAlikes)
{
    const QString password = SecureRandom::password(200);
    EXPECT_EQ(password.size(), 200);
    for (QChar c : u"0O1lI"_s)
        EXPECT_FALSE(password.contains(c)) << c.toLatin1();
}
