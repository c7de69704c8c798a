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
    if (TextTokenizer::isCjk(c))
        return CharClass::Cjk;
    if (QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing ||
        QChar::category(c) == QChar::Mark_SpacingCombining)
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

void appendTerm(QStringList &terms, const QString &term)
{
    if (!term.isEmpty() && term.size() <= TextTokenizer::kLongestTerm)
        terms.append(term);
}

// Words and CJK bigrams of a chunk that holds no whitespace or punctuation but joiners.
void splitWords(const std::u32string &chunk, QStringList &terms)
{
    std::u32string run;
    CharClass runClass = CharClass::Other;
    const auto flush = [&]() {
        if (run.empty())
            return;
        if (runClass == CharClass::Cjk) {
            if (run.size() == 1) {
                appendTerm(terms, QString::fromStdU32String(run));
            } else {
                for (size_t i = 0; i + 1 < run.size(); ++i)
                    appendTerm(terms, QString::fromStdU32String(run.substr(i, 2)));
            }
        } else {
            appendTerm(terms, TextTokenizer::fold(QString::fromStdU32String(run)));
        }
        run.clear();
    };
    for (const char32_t c : chunk) {
        const CharClass kind = classify(c);
        if (kind != CharClass::Word && kind != CharClass::Cjk) {
            flush();
            runClass = CharClass::Other;
            continue;
        }
        if (kind != runClass)
            flush();
        runClass = kind;
        run.push_back(c);
    }
    flush();
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

QStringList TextTokenizer::terms(const QString &text)
{
    static const QRegularExpression kAddress(u"^[\\w.+'-]+@[\\w-]+(\\.[\\w-]+)+$"_s,
                                             QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    const std::u32string all = text.toStdU32String();
    std::u32string chunk;
    const auto flush = [&]() {
        if (chunk.empty())
            return;
        const QString whole = QString::fromStdU32String(chunk);
        // Trailing dots and the like belong to the sentence, not to the address.
        QString trimmed = whole;
        while (!trimmed.isEmpty() && classify(trimmed.back().unicode()) == CharClass::AddressJoiner)
            trimmed.chop(1);
        if (trimmed.contains(u'@') && kAddress.match(trimmed).hasMatch()) {
            const QString address = TextTokenizer::fold(trimmed);
            appendTerm(terms, address);
            appendTerm(terms, address.section(u'@', 0, 0));
            appendTerm(terms, address.section(u'@', 1));
        }
        splitWords(chunk, terms);
        chunk.clear();
    };
    for (const char32_t c : all) {
        if (classify(c) == CharClass::Other)
            flush();
        else
            chunk.push_back(c);
    }
    flush();
    return terms;
}

} // namespace Mailkeep::Core
