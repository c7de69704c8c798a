// Terms of the index: folding, CJK bigrams, addresses; and the query language built on them.
#include "core/TextTokenizer.h"

#include "core/SearchQueryParser.h"
#include "core/SearchSnippets.h"

#include <gtest/gtest.h>

using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

TEST(TextTokenizerTest, FoldsCaseAccentsAndUmlauts)
{
    EXPECT_EQ(TextTokenizer::terms(u"Müller MÜLLER muller"_s),
              (QStringList{u"muller"_s, u"muller"_s, u"muller"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"Straße Ærø Œuvre Łódź"_s),
              (QStringList{u"strasse"_s, u"aero"_s, u"oeuvre"_s, u"lodz"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"Élève à l'école"_s),
              (QStringList{u"eleve"_s, u"a"_s, u"l"_s, u"ecole"_s}));
    // Turkish dotted and dotless I meet at the plain i.
    EXPECT_EQ(TextTokenizer::terms(u"İstanbul ISTANBUL ıstanbul"_s),
              (QStringList{u"istanbul"_s, u"istanbul"_s, u"istanbul"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"Ελληνικά ΟΔΟΣ όδος"_s),
              (QStringList{u"ελληνικα"_s, u"οδοσ"_s, u"οδοσ"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"Ёлка ЁЛКА"_s), (QStringList{u"елка"_s, u"елка"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"ＡＢＣ１２３"_s), (QStringList{u"abc123"_s}))
        << "full-width forms are plain letters";
}

TEST(TextTokenizerTest, SplitsCjkIntoBigrams)
{
    EXPECT_EQ(TextTokenizer::terms(u"東京都"_s), (QStringList{u"東京"_s, u"京都"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"会議は明日"_s),
              (QStringList{u"会議"_s, u"議は"_s, u"は明"_s, u"明日"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"회의 일정"_s), (QStringList{u"회의"_s, u"일정"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"Meeting in 東京 today"_s),
              (QStringList{u"meeting"_s, u"in"_s, u"東京"_s, u"today"_s}));
    EXPECT_EQ(TextTokenizer::terms(u"日"_s), (QStringList{u"日"_s}));
}

TEST(TextTokenizerTest, KeepsAddressesWholeAndInParts)
{
    EXPECT_EQ(TextTokenizer::terms(u"Write to Jürgen.Müller@Example.org."_s),
              (QStringList{u"write"_s, u"to"_s, u"jurgen.muller@example.org"_s, u"jurgen.muller"_s,
                           u"example.org"_s, u"jurgen"_s, u"muller"_s, u"example"_s, u"org"_s}));
    EXPECT_TRUE(TextTokenizer::terms(QString(200, u'a')).isEmpty()) << "noise is left out";
    EXPECT_TRUE(TextTokenizer::terms(u"!!! ... ---"_s).isEmpty());
}

TEST(SearchQueryParserTest, ReadsTheQueryLanguage)
{
    auto parsed = SearchQueryParser::parse(u"Müller budget"_s);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->kind, SearchNode::Kind::All);
    ASSERT_EQ(parsed->children.size(), 2);
    EXPECT_EQ(parsed->children[0].terms, QStringList{u"muller"_s});

    parsed = SearchQueryParser::parse(u"from:alice@example.org \"quarterly report\" -draft"_s);
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed->children.size(), 3);
    EXPECT_EQ(parsed->children[0].field, u"from"_s);
    EXPECT_EQ(parsed->children[0].terms, QStringList{u"alice@example.org"_s});
    EXPECT_EQ(parsed->children[1].kind, SearchNode::Kind::Phrase);
    EXPECT_EQ(parsed->children[2].kind, SearchNode::Kind::Not);

    parsed = SearchQueryParser::parse(u"(budget OR plan) AND invoic* NOT spam"_s);
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed->children.size(), 3);
    EXPECT_EQ(parsed->children[0].kind, SearchNode::Kind::Any);
    EXPECT_EQ(parsed->children[1].kind, SearchNode::Kind::Prefix);
    EXPECT_EQ(parsed->children[1].terms, QStringList{u"invoic"_s});

    parsed = SearchQueryParser::parse(u"date:2026-03 size:>1MB has:attachment"_s);
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(parsed->children.size(), 3);
    EXPECT_EQ(parsed->children[0].kind, SearchNode::Kind::Range);
    EXPECT_EQ(*parsed->children[0].from,
              QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
    EXPECT_EQ(*parsed->children[0].to,
              QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch() - 1);
    EXPECT_EQ(*parsed->children[1].from, 1024 * 1024 + 1);
    EXPECT_FALSE(parsed->children[1].to.has_value());
    EXPECT_EQ(parsed->children[2].kind, SearchNode::Kind::HasAttachments);

    parsed = SearchQueryParser::parse(u"東京都"_s);
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->kind, SearchNode::Kind::Phrase) << "bigrams in order";
    EXPECT_EQ(SearchQueryParser::parse(u""_s)->kind, SearchNode::Kind::Everything);
}

TEST(SearchQueryParserTest, MistakesGiveClearMessages)
{
    const auto message = [](const QString &query) {
        auto parsed = SearchQueryParser::parse(query);
        return parsed.ok() ? QString() : parsed.error().message;
    };
    EXPECT_TRUE(message(u"\"open phrase"_s).contains(u"phrase is not closed"_s));
    EXPECT_TRUE(message(u"(budget OR plan"_s).contains(u"( is not closed"_s));
    EXPECT_TRUE(message(u"budget)"_s).contains(u") without its ("_s));
    EXPECT_TRUE(message(u"colour:red"_s).contains(u"colour: is not a field"_s));
    EXPECT_TRUE(message(u"date:yesterday"_s).contains(u"not a date"_s));
    EXPECT_TRUE(message(u"size:huge"_s).contains(u"not a size"_s));
    EXPECT_TRUE(message(u"budget OR"_s).contains(u"missing"_s));
    EXPECT_TRUE(message(u"*"_s).contains(u"wildcard needs a word"_s));
    EXPECT_TRUE(message(u"!!! ..."_s).contains(u"no word to look for"_s));
    EXPECT_TRUE(message(u"from:"_s).contains(u"needs a value"_s));
    EXPECT_TRUE(message(u"budget ,"_s).isEmpty()) << "punctuation beside a word is left out";
}

TEST(SearchSnippetsTest, MarksTheMatchedWords)
{
    const auto terms = highlightTerms(SearchQueryParser::parse(u"muller invoic*"_s).value());
    const QString text = u"Dear Mr Müller, <the> invoices for March are attached."_s;
    EXPECT_EQ(snippet(text, terms),
              u"Dear Mr <mark>Müller</mark>, &lt;the&gt; <mark>invoices</mark> for March are "
              "attached."_s);
    EXPECT_EQ(
        snippet(u"会議は明日です"_s, highlightTerms(SearchQueryParser::parse(u"会議"_s).value())),
        u"<mark>会議</mark>は明日です"_s);
}
