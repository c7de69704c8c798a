#include "mime/HtmlToText.h"

#include <gtest/gtest.h>

using namespace Mailkeep::Mime;
using namespace Qt::Literals::StringLiterals;

TEST(HtmlToText, DropsScriptStyleCommentsAndTitle)
{
    const QString text = htmlToText(
        u"<html><head><title>T</title><style>p{color:red}</style></head><body>"
        "<!-- hidden <p>comment</p> --><script type=\"text/javascript\">var x = '<p>';</script>"
        "Visible</body></html>"_s);
    EXPECT_EQ(text, u"Visible"_s);
}

TEST(HtmlToText, BlocksAndBreaksBecomeLineBreaks)
{
    EXPECT_EQ(htmlToText(u"<p>One</p><p>Two</p>"_s), u"One\n\nTwo"_s);
    EXPECT_EQ(htmlToText(u"<div>One</div><div>Two</div>"_s), u"One\nTwo"_s);
    EXPECT_EQ(htmlToText(u"a<br>b<br/>c<BR />d"_s), u"a\nb\nc\nd"_s);
    EXPECT_EQ(htmlToText(u"<h1>Title</h1>Text"_s), u"Title\n\nText"_s);
    // Many breaks in a row still give at most one blank line.
    EXPECT_EQ(htmlToText(u"a<br><br><br><br>b"_s), u"a\n\nb"_s);
}

TEST(HtmlToText, ListItemsGetBullets)
{
    EXPECT_EQ(htmlToText(u"<ul><li>Apples</li><li>Pears</ul>After"_s),
              u"\u2022 Apples\n\u2022 Pears\n\nAfter"_s);
}

TEST(HtmlToText, DecodesNamedAndNumericEntities)
{
    EXPECT_EQ(htmlToText(u"Fish &amp; Chips &lt;b&gt; &quot;q&quot; &euro;5 &#8364;6 &#x20AC;7"_s),
              u"Fish & Chips <b> \"q\" \u20ac5 \u20ac6 \u20ac7"_s);
    EXPECT_EQ(htmlToText(u"a&nbsp;b &auml;&ouml;&uuml;&szlig; &#128512; &#150;"_s),
              u"a b \u00e4\u00f6\u00fc\u00df \U0001F600 \u2013"_s);
    EXPECT_EQ(htmlToText(u"AT&T &unknown; &#xZZ;"_s), u"AT&T &unknown; &#xZZ;"_s);
}

TEST(HtmlToText, CollapsesWhitespace)
{
    EXPECT_EQ(htmlToText(u"  Hello \n\t  <b>big</b>\n   world  "_s), u"Hello big world"_s);
    EXPECT_EQ(htmlToText(u"<td>Name</td><td>Value</td>"_s), u"Name Value"_s);
}

TEST(HtmlToText, KeepsPreformattedText)
{
    EXPECT_EQ(htmlToText(u"<pre>a  b\n  c</pre>"_s), u"a  b\n  c"_s);
}

TEST(HtmlToText, SurvivesMalformedMarkup)
{
    EXPECT_EQ(htmlToText(u"<a href=\"x>y\">link</a> 1 < 2 <"_s), u"link 1 < 2 <"_s);
    EXPECT_EQ(htmlToText(u"<title>never closed<p>body"_s), u"never closed\n\nbody"_s);
    EXPECT_EQ(htmlToText(u"<p>unterminated <b"_s), u"unterminated"_s);
    EXPECT_EQ(htmlToText(QString()), QString());
}
