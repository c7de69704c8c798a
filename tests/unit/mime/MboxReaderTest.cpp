#include "mime/MboxReader.h"

#include "MimeTestData.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <vector>

using namespace Mailkeep;
using namespace Mailkeep::Mime;
using namespace Qt::Literals::StringLiterals;

namespace {

// Every message of the file, failing the test on a read error.
QList<MboxMessage> readAll(MboxReader &reader)
{
    QList<MboxMessage> messages;
    while (true) {
        auto next = reader.next();
        EXPECT_TRUE(next.ok()) << next.error().toString().toStdString();
        if (!next.ok() || !next->has_value())
            return messages;
        messages.append(std::move(**next));
    }
}

QList<MboxMessage> readFile(const QString &path, qint64 offset = 0)
{
    MboxReader reader;
    const Status opened = reader.open(path, offset);
    EXPECT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    return readAll(reader);
}

QString writeTemp(const QTemporaryDir &dir, const char *name, const QByteArray &content)
{
    const QString path = dir.filePath(QString::fromUtf8(name));
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    return path;
}

const QByteArray kFirst = "From: alice@example.org\nSubject: First\n\nFirst body.\n";
const QByteArray kSecond = "From: bob@example.org\nSubject: Second\n\nA quoted line follows:\n"
                           "From the archive, with love.\n>From a doubly quoted line.\n"
                           "From inside a paragraph is not a separator.\n"
                           ">Fromage is not quoting.\n";
const QByteArray kThird =
    "From: carol@example.org\nSubject: Third\n\nThird body, last in the file.\n";

} // namespace

TEST(MboxReader, SplitsMessagesWithOffsetsAndUndoesMboxrdQuoting)
{
    const QByteArray file = MimeTestData::read("several.mbox");
    const QList<MboxMessage> messages = readFile(MimeTestData::path("several.mbox"));
    ASSERT_EQ(messages.size(), 3);
    EXPECT_EQ(messages[0].raw, kFirst);
    EXPECT_EQ(messages[1].raw, kSecond);
    EXPECT_EQ(messages[2].raw, kThird);
    EXPECT_EQ(messages[0].fromLine, "From alice@example.org Mon Jan  1 10:00:00 2024");
    EXPECT_EQ(messages[1].fromLine, "From bob@example.org Mon Jan  1 11:00:00 2024");

    EXPECT_EQ(messages[0].offset, 0);
    EXPECT_EQ(messages[1].offset, file.indexOf("From bob@"));
    EXPECT_EQ(messages[2].offset, file.indexOf("From carol@"));
    EXPECT_EQ(messages[0].endOffset, messages[1].offset);
    EXPECT_EQ(messages[1].endOffset, messages[2].offset);
    EXPECT_EQ(messages[2].endOffset, file.size());
    for (const MboxMessage &message : messages)
        EXPECT_FALSE(message.missingFromLine);
}

TEST(MboxReader, ResumesFromAnEndOffset)
{
    const QString path = MimeTestData::path("several.mbox");
    const QList<MboxMessage> all = readFile(path);
    ASSERT_EQ(all.size(), 3);
    const QList<MboxMessage> rest = readFile(path, all[0].endOffset);
    ASSERT_EQ(rest.size(), 2);
    EXPECT_EQ(rest[0].raw, kSecond);
    EXPECT_EQ(rest[0].offset, all[1].offset);
    EXPECT_EQ(rest[1].raw, kThird);
    EXPECT_TRUE(readFile(path, all[2].endOffset).isEmpty());

    MboxReader reader;
    EXPECT_FALSE(reader.open(path, all[2].endOffset + 1).ok());
    EXPECT_FALSE(reader.next().ok()); // not open
}

TEST(MboxReader, HandlesCrlfFiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QByteArray crlf = MimeTestData::read("several.mbox");
    crlf.replace("\n", "\r\n");
    const QList<MboxMessage> messages = readFile(writeTemp(dir, "crlf.mbox", crlf));
    ASSERT_EQ(messages.size(), 3);
    EXPECT_EQ(messages[0].raw, QByteArray(kFirst).replace("\n", "\r\n"));
    EXPECT_EQ(messages[1].raw, QByteArray(kSecond).replace("\n", "\r\n"));
    EXPECT_EQ(messages[2].raw, QByteArray(kThird).replace("\n", "\r\n"));
    EXPECT_EQ(messages[0].fromLine, "From alice@example.org Mon Jan  1 10:00:00 2024");
    EXPECT_EQ(messages[2].endOffset, crlf.size());
}

TEST(MboxReader, EmptyFileHasNoMessages)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    EXPECT_TRUE(readFile(writeTemp(dir, "empty.mbox", {})).isEmpty());
    EXPECT_TRUE(readFile(writeTemp(dir, "blank.mbox", "\n\r\n\n")).isEmpty());
}

TEST(MboxReader, KeepsContentBeforeTheFirstSeparatorAsFlaggedMessage)
{
    const QList<MboxMessage> messages = readFile(MimeTestData::path("no-from-line.mbox"));
    ASSERT_EQ(messages.size(), 2);
    EXPECT_TRUE(messages[0].missingFromLine);
    EXPECT_TRUE(messages[0].fromLine.isEmpty());
    EXPECT_EQ(messages[0].raw, "Subject: Leading message without separator\n\nLeading body.\n");
    EXPECT_FALSE(messages[1].missingFromLine);
    EXPECT_EQ(messages[1].raw, "Subject: After\n\nAfter body.\n");

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QList<MboxMessage> blankLead = readFile(
        writeTemp(dir, "lead.mbox", "\n\nFrom a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nb\n"));
    ASSERT_EQ(blankLead.size(), 1);
    EXPECT_FALSE(blankLead[0].missingFromLine);
    EXPECT_EQ(blankLead[0].offset, 2);
}

TEST(MboxReader, ReturnsATruncatedLastMessageAsItIs)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QList<MboxMessage> messages = readFile(writeTemp(
        dir, "cut.mbox", "From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody without newl"));
    ASSERT_EQ(messages.size(), 1);
    EXPECT_EQ(messages[0].raw, "Subject: x\n\nbody without newl");
}

TEST(MboxReader, RecognisesMboxHeads)
{
    EXPECT_TRUE(MboxReader::looksLikeMbox(MimeTestData::read("several.mbox").left(200)));
    EXPECT_TRUE(MboxReader::looksLikeMbox("From MAILER-DAEMON Fri Apr 06 12:00:00 2001\n"));
    EXPECT_FALSE(MboxReader::looksLikeMbox(MimeTestData::read("rfc2047.eml")));
    EXPECT_FALSE(MboxReader::looksLikeMbox("From: someone@example.org\nSubject: x\n"));
    EXPECT_FALSE(MboxReader::looksLikeMbox("From \n"));
    EXPECT_FALSE(MboxReader::looksLikeMbox("From me to you, a letter\nDear friend,\n"));
    EXPECT_FALSE(MboxReader::looksLikeMbox(QByteArray()));
}

TEST(MboxReader, StreamsLargeFilesWithBoundedMemory)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(u"large.mbox"_s);
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));

    // ~20 MB: 150 messages of ~100 KB, one of 4 MB, and one with a 1 MB line without breaks.
    std::vector<qint64> expectedSizes;
    const QByteArray line = QByteArray(90, 'x') + '\n';
    for (int m = 0; m < 152; ++m) {
        QByteArray message = "Subject: message " + QByteArray::number(m) + "\n\n";
        if (m == 75) {
            message += QByteArray(1024 * 1024, 'y') + '\n';
        } else {
            const int lines = m == 100 ? 4 * 1024 * 1024 / line.size() : 1100;
            for (int i = 0; i < lines; ++i)
                message += (i % 500 == 7) ? QByteArray("From the middle of a paragraph\n") : line;
        }
        file.write("From generator@example.org Mon Jan  1 00:00:00 2024\n");
        file.write(message);
        file.write("\n");
        expectedSizes.push_back(message.size());
    }
    file.close();
    ASSERT_GT(file.size(), 19 * 1024 * 1024);

    MboxReader reader;
    ASSERT_TRUE(reader.open(path).ok());
    size_t count = 0;
    qint64 previousEnd = 0;
    qsizetype maxBuffered = 0;
    while (true) {
        auto next = reader.next();
        ASSERT_TRUE(next.ok());
        if (!next->has_value())
            break;
        const MboxMessage &message = **next;
        ASSERT_LT(count, expectedSizes.size());
        EXPECT_EQ(message.raw.size(), expectedSizes[count]) << "message " << count;
        EXPECT_LE(message.raw.size(), message.endOffset - message.offset);
        EXPECT_EQ(message.offset, previousEnd);
        const QByteArray subject = "Subject: message " + QByteArray::number(qint64(count)) + '\n';
        EXPECT_TRUE(message.raw.startsWith(subject));
        previousEnd = message.endOffset;
        maxBuffered = qMax(maxBuffered, reader.bufferedBytes());
        ++count;
    }
    EXPECT_EQ(count, expectedSizes.size());
    EXPECT_EQ(previousEnd, file.size());
    EXPECT_LE(maxBuffered, 256 * 1024); // chunks, not messages
}
