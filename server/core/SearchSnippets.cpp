#include "core/SearchSnippets.h"

#include "core/TextTokenizer.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

void collect(const SearchNode &node, QSet<QString> &terms)
{
    switch (node.kind) {
    case SearchNode::Kind::Terms:
    case SearchNode::Kind::Phrase:
        for (const QString &term : node.terms)
            terms.insert(term);
        break;
    case SearchNode::Kind::Prefix:
        terms.insert(node.terms.value(0) + u'*');
        break;
    case SearchNode::Kind::All:
    case SearchNode::Kind::Any:
        for (const SearchNode &child : node.children)
            collect(child, terms);
        break;
    default:
        break; // excluded words and filters are not shown
    }
}

bool matches(const QString &word, const QSet<QString> &terms)
{
    const QString folded = TextTokenizer::fold(word);
    if (terms.contains(folded))
        return true;
    for (const QString &term : terms) {
        if (term.endsWith(u'*') && folded.startsWith(term.chopped(1)))
            return true;
    }
    return false;
}

struct Word
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// Words as runs of letters and digits (CJK characters one by one, matched as pairs below).
QList<Word> wordsOf(const QString &text)
{
    QList<Word> words;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        if (TextTokenizer::isCjk(text.at(i).unicode())) {
            words.append({start, 1});
            ++i;
            continue;
        }
        while (i < text.size() && (text.at(i).isLetterOrNumber() || text.at(i).isMark()) &&
               !TextTokenizer::isCjk(text.at(i).unicode()))
            ++i;
        words.append({start, i - start});
    }
    return words;
}

} // namespace

QSet<QString> highlightTerms(const SearchNode &query)
{
    QSet<QString> terms;
    collect(query, terms);
    return terms;
}

QString snippet(const QString &text, const QSet<QString> &terms, int maxCharacters)
{
    const QString flat = text.simplified();
    const QList<Word> words = wordsOf(flat);
    QList<Word> hits;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const Word &word = words.at(i);
        // CJK is indexed in pairs: a character matches with its neighbour.
        if (word.length == 1 && TextTokenizer::isCjk(flat.at(word.start).unicode()) &&
            i + 1 < words.size() && words.at(i + 1).start == word.start + 1 &&
            terms.contains(flat.mid(word.start, 2))) {
            hits.append({word.start, 2});
            continue;
        }
        if (matches(flat.mid(word.start, word.length), terms))
            hits.append(word);
    }
    qsizetype begin = 0;
    if (!hits.isEmpty())
        begin = std::max<qsizetype>(0, hits.first().start - maxCharacters / 3);
    // Start at a word boundary.
    while (begin > 0 && !flat.at(begin - 1).isSpace())
        --begin;
    const qsizetype end = std::min<qsizetype>(flat.size(), begin + maxCharacters);
    QString result = begin > 0 ? u"…"_s : QString();
    qsizetype at = begin;
    for (const Word &hit : hits) {
        if (hit.start < at)
            continue;
        if (hit.start + hit.length > end)
            break;
        result += flat.mid(at, hit.start - at).toHtmlEscaped() + u"<mark>"_s +
                  flat.mid(hit.start, hit.length).toHtmlEscaped() + u"</mark>"_s;
        at = hit.start + hit.length;
    }
    result += flat.mid(at, end - at).toHtmlEscaped();
    if (end < flat.size())
        result += u"…"_s;
    return result;
}

} // namespace Mailkeep::Core
