// Body text, attachments, structure defects, unparseable input, body hash, threads.
#include "MimeTestData.h"
#include "mime/MessageParser.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace Mailkeep::Mime;
using namespace Qt::Literals::StringLiterals;

namespace {

ParsedMessage parseFixture(const char *name)
{
    return MessageParser::parse(MimeTestData::read(name));
}

std::string defectsOf(const ParsedMessage &message)
{
    return message.defects.join(u"; "_s).toStdString();
}

void expectAllFieldsEmpty(const ParsedMessage &message)
{
    EXPECT_TRUE(message.subject.isEmpty());
    EXPECT_TRUE(message.from.isEmpty() && message.to.isEmpty() && message.cc.isEmpty());
    EXPECT_TRUE(message.messageId.isEmpty());
    EXPECT_FALSE(message.date.isValid());
    EXPECT_TRUE(message.bodyText.isEmpty());
    EXPECT_TRUE(message.attachments.isEmpty());
    EXPECT_TRUE(message.headerBlock.isEmpty());
    EXPECT_TRUE(message.bodyHash.isEmpty());
}

} // namespace

TEST(MessageParserBody, PlainTextWinsOverHtmlAlternative)
{
    const ParsedMessage message = parseFixture("alternative.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << defectsOf(message);
    EXPECT_EQ(message.bodyText, u"Plain version of the newsletter."_s);
    EXPECT_TRUE(message.hasHtml);
    EXPECT_FALSE(message.hasAttachments());
}

TEST(MessageParserBody, HtmlOnlyAlternativeIsConvertedToText)
{
    const ParsedMessage message = parseFixture("html-only.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << defectsOf(message);
    EXPECT_TRUE(message.hasHtml);
    EXPECT_EQ(message.bodyText, u"Hello World & friends\n\n\u2022 First\n\u2022 Second"_s);
    EXPECT_FALSE(message.bodyText.contains(u"Ignored title"_s));
    EXPECT_FALSE(message.bodyText.contains(u"alert"_s));
    EXPECT_FALSE(message.bodyText.contains(u"color"_s));
}

TEST(MessageParserBody, SinglePartHtmlIsConvertedToText)
{
    const ParsedMessage message =
        MessageParser::parse("Subject: html\nContent-Type: text/html; "
                             "charset=utf-8\n\n<div>Line&nbsp;one<br>two</div>\n");
    EXPECT_TRUE(message.hasHtml);
    EXPECT_EQ(message.bodyText, u"Line one\ntwo"_s);
}

TEST(MessageParserBody, HandsOutAttachmentBytesWhenAsked)
{
    const QByteArray raw = MimeTestData::read("attachments.eml");
    EXPECT_TRUE(MessageParser::parse(raw).attachments[1].content.isEmpty())
        << "not kept unless asked for";
    const ParsedMessage message = MessageParser::parseWithAttachments(raw);
    ASSERT_EQ(message.attachments.size(), 3);
    EXPECT_EQ(message.attachments[0].content.size(), 300);
    EXPECT_TRUE(message.attachments[0].content.startsWith(QByteArray("\x00\x07\x0e\x15", 4)))
        << "the base64 decoded";
    EXPECT_EQ(message.attachments[1].content.size(), 1000);
    EXPECT_EQ(message.attachments[2].content, QByteArray("name;value\nalpha;1\nbeta;2"));
    EXPECT_EQ(message.attachments[2].text, u"name;value\nalpha;1\nbeta;2"_s);

    EXPECT_EQ(message.attachments[0].contentId, u"logo@example.org"_s) << "for cid: links";
    EXPECT_TRUE(MessageParser::parse(MimeTestData::read("html-only.eml")).html.isEmpty());
    const ParsedMessage html =
        MessageParser::parseWithAttachments(MimeTestData::read("html-only.eml"));
    EXPECT_TRUE(html.html.contains(u"<"_s)) << "the HTML as written, for a reader";
    EXPECT_FALSE(html.bodyText.contains(u"<"_s));

    const ParsedMessage nested =
        MessageParser::parseWithAttachments(MimeTestData::read("nested.eml"));

    ASSERT_FALSE(nested.attachments.isEmpty());
    EXPECT_TRUE(nested.attachments[0].content.contains("Subject: Inner subject"));
}

TEST(MessageParserBody, ListsAttachmentsWithNamesTypesDecodedSizesAndDisposition)
{

    const ParsedMessage message = parseFixture("attachments.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << defectsOf(message);
    EXPECT_EQ(message.bodyText, u"See the logo and the files."_s);
    ASSERT_TRUE(message.hasAttachments());
    ASSERT_EQ(message.attachments.size(), 3);

    const AttachmentInfo &logo = message.attachments[0];
    EXPECT_EQ(logo.fileName, u"logo.png"_s);
    EXPECT_EQ(logo.contentType, u"image/png"_s);
    EXPECT_EQ(logo.decodedSize, 300); // base64 decoded, not the encoded length
    EXPECT_TRUE(logo.isInline);
    EXPECT_TRUE(logo.text.isEmpty());

    const AttachmentInfo &data = message.attachments[1];
    EXPECT_EQ(data.fileName, u"data.bin"_s);
    EXPECT_EQ(data.contentType, u"application/octet-stream"_s);
    EXPECT_EQ(data.decodedSize, 1000);
    EXPECT_FALSE(data.isInline);

    const AttachmentInfo &table = message.attachments[2];
    EXPECT_EQ(table.fileName, u"table.csv"_s);
    EXPECT_EQ(table.contentType, u"text/csv"_s);
    // The line break before a boundary belongs to the boundary (RFC 2046 5.1.1).
    EXPECT_EQ(table.decodedSize, 25);
    EXPECT_EQ(table.text, u"name;value\nalpha;1\nbeta;2"_s);
    EXPECT_FALSE(message.bodyText.contains(u"alpha"_s)); // attachment text is not body text
}

TEST(MessageParserBody, NestedMessageTextIsAppendedWithItsSubjectAndSender)
{
    const ParsedMessage message = parseFixture("nested.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << defectsOf(message);
    EXPECT_TRUE(message.bodyText.startsWith(u"See the forwarded message."_s));
    EXPECT_TRUE(message.bodyText.contains(u"Subject: Inner subject\n"_s))
        << message.bodyText.toStdString();
    EXPECT_TRUE(message.bodyText.contains(u"From: Inner Sender <inner@example.org>"_s));
    EXPECT_TRUE(message.bodyText.endsWith(u"Inner body text about the quarterly figures."_s));
    ASSERT_EQ(message.attachments.size(), 1);
    EXPECT_EQ(message.attachments[0].contentType, u"message/rfc822"_s);
    EXPECT_EQ(message.attachments[0].fileName, u"Inner subject.eml"_s);
    EXPECT_GT(message.attachments[0].decodedSize, 100);
    EXPECT_EQ(message.subject, u"Fwd: Inner subject"_s); // outer headers are not the inner ones
}

TEST(MessageParserBody, MissingClosingBoundaryIsDefectiveButKeepsText)
{
    const ParsedMessage message = parseFixture("missing-boundary.eml");
    EXPECT_EQ(message.status, ParseStatus::Defective);
    EXPECT_TRUE(message.defects.contains(u"missing MIME boundary"_s)) << defectsOf(message);
    EXPECT_TRUE(message.bodyText.contains(u"First part survives."_s));
    EXPECT_TRUE(message.bodyText.contains(u"Second part survives too."_s));
    EXPECT_EQ(message.subject, u"Missing closing boundary"_s);
}

TEST(MessageParserBody, EmptyInputIsUnparseable)
{
    const ParsedMessage message = MessageParser::parse(QByteArray());
    EXPECT_EQ(message.status, ParseStatus::Unparseable);
    EXPECT_FALSE(message.defects.isEmpty());
    EXPECT_EQ(message.size, 0);
    expectAllFieldsEmpty(message);
}

TEST(MessageParserBody, TextWithoutHeaderBlockIsUnparseable)
{
    const QByteArray raw = MimeTestData::read("no-headers.txt");
    const ParsedMessage message = MessageParser::parse(raw);
    EXPECT_EQ(message.status, ParseStatus::Unparseable);
    EXPECT_TRUE(message.defects.contains(u"no header block"_s)) << defectsOf(message);
    EXPECT_EQ(message.size, raw.size());
    expectAllFieldsEmpty(message);
}

TEST(MessageParserBody, BinaryGarbageIsUnparseableWithoutCrashing)
{
    QRandomGenerator random(20240101); // fixed seed: deterministic input
    for (int round = 0; round < 50; ++round) {
        QByteArray garbage(1 + random.bounded(4096), Qt::Uninitialized);
        for (char &byte : garbage)
            byte = char(random.bounded(256));
        garbage[0] = char(0x80 | random.bounded(128)); // never a header name character
        const ParsedMessage message = MessageParser::parse(garbage);
        EXPECT_EQ(message.status, ParseStatus::Unparseable) << "round " << round;
        EXPECT_EQ(message.size, garbage.size());
        expectAllFieldsEmpty(message);
    }
}

TEST(MessageParserBody, TruncatedMessagesNeverCrash)
{
    const QByteArray raw = MimeTestData::read("attachments.eml");
    for (qsizetype length = 1; length < raw.size(); length += 37) {
        const ParsedMessage message = MessageParser::parse(raw.left(length));
        EXPECT_EQ(message.size, length);
        if (length > 40) { // past the first header line
            EXPECT_NE(message.status, ParseStatus::Unparseable) << "length " << length;
        }
    }
}

TEST(MessageParserBody, MessageCutInsideItsHeadersKeepsWhatItHas)
{
    const ParsedMessage cutInValue = MessageParser::parse("From: a@example.org\nSubject: cut");
    EXPECT_EQ(cutInValue.status, ParseStatus::Defective);
    EXPECT_EQ(cutInValue.subject, u"cut"_s);
    EXPECT_EQ(cutInValue.headerBlock, "From: a@example.org\nSubject: cut");
    EXPECT_EQ(cutInValue.defects, QStringList{u"message ends inside its header block"_s});

    const ParsedMessage cutInName = MessageParser::parse("From: a@example.org\nSubj");
    EXPECT_EQ(cutInName.status, ParseStatus::Defective);
    ASSERT_EQ(cutInName.from.size(), 1);
    EXPECT_EQ(cutInName.from[0].address, u"a@example.org"_s);
    EXPECT_EQ(cutInName.bodyText, u"Subj"_s);
    EXPECT_TRUE(cutInName.defects.contains(u"header block ends in an invalid line"_s));
}

TEST(MessageParserBody, BodyHashIgnoresTransportHeadersAndEncoding)
{
    const ParsedMessage smtp = parseFixture("same-message-smtp.eml");
    const ParsedMessage graph = parseFixture("same-message-graph.eml");
    ASSERT_EQ(smtp.status, ParseStatus::Ok) << defectsOf(smtp);
    ASSERT_EQ(graph.status, ParseStatus::Ok) << defectsOf(graph);
    EXPECT_NE(smtp.headerBlock, graph.headerBlock);
    EXPECT_EQ(smtp.bodyHash.size(), 32);
    EXPECT_EQ(smtp.bodyHash, graph.bodyHash);
    EXPECT_EQ(smtp.messageId, graph.messageId);
    EXPECT_EQ(smtp.date, graph.date);

    QByteArray changed = MimeTestData::read("same-message-graph.eml");
    changed.replace("RGVhciB0ZWFt", "RGVhciBUZWFt"); // base64 of "Dear team" -> "Dear Team"
    const ParsedMessage different = MessageParser::parse(changed);
    EXPECT_TRUE(different.bodyText.startsWith(u"Dear Team"_s)) << different.bodyText.toStdString();
    EXPECT_NE(different.bodyHash, graph.bodyHash);
}

TEST(MessageParserBody, BodyHashNormalisesWhitespaceAndUnicode)
{
    EXPECT_EQ(MessageParser::bodyHash(u"  a \n\n b\t"_s), MessageParser::bodyHash(u"a b"_s));
    EXPECT_EQ(MessageParser::bodyHash(u"Cafe\u0301"_s), MessageParser::bodyHash(u"Caf\u00e9"_s));
    EXPECT_NE(MessageParser::bodyHash(u"a b"_s), MessageParser::bodyHash(u"ab"_s));
}

TEST(MessageParserBody, ParsesConcurrentlyFromSeveralThreads)
{
    const QList<QByteArray> inputs = {
        MimeTestData::read("attachments.eml"), MimeTestData::read("koi8r.eml"),
        MimeTestData::read("nested.eml"), MimeTestData::read("raw8bit-latin1.eml")};
    QList<ParsedMessage> expected;
    for (const QByteArray &raw : inputs)
        expected.append(MessageParser::parse(raw));

    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 100; ++i) {
                const qsizetype which = (t + i) % inputs.size();
                const ParsedMessage message = MessageParser::parse(inputs[which]);
                if (message.bodyText != expected[which].bodyText ||
                    message.subject != expected[which].subject ||
                    message.bodyHash != expected[which].bodyHash)
                    ++mismatches[t];
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (int t = 0; t < 4; ++t)
        EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}
