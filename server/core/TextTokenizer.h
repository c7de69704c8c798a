#pragma once

#include <QString>
#include <QStringList>

namespace Mailkeep::Core {

// Turns text into the terms the index holds and queries look for, the same way on both sides:
//  - words of letters and digits, folded: lower case, accents and umlauts removed ("Müller",
//    "MÜLLER" and "muller" are one term; Turkish "İ"/"ı" become "i", "ß" becomes "ss");
//  - Chinese, Japanese and Korean runs as overlapping bigrams ("東京都" -> "東京", "京都"),
//    a single character alone;
//  - e-mail addresses whole, then their local part and domain, then their words.
// Qt only: the index adapter receives terms, never text.
class TextTokenizer
{
public:
    static QStringList terms(const QString &text);
    // The same terms appended to `joined`, separated by spaces (the index's form); with
    // `exact`, the exact forms (see appendExactTerms) in the same pass.
    static void appendTerms(const QString &text, QString &joined, QString *exact = nullptr);
    // The exact forms: lower case, accents kept, only of the words folding changes ("müller"
    // but not "miller"). The index keeps them too, so an exact search stays possible.
    static void appendExactTerms(const QString &text, QString &joined);
    // One word folded as above (no splitting).
    static QString fold(const QString &word);
    // True for the characters indexed as bigrams.
    static bool isCjk(char32_t c);

    static constexpr int kLongestTerm = 64; // longer runs are noise (Base64, hashes)
};

} // namespace Mailkeep::Core
