#include "core/TextTokenizer.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

enum class CharClass
{
    Word,
    Cjk,
    AddressJoiner, // may sit inside an e-mail address: . _ + - @ '
    Other,
};

CharClass classify(char32_t c)
{
    // Most characters of most mail: decided without Unicode tables.
    if (c < 0x80) {
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9'))
            return CharClass::Word;
        switch (c) {
        case U'.':
        case U'_':
        case U'+':
        case U'-':
        case U'@':
        case U'\'':
            return CharClass::AddressJoiner;
        default:
            return CharClass::Other;
        }
    }
    if (TextTokenizer::isCjk(c))
        return CharClass::Cjk;
    if (QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing ||
        QChar::category(c) == QChar::Mark_SpacingCombining)
        return CharClass::Word;
    return CharClass::Other; // every joiner is ASCII
}

// Where terms go: a list (queries) or one space-separated string (the index, where every
// allocation per term counts).
struct TermSink
{
    QStringList *list = nullptr;
    QString *joined = nullptr;
    // Only the words whose folding changes them, in lower case but unfolded (exact search).
    bool exactOnly = false;
    // When set, those exact forms are collected here too, in the same pass.
    QString *exact = nullptr;

    void add(QStringView term)
    {
        if (exactOnly)
            return; // CJK pairs and addresses have no other exact form
        addTerm(term);
    }
    void addTerm(QStringView term)
    {
        if (term.isEmpty() || term.size() > TextTokenizer::kLongestTerm)
            return;
        if (list) {
            list->append(term.toString());
            return;
        }
        if (!joined->isEmpty())
            joined->append(u' ');
        joined->append(term);
    }
    // A word, folded; plain ASCII without a detour through a new string.
    void addWord(QStringView word)
    {
        const bool ascii =
            std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; });
        if (exactOnly) {
            if (ascii)
                return;
            const QString lower = word.toString().toLower();
            if (TextTokenizer::fold(lower) != lower)
                addTerm(lower);
            return;
        }
        if (!ascii || list) {
            const QString folded = TextTokenizer::fold(word.toString());
            add(folded);
            if (exact && !ascii) {
                const QString lower = word.toString().toLower();
                if (lower != folded && !lower.isEmpty() &&
                    lower.size() <= TextTokenizer::kLongestTerm) {
                    if (!exact->isEmpty())
                        exact->append(u' ');
                    exact->append(lower);
                }
            }
            return;
        }
        if (word.isEmpty() || word.size() > TextTokenizer::kLongestTerm)
            return;
        if (!joined->isEmpty())
            joined->append(u' ');
        const qsizetype start = joined->size();
        joined->append(word);
        for (qsizetype i = start; i < joined->size(); ++i) {
            const QChar c = joined->at(i);
            if (c >= u'A' && c <= u'Z')
                (*joined)[i] = QChar(c.unicode() + (u'a' - u'A'));
        }
    }
};

void appendTerm(TermSink &terms, QStringView term)
{
    terms.add(term);
}

// The code point at `at` (a surrogate pair counts as one) and its length in UTF-16 units.
std::pair<char32_t, int> codePointAt(QStringView text, qsizetype at)
{
    const QChar c = text.at(at);
    if (c.isHighSurrogate() && at + 1 < text.size() && text.at(at + 1).isLowSurrogate())
        return {QChar::surrogateToUcs4(c, text.at(at + 1)), 2};
    return {c.unicode(), 1};
}

// Words and CJK bigrams of a chunk that holds no whitespace or punctuation but joiners.
void splitWords(QStringView chunk, TermSink &terms)
{
    qsizetype at = 0;
    while (at < chunk.size()) {
        auto [c, width] = codePointAt(chunk, at);
        CharClass kind = classify(c);
        if (kind != CharClass::Word && kind != CharClass::Cjk) {
            at += width;
            continue;
        }
        if (kind == CharClass::Cjk) {
            // Code point starts of the run, for the bigrams.
            QList<qsizetype> starts;
            qsizetype end = at;
            while (end < chunk.size()) {
                auto [d, w] = codePointAt(chunk, end);
                if (classify(d) != CharClass::Cjk)
                    break;
                starts.append(end);
                end += w;
            }
            starts.append(end);
            if (starts.size() == 2) {
                appendTerm(terms, chunk.sliced(at, end - at));
            } else {
                for (qsizetype i = 0; i + 2 < starts.size(); ++i)
                    appendTerm(terms, chunk.sliced(starts.at(i), starts.at(i + 2) - starts.at(i)));
            }
            at = end;
            continue;
        }
        qsizetype end = at;
        while (end < chunk.size()) {
            auto [d, w] = codePointAt(chunk, end);
            if (classify(d) != CharClass::Word)
                break;
            end += w;
        }
        if (end - at <= TextTokenizer::kLongestTerm * 2)
            terms.addWord(chunk.sliced(at, end - at));
        at = end;
    }
}

} // namespace

bool TextTokenizer::isCjk(char32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF) || // Han
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||   // kana
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) ||   // Hangul
           (c >= 0x3130 && c <= 0x318F);
}

QString TextTokenizer::fold(const QString &word)
{
    // Most words of most mail are plain ASCII: lower case is all they need.
    if (std::all_of(word.cbegin(), word.cend(), [](QChar c) { return c.unicode() < 0x80; })) {
        QString lower = word;
        for (QChar &c : lower) {
            if (c >= u'A' && c <= u'Z')
                c = QChar(c.unicode() + (u'a' - u'A'));
        }
        return lower;
    }
    // Compatibility decomposition splits accents from letters (and full-width forms and
    // ligatures into plain ones); the marks are then dropped.
    const QString decomposed = word.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_Enclosing)
            continue;
        folded.append(c);
    }
    folded = folded.toLower();
    // Letters without a decomposition that readers still take as their plain cousins.
    static const std::pair<QChar, QString> kSpecial[] = {
        {u'ß', u"ss"_s}, {u'ı', u"i"_s}, {u'ø', u"o"_s}, {u'æ', u"ae"_s}, {u'œ', u"oe"_s},
        {u'ł', u"l"_s},  {u'đ', u"d"_s}, {u'ð', u"d"_s}, {u'þ', u"th"_s}, {u'ς', u"σ"_s},
    };
    for (const auto &[letter, plain] : kSpecial) {
        if (folded.contains(letter))
            folded.replace(letter, plain);
    }
    return folded;
}

namespace {

void tokenize(const QString &text, TermSink &terms)
{
    static const QRegularExpression kAddress(u"^[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+$"_s,
                                             QRegularExpression::UseUnicodePropertiesOption);
    const QStringView all(text);
    qsizetype chunkStart = -1;
    bool chunkHasAt = false;
    const auto flush = [&](qsizetype end) {
        if (chunkStart < 0)
            return;
        QStringView chunk = all.sliced(chunkStart, end - chunkStart);
        chunkStart = -1;
        if (chunkHasAt) {
            // Trailing dots and the like belong to the sentence, not to the address.
            QStringView trimmed = chunk;
            while (!trimmed.isEmpty() &&
                   classify(trimmed.back().unicode()) == CharClass::AddressJoiner)
                trimmed.chop(1);
            if (kAddress.match(trimmed).hasMatch()) {
                const QString address = TextTokenizer::fold(trimmed.toString());
                appendTerm(terms, address);
                appendTerm(terms, address.section(u'@', 0, 0));
                appendTerm(terms, address.section(u'@', 1));
            }
        }
        chunkHasAt = false;
        splitWords(chunk, terms);
    };
    qsizetype at = 0;
    while (at < all.size()) {
        auto [c, width] = codePointAt(all, at);
        if (classify(c) == CharClass::Other) {
            flush(at);
        } else {
            if (chunkStart < 0)
                chunkStart = at;
            chunkHasAt = chunkHasAt || c == U'@';
        }
        at += width;
    }
    flush(all.size());
}

} // namespace

QStringList TextTokenizer::terms(const QString &text)
{
    QStringList list;
    TermSink sink{&list, nullptr};
    tokenize(text, sink);
    return list;
}

void TextTokenizer::appendTerms(const QString &text, QString &joined, QString *exact)
{
    TermSink sink{nullptr, &joined, false, exact};
    tokenize(text, sink);
}

void TextTokenizer::appendExactTerms(const QString &text, QString &joined)
{
    TermSink sink{nullptr, &joined, true};
    tokenize(text, sink);
}

} // namespace Mailkeep::Core
