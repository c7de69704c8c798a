// Header decoding: RFC 2047/2231, raw 8-bit bytes, charsets, dates and Message-IDs.
#include "MimeTestData.h"
#include "mime/MessageParser.h"

#include <gtest/gtest.h>

using namespace Mailkeep::Mime;
using namespace Qt::Literals::StringLiterals;

namespace {

ParsedMessage parseFixture(const char *name)
{
    return MessageParser::parse(MimeTestData::read(name));
}

} // namespace

TEST(MessageParserHeaders, DecodesRfc2047QAndBWordsInUtf8AndLatin1)
{
    const ParsedMessage message = parseFixture("rfc2047.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << message.defects.join(u"; "_s).toStdString();
    // Adjacent encoded words join without the whitespace between them (RFC 2047 6.2).
    EXPECT_EQ(message.subject, u"Grüße aus Köln - Café"_s);
    ASSERT_EQ(message.from.size(), 1);
    EXPECT_EQ(message.from[0].name, u"Jürgen Müller"_s);
    EXPECT_EQ(message.from[0].address, u"juergen@example.org"_s);
    ASSERT_EQ(message.to.size(), 2);
    EXPECT_EQ(message.to[0].name, u"François Château"_s);
    EXPECT_EQ(message.to[1], (Address{QString(), u"plain@example.com"_s}));
    ASSERT_EQ(message.cc.size(), 1);
    EXPECT_EQ(message.cc[0].name, u"Team"_s);
    EXPECT_EQ(message.messageId, u"rfc2047.1@example.org"_s);
    EXPECT_EQ(message.date, QDateTime(QDate(2024, 1, 15), QTime(13, 30), Qt::UTC));
    EXPECT_FALSE(message.dateFromReceived);
    EXPECT_TRUE(message.headerBlock.startsWith("From: =?UTF-8?B?"));
    EXPECT_TRUE(message.headerBlock.endsWith("charset=us-ascii\n"));
    EXPECT_EQ(message.size, MimeTestData::read("rfc2047.eml").size());
}

TEST(MessageParserHeaders, ToleratesMalformedEncodedWords)
{
    const ParsedMessage message = MessageParser::parse(
        "Subject: =?utf-8?Q?Hello World?= x =?utf-8?B?SGVsbG8=?=text pre=?iso-8859-1?q?caf=E9?=\n"
        "\nbody\n");
    // A space inside a Q word, no whitespace around words: decoded all the same.
    EXPECT_EQ(message.subject, u"Hello World x Hellotext precafé"_s);
    EXPECT_NE(message.status, ParseStatus::Unparseable);
}

TEST(MessageParserHeaders, DecodesRfc2231FileNamesWithContinuationsAndCharsets)
{
    const ParsedMessage message = parseFixture("rfc2231.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << message.defects.join(u"; "_s).toStdString();
    ASSERT_EQ(message.attachments.size(), 2);
    EXPECT_EQ(message.attachments[0].fileName, u"Grüße und Bericht 2024.pdf"_s);
    EXPECT_EQ(message.attachments[0].contentType, u"application/pdf"_s);
    EXPECT_EQ(message.attachments[0].decodedSize, 256 * 4 + 6);
    EXPECT_EQ(message.attachments[1].fileName, u"résumé.txt"_s);
    EXPECT_EQ(message.attachments[1].text.trimmed(), u"Le résumé du projet."_s);
}

TEST(MessageParserHeaders, ReadsRawUtf8HeaderBytes)
{
    const ParsedMessage message = parseFixture("raw8bit-utf8.eml");
    EXPECT_EQ(message.subject, u"Grüße aus Köln – ünïcödé"_s);
    ASSERT_EQ(message.from.size(), 1);
    EXPECT_EQ(message.from[0].name, u"Jürgen Müller"_s);
    ASSERT_EQ(message.to.size(), 1);
    EXPECT_EQ(message.to[0].name, u"Zoë"_s);
    EXPECT_EQ(message.bodyText, u"Schöne Grüße!"_s);
    EXPECT_NE(message.status, ParseStatus::Unparseable);
}

TEST(MessageParserHeaders, ReadsRawLatin1HeaderBytesWithoutLosingCharacters)
{
    const ParsedMessage message = parseFixture("raw8bit-latin1.eml");
    EXPECT_EQ(message.subject, u"Café crème à la française"_s);
    ASSERT_EQ(message.from.size(), 1);
    EXPECT_EQ(message.from[0].name, u"René Dupré"_s);
    EXPECT_EQ(message.from[0].address, u"rene@example.fr"_s);
    EXPECT_EQ(message.bodyText, u"Prêt à partir, garçon."_s);
    EXPECT_FALSE(message.subject.contains(u'?'));
    EXPECT_FALSE(message.subject.contains(QChar(QChar::ReplacementCharacter)));
}

TEST(MessageParserHeaders, DecodesKoi8rAndWindows1251Bodies)
{
    const QString expected = u"Привет, мир! Съешь же ещё этих мягких французских булок."_s;
    const ParsedMessage koi8 = parseFixture("koi8r.eml");
    EXPECT_EQ(koi8.status, ParseStatus::Ok) << koi8.defects.join(u"; "_s).toStdString();
    EXPECT_EQ(koi8.bodyText, expected);
    EXPECT_EQ(koi8.subject, u"Привет"_s);

    const ParsedMessage cp1251 = parseFixture("cp1251.eml");
    EXPECT_EQ(cp1251.status, ParseStatus::Ok) << cp1251.defects.join(u"; "_s).toStdString();
    EXPECT_EQ(cp1251.bodyText, expected);
}

TEST(MessageParserHeaders, BogusCharsetIsDecodedAnywayAndRecorded)
{
    const ParsedMessage message = parseFixture("bogus-charset.eml");
    EXPECT_EQ(message.status, ParseStatus::Defective);
    EXPECT_EQ(message.bodyText, u"Café crème for everyone."_s);
    EXPECT_EQ(message.subject, u"Café special"_s);
    EXPECT_TRUE(message.defects.contains(u"unknown charset x-bogus-charset"_s))
        << message.defects.join(u"; "_s).toStdString();
    EXPECT_TRUE(message.defects.contains(u"unknown charset x-bogus"_s));
}

TEST(MessageParserHeaders, MissingDateFallsBackToTopmostReceived)
{
    const ParsedMessage message = parseFixture("missing-date.eml");
    EXPECT_EQ(message.status, ParseStatus::Ok) << message.defects.join(u"; "_s).toStdString();
    EXPECT_TRUE(message.dateFromReceived);
    EXPECT_EQ(message.date, QDateTime(QDate(2024, 1, 2), QTime(9, 0), Qt::UTC));
}

TEST(MessageParserHeaders, InvalidDateIsADefectAndFallsBackToReceived)
{
    const ParsedMessage message = parseFixture("invalid-date.eml");
    EXPECT_EQ(message.status, ParseStatus::Defective);
    EXPECT_TRUE(message.defects.contains(u"invalid Date header"_s));
    EXPECT_TRUE(message.dateFromReceived);
    EXPECT_EQ(message.date, QDateTime(QDate(2024, 1, 3), QTime(12, 0), Qt::UTC));
}

TEST(MessageParserHeaders, NoDateAnywhereLeavesTheDateInvalid)
{
    const ParsedMessage message = MessageParser::parse("Subject: x\n\nbody\n");
    EXPECT_FALSE(message.date.isValid());
    EXPECT_FALSE(message.dateFromReceived);
}

TEST(MessageParserHeaders, KeepsMessageIdWithoutBracketsAsWritten)
{
    EXPECT_EQ(parseFixture("msgid-nobrackets.eml").messageId, u"abc.123@example.org"_s);
    EXPECT_EQ(
        MessageParser::parse("Message-ID:\n  <folded@example.org> (comment)\n\nx\n").messageId,
        u"folded@example.org"_s);
}

TEST(MessageParserHeaders, ToleratesLeadingMboxFromLine)
{
    const ParsedMessage message = MessageParser::parse(
        "From someone@example.org Mon Jan  1 10:00:00 2024\nSubject: after From_\n\nbody\n");
    EXPECT_EQ(message.subject, u"after From_"_s);
    EXPECT_EQ(message.headerBlock, "Subject: after From_\n");
    EXPECT_EQ(message.bodyText, u"body"_s);
}
