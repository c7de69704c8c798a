// mboxrd entries: quoting of "From " lines, and the round trip through the MboxReader.
#include "mime/MboxWriter.h"

#include "mime/MboxReader.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep::Mime;
using namespace Qt::Literals::StringLiterals;

TEST(MboxWriterTest, FromLinesAreQuotedOneLevelDeeper)
{
    const QByteArray entry = mboxrdEntry("Subject: x\n\nFrom here on\n>From quoted\nlast",
                                         QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC));
    EXPECT_TRUE(entry.startsWith("From MAILER-DAEMON Sun Mar 1 10:00:00 2026\n"));
    EXPECT_TRUE(entry.contains("\n>From here on\n"));
    EXPECT_TRUE(entry.contains("\n>>From quoted\n"));
    EXPECT_FALSE(entry.contains("\nFrom here")) << "no line of the message starts a new entry";
    EXPECT_TRUE(entry.endsWith("last\n\n"));
}

TEST(MboxWriterTest, TheReaderGivesBackTheBytesWritten)
{
    const QList<QByteArray> messages{
        "From: a@example.org\r\nSubject: one\r\n\r\nFrom the start\r\n>From quoted\r\n",
        "From: b@example.org\nSubject: two\n\nbody without a final newline\n"};
    QTemporaryDir folder;
    const QString path = folder.filePath(u"out.mbox"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    for (const QByteArray &message : messages)
        file.write(mboxrdEntry(message));
    file.close();
    MboxReader reader;
    ASSERT_TRUE(reader.open(path).ok());
    for (const QByteArray &expected : messages) {
        auto next = reader.next();
        ASSERT_TRUE(next.ok() && next->has_value());
        EXPECT_EQ((*next)->raw, expected);
    }
    auto end = reader.next();
    ASSERT_TRUE(end.ok());
    EXPECT_FALSE(end->has_value());
}
