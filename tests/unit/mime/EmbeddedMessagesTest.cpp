// Attached messages cut out of the raw bytes: as written (7bit) or base64-decoded.
#include "mime/EmbeddedMessages.h"

#include <gtest/gtest.h>

using namespace Mailkeep::Mime;

TEST(EmbeddedMessagesTest, AttachedMessagesComeOutByteForByte)
{
    const QByteArray inner = "From: a@example.org\r\nSubject: inner\r\n\r\nbody\r\n";
    const QByteArray raw =
        "Subject: outer\r\nContent-Type: multipart/mixed;\r\n boundary=\"xy\"\r\n"
        "\r\npreamble\r\n--xy\r\nContent-Type: text/plain\r\n\r\nenvelope\r\n"
        "--xy\r\nContent-Type: message/rfc822\r\n\r\n" +
        inner +
        "\r\n--xy\r\nContent-Type: message/rfc822\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n" +
        inner.toBase64() + "\r\n--xy--\r\n";
    const QList<QByteArray> found = embeddedMessages(raw);
    ASSERT_EQ(found.size(), 2);
    EXPECT_EQ(found.at(0), inner);
    EXPECT_EQ(found.at(1), inner);
}

TEST(EmbeddedMessagesTest, PlainMessagesHoldNone)
{
    EXPECT_TRUE(embeddedMessages("Subject: x\r\n\r\n--xy\r\n").isEmpty());
    EXPECT_TRUE(embeddedMessages("Content-Type: multipart/mixed\r\n\r\nno boundary\r\n").isEmpty());
    EXPECT_TRUE(embeddedMessages(QByteArray()).isEmpty());
}
