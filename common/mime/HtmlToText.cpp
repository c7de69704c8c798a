#include "mime/HtmlToText.h"

#include "mime/Charsets.h"

#include <QHash>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime {
namespace {

// Elements whose content is not text for a reader.
const QSet<QString> &skippedElements()
{
    static const QSet<QString> names = {u"script"_s, u"style"_s, u"title"_s, u"template"_s};
    return names;
}

// Blocks separated from their neighbours by a blank line.
const QSet<QString> &paragraphElements()
{
    static const QSet<QString> names = {u"p"_s,  u"h1"_s,    u"h2"_s,         u"h3"_s, u"h4"_s,
                                        u"h5"_s, u"h6"_s,    u"blockquote"_s, u"ul"_s, u"ol"_s,
                                        u"dl"_s, u"table"_s, u"pre"_s,        u"hr"_s};
    return names;
}

// Blocks that only start on a new line.
const QSet<QString> &lineElements()
{
    static const QSet<QString> names = {
        u"div"_s,    u"tr"_s,     u"section"_s, u"article"_s, u"header"_s,     u"footer"_s,
        u"nav"_s,    u"aside"_s,  u"main"_s,    u"address"_s, u"form"_s,       u"fieldset"_s,
        u"figure"_s, u"center"_s, u"dt"_s,      u"dd"_s,      u"figcaption"_s, u"caption"_s,
        u"body"_s,   u"html"_s,   u"li"_s,      u"tbody"_s,   u"thead"_s,      u"tfoot"_s};
    return names;
}

const QHash<QString, char16_t> &namedEntities()
{
    static const QHash<QString, char16_t> entities = {
        {u"amp"_s, u'&'},      {u"lt"_s, u'<'},       {u"gt"_s, u'>'},       {u"quot"_s, u'"'},
        {u"apos"_s, u'\''},    {u"nbsp"_s, 0x00A0},   {u"copy"_s, 0x00A9},   {u"reg"_s, 0x00AE},
        {u"trade"_s, 0x2122},  {u"hellip"_s, 0x2026}, {u"mdash"_s, 0x2014},  {u"ndash"_s, 0x2013},
        {u"lsquo"_s, 0x2018},  {u"rsquo"_s, 0x2019},  {u"sbquo"_s, 0x201A},  {u"ldquo"_s, 0x201C},
        {u"rdquo"_s, 0x201D},  {u"bdquo"_s, 0x201E},  {u"laquo"_s, 0x00AB},  {u"raquo"_s, 0x00BB},
        {u"bull"_s, 0x2022},   {u"middot"_s, 0x00B7}, {u"euro"_s, 0x20AC},   {u"pound"_s, 0x00A3},
        {u"yen"_s, 0x00A5},    {u"cent"_s, 0x00A2},   {u"sect"_s, 0x00A7},   {u"deg"_s, 0x00B0},
        {u"plusmn"_s, 0x00B1}, {u"times"_s, 0x00D7},  {u"divide"_s, 0x00F7}, {u"para"_s, 0x00B6},
        {u"shy"_s, 0x00AD},    {u"iexcl"_s, 0x00A1},  {u"iquest"_s, 0x00BF}, {u"szlig"_s, 0x00DF},
        {u"auml"_s, 0x00E4},   {u"ouml"_s, 0x00F6},   {u"uuml"_s, 0x00FC},   {u"Auml"_s, 0x00C4},
        {u"Ouml"_s, 0x00D6},   {u"Uuml"_s, 0x00DC},   {u"aacute"_s, 0x00E1}, {u"eacute"_s, 0x00E9},
        {u"iacute"_s, 0x00ED}, {u"oacute"_s, 0x00F3}, {u"uacute"_s, 0x00FA}, {u"agrave"_s, 0x00E0},
        {u"egrave"_s, 0x00E8}, {u"igrave"_s, 0x00EC}, {u"ograve"_s, 0x00F2}, {u"ugrave"_s, 0x00F9},
        {u"acirc"_s, 0x00E2},  {u"ecirc"_s, 0x00EA},  {u"icirc"_s, 0x00EE},  {u"ocirc"_s, 0x00F4},
        {u"ucirc"_s, 0x00FB},  {u"ccedil"_s, 0x00E7}, {u"ntilde"_s, 0x00F1}, {u"aring"_s, 0x00E5},
        {u"oslash"_s, 0x00F8}, {u"aelig"_s, 0x00E6},  {u"Eacute"_s, 0x00C9}, {u"Ccedil"_s, 0x00C7},
        {u"Ntilde"_s, 0x00D1}, {u"Aring"_s, 0x00C5},  {u"Oslash"_s, 0x00D8}, {u"AElig"_s, 0x00C6},
        {u"zwnj"_s, 0x200C},   {u"zwj"_s, 0x200D},    {u"ensp"_s, 0x2002},   {u"emsp"_s, 0x2003},
        {u"thinsp"_s, 0x2009}, {u"larr"_s, 0x2190},   {u"rarr"_s, 0x2192},
    };
    return entities;
}

// Numeric references to 128..159 mean windows-1252 in practice (HTML5 does the same).
QString codePointText(uint value)
{
    if (value >= 0x80 && value < 0xA0)
        return Detail::decodeWindows1252(QByteArray(1, char(value)));
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value < 0xE000))
        return QString(QChar(QChar::ReplacementCharacter));
    const char32_t codePoint = value;
    return QString::fromUcs4(&codePoint, 1);
}

// Decodes the entity starting at text[at] == '&'; returns how many characters it used, 0 if
// it is not one (the '&' is then literal).
qsizetype decodeEntity(QStringView text, qsizetype at, QString &out)
{
    const qsizetype semicolon = text.indexOf(u';', at + 1);
    if (semicolon < 0 || semicolon - at > 32)
        return 0;
    const QStringView name = text.mid(at + 1, semicolon - at - 1);
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint value = (name.size() > 1 && (name[1] == u'x' || name[1] == u'X'))
                               ? name.mid(2).toUInt(&ok, 16)
                               : name.mid(1).toUInt(&ok, 10);
        if (!ok)
            return 0;
        out += codePointText(value);
        return semicolon - at + 1;
    }
    const auto found = namedEntities().constFind(name.toString());
    if (found == namedEntities().constEnd())
        return 0;
    if (*found != 0x00AD) // a soft hyphen is invisible
        out += QChar(*found);
    return semicolon - at + 1;
}

QString decodeEntities(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'&') {
            if (const qsizetype used = decodeEntity(text, i, out)) {
                i += used - 1;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

// Collects the output and owns the whitespace rules.
class TextSink
{
public:
    void text(QStringView raw, bool preformatted)
    {
        const QString decoded = decodeEntities(raw);
        for (const QChar c : decoded) {
            if (preformatted && c == u'\n')
                lineBreak();
            else if (c == u'\r' || (!preformatted && c.isSpace()))
                m_pendingSpace = m_pendingSpace || !preformatted;
            else
                appendChar(c);
        }
    }

    void softSpace() { m_pendingSpace = true; }

    // A forced break (<br>): consecutive ones make at most one blank line.
    void lineBreak()
    {
        trimTrailingSpaces();
        m_pendingSpace = false;
        if (!m_out.isEmpty() && !m_out.endsWith(u"\n\n"))
            m_out += u'\n';
    }

    void ensureLineStart()
    {
        if (!m_out.isEmpty() && !m_out.endsWith(u'\n'))
            lineBreak();
        m_pendingSpace = false;
    }

    void ensureBlankLine()
    {
        ensureLineStart();
        if (!m_out.isEmpty() && !m_out.endsWith(u"\n\n"))
            m_out += u'\n';
    }

    void appendMarker(const QString &marker)
    {
        m_out += marker;
        m_pendingSpace = false;
    }

    QString finish()
    {
        trimTrailingSpaces();
        return m_out.trimmed();
    }

private:
    void appendChar(QChar c)
    {
        if (m_pendingSpace && !m_out.isEmpty() && !m_out.endsWith(u'\n'))
            m_out += u' ';
        m_pendingSpace = false;
        m_out += (c == QChar(0x00A0)) ? QChar(u' ') : c;
    }

    void trimTrailingSpaces()
    {
        while (m_out.endsWith(u' ') || m_out.endsWith(u'\t'))
            m_out.chop(1);
    }

    QString m_out;
    bool m_pendingSpace = false;
};

// Index just past the '>' that ends the tag opened at `at`, skipping quoted attribute values.
qsizetype tagEnd(QStringView html, qsizetype at)
{
    QChar quote;
    for (qsizetype i = at; i < html.size(); ++i) {
        const QChar c = html[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            return i + 1;
        }
    }
    return html.size();
}

// Index just past the end tag of a skipped element; -1 when it is never closed (then only the
// start tag is dropped, so a sloppy <title> cannot swallow the whole message).
qsizetype skipElement(QStringView html, qsizetype from, const QString &name)
{
    const QString closing = u"</"_s + name;
    for (qsizetype at = html.indexOf(closing, from, Qt::CaseInsensitive); at >= 0;
         at = html.indexOf(closing, at + 2, Qt::CaseInsensitive)) {
        const qsizetype after = at + closing.size();
        if (after >= html.size() || !html[after].isLetterOrNumber())
            return tagEnd(html, after);
    }
    return -1;
}

} // namespace

QString htmlToText(const QString &htmlText)
{
    const QStringView html(htmlText);
    TextSink sink;
    int preDepth = 0;
    qsizetype i = 0;
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(u'<', i);
        sink.text(html.mid(i, (lt < 0 ? html.size() : lt) - i), preDepth > 0);
        if (lt < 0)
            break;
        i = lt;
        const QStringView rest = html.mid(i);
        if (rest.startsWith(u"<!--")) {
            const qsizetype end = html.indexOf(u"-->", i + 4);
            i = end < 0 ? html.size() : end + 3;
            continue;
        }
        if (rest.startsWith(u"<!") || rest.startsWith(u"<?")) {
            i = tagEnd(html, i + 2); // doctype, CDATA, processing instruction
            continue;
        }
        const bool closing = rest.startsWith(u"</");
        qsizetype nameEnd = i + (closing ? 2 : 1);
        while (nameEnd < html.size() && html[nameEnd].isLetterOrNumber())
            ++nameEnd;
        const QString name =
            html.mid(i + (closing ? 2 : 1), nameEnd - i - (closing ? 2 : 1)).toString().toLower();
        if (name.isEmpty() || !name.front().isLetter()) {
            sink.text(u"<", preDepth > 0); // a lone '<' is text
            ++i;
            continue;
        }
        i = tagEnd(html, nameEnd);
        if (!closing && skippedElements().contains(name)) {
            if (const qsizetype end = skipElement(html, i, name); end >= 0)
                i = end;
            continue;
        }
        if (name == u"br") {
            sink.lineBreak();
        } else if (name == u"li" && !closing) {
            sink.ensureLineStart();
            sink.appendMarker(u"\u2022 "_s);
        } else if (name == u"td" || name == u"th") {
            sink.softSpace();
        } else if (paragraphElements().contains(name)) {
            sink.ensureBlankLine();
            if (name == u"pre")
                preDepth = qMax(0, preDepth + (closing ? -1 : 1));
        } else if (lineElements().contains(name)) {
            sink.ensureLineStart();
        } // other elements are inline: their text flows on
    }
    return sink.finish();
}

} // namespace Mailkeep::Mime
