#include "SearchMix.h"

#include "MailVocabulary.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype kSampledSenders = 200;
constexpr qsizetype kSampledTickets = 200;
constexpr std::uint64_t kMixSeed = 7;

// The value of a header, continuation lines joined; empty when the header block has none.
QByteArray headerValue(const QByteArray &message, const QByteArray &name)
{
    const qsizetype headerEnd = message.indexOf("\n\n");
    const qsizetype at = message.indexOf(QByteArray('\n' + name + ": "));
    if (at < 0 || (headerEnd >= 0 && at > headerEnd))
        return {};
    qsizetype end = at + name.size() + 3;
    QByteArray value;
    for (;;) {
        const qsizetype newline = message.indexOf('\n', end);
        value += message.mid(end, newline < 0 ? -1 : newline - end);
        if (newline < 0 || newline + 1 >= message.size() ||
            (message.at(newline + 1) != ' ' && message.at(newline + 1) != '\t'))
            return value;
        end = newline + 1;
    }
}

QStringList split(const char *words)
{
    return QString::fromUtf8(words).split(u' ', Qt::SkipEmptyParts);
}

QStringList atLeast(const QStringList &words, qsizetype length)
{
    QStringList out;
    for (const QString &word : words) {
        if (word.size() >= length)
            out << word;
    }
    return out;
}

// The display halves of "display:ascii" names, without those that hold query punctuation.
QStringList displayNames(const char *names)
{
    QStringList out;
    for (const QString &name : split(names)) {
        const QString display = name.section(u':', 0, 0);
        // One CJK character alone is no term: the index holds names like 王伟 as bigrams.
        if (display.size() > 1 && !display.contains(u'\'') && !display.contains(u'-'))
            out << display;
    }
    return out;
}

class Picker
{
public:
    // A seeded shuffle (by hand: std::shuffle differs between standard libraries), so the
    // queries cycle through different words in an order that is the same everywhere.
    QStringList shuffled(QStringList list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i,
                             static_cast<qsizetype>(m_rng() % static_cast<std::uint64_t>(i + 1)));
        return list;
    }

private:
    std::mt19937_64 m_rng{kMixSeed};
};

QString day(qint64 secondsSinceEpoch)
{
    return QDate(1970, 1, 1).addDays(secondsSinceEpoch / 86400).toString(Qt::ISODate);
}

} // namespace

void CorpusFacts::inspect(const QByteArray &message)
{
    ++m_messages;
    const QDateTime date = QDateTime::fromString(
        QString::fromLatin1(headerValue(message, "Date")).simplified(), Qt::RFC2822Date);
    if (date.isValid()) {
        const qint64 seconds = date.toSecsSinceEpoch();
        firstDate = firstDate == 0 ? seconds : qMin(firstDate, seconds);
        lastDate = qMax(lastDate, seconds);
    }
    // Every 29th message, so that the sample reaches over the whole corpus at small N too.
    if (senders.size() < kSampledSenders && m_messages % 29 == 1) {
        const QByteArray from = headerValue(message, "From");
        const qsizetype open = from.lastIndexOf('<');
        const QByteArray address =
            open >= 0 ? from.mid(open + 1, from.indexOf('>', open) - open - 1) : from.trimmed();
        const QString sender = QString::fromLatin1(address).toLower();
        if (sender.contains(u'@') && !m_seen.contains(sender)) {
            m_seen.insert(sender);
            senders << sender;
        }
    }
    if (tickets.size() < kSampledTickets) {
        // Only subjects in plain ASCII show the number as it is; encoded ones are passed over.
        static const QRegularExpression kTicket(u"\\[#(\\d{5})\\]"_s);
        const QRegularExpressionMatch match =
            kTicket.match(QString::fromLatin1(headerValue(message, "Subject")));
        if (match.hasMatch() && !tickets.contains(match.captured(1)))
            tickets << match.captured(1);
    }
}

QList<QueryKind> searchMix(const CorpusFacts &facts, int perKind)
{
    using namespace MailVocabulary;
    Picker picker;
    const QStringList english = picker.shuffled(atLeast(split(kWords[0]), 5));
    const QStringList german = picker.shuffled(atLeast(split(kWords[1]), 5));
    const QStringList french = picker.shuffled(atLeast(split(kWords[2]), 5));
    const QStringList cjk = picker.shuffled(split(kWords[4]));
    QStringList lastNames;
    for (const char *names : kLastNames)
        lastNames << displayNames(names);
    lastNames = picker.shuffled(lastNames);
    QStringList prefixes;
    for (const QString &word : atLeast(split(kWords[0]), 7) + atLeast(split(kWords[1]), 8)) {
        const QString prefix = word.left(word.size() >= 8 ? 5 : 4).toLower();
        if (!prefixes.contains(prefix))
            prefixes << prefix;
    }
    prefixes = picker.shuffled(prefixes);
    // Salutations and closings the generator writes, and greetings with the names it uses.
    QStringList phrases = {u"Best regards"_s,         u"Mit freundlichen Grüßen"_s,
                           u"Viele Grüße"_s,          u"Sehr geehrte Damen und Herren"_s,
                           u"Bien à vous"_s,          u"Bonne journée"_s,
                           u"С уважением"_s,          u"Всего доброго"_s,
                           u"よろしくお願いします"_s, u"Добрый день"_s};
    static const char *const kGreetings[] = {"Dear", "Hi", "Hallo", "Liebe", "Bonjour", "Salut"};
    for (int i = 0; phrases.size() < perKind; ++i) {
        const int language = (i % 6) / 2; // Dear and Hi in English, then German, then French
        const QStringList names = displayNames(kFirstNames[language]);
        phrases << QString::fromLatin1(kGreetings[i % 6]) + u' ' + names.at(i / 6 % names.size());
    }
    const QStringList tickets = facts.tickets.isEmpty() ? german : facts.tickets;
    const QStringList senders = facts.senders.isEmpty() ? lastNames : facts.senders;
    const qint64 firstDay = facts.firstDate / 86400;
    const qint64 days = qMax<qint64>(1, facts.lastDate / 86400 - firstDay + 1);

    const auto at = [](const QStringList &list, int i) { return list.at(i % list.size()); };
    QList<QueryKind> mix = {{u"term"_s, {}},
                            {u"term, rare"_s, {}},
                            {u"name"_s, {}},
                            {u"AND"_s, {}},
                            {u"phrase"_s, {}},
                            {u"OR"_s, {}},
                            {u"NOT"_s, {}},
                            {u"prefix*"_s, {}},
                            {u"from:"_s, {}},
                            {u"subject:"_s, {}},
                            {u"date range"_s, {}},
                            {u"size range"_s, {}},
                            {u"has:attachment"_s, {}},
                            {u"CJK"_s, {}}};
    for (int i = 0; i < perKind; ++i) {
        const QString a = at(english, i);
        // A second word other than the first, or AND and NOT would degenerate.
        const QString b = at(english, i * 7 + (at(english, i * 7 + 3) == a ? 4 : 3));
        const QString other = i % 2 ? at(german, i) : at(french, i);
        const QString phrase = u"\"%1\""_s.arg(at(phrases, i));
        const QString subject = i % 3 ? at(english, i * 5 + 1) : at(german, i * 5 + 1);
        const qint64 start = (firstDay + i * 11 % days) * 86400;
        const qint64 end = qMin(start + (i % 10) * 86400, (firstDay + days - 1) * 86400);
        const QString dates = u"date:%1..%2"_s.arg(day(start), day(end));
        static const char *const kSizes[] = {
            "size:>100KB", "size:1KB..2KB",  "size:<3KB",  "size:10KB..2MB",
            "size:>1MB",   "size:2KB..6KB",  "size:<2KB",  "size:50KB..500KB",
            "size:>500KB", "size:4KB..16KB", "size:<5KB",  "size:1MB..8MB",
            "size:>2MB",   "size:8KB..24KB", "size:<1500", "size:20KB..200KB"};
        const QString size = QString::fromLatin1(kSizes[i % std::size(kSizes)]);
        const QList<BenchQuery> queries = {
            {a, a},
            {at(tickets, i), at(tickets, i)},
            {at(lastNames, i), at(lastNames, i)},
            {i % 2 ? u"%1 AND %2"_s.arg(a, b) : u"%1 %2"_s.arg(a, b), u"%1 and %2"_s.arg(a, b)},
            {phrase, phrase},
            {u"%1 OR %2"_s.arg(a, other), u"%1 or %2"_s.arg(a, other)},
            {i % 2 ? u"%1 NOT %2"_s.arg(a, b) : u"%1 -%2"_s.arg(a, b),
             u"%1 and not %2"_s.arg(a, b)},
            {at(prefixes, i) + u'*', at(prefixes, i) + u'*'},
            {u"from:"_s + at(senders, i), u"from:"_s + at(senders, i)},
            {u"subject:"_s + subject, u"subject:"_s + subject},
            {dates, dates},
            {size, {}},
            {u"has:attachment"_s, u"tag:attachment"_s},
            {at(cjk, i), at(cjk, i)},
        };
        for (qsizetype kind = 0; kind < mix.size(); ++kind)
            mix[kind].queries << queries.at(kind);
    }
    return mix;
}

Latency summarize(QList<double> milliseconds)
{
    Latency latency;
    latency.calls = milliseconds.size();
    if (milliseconds.isEmpty())
        return latency;
    std::sort(milliseconds.begin(), milliseconds.end());
    const auto rank = [&](double share) {
        const auto index =
            static_cast<qsizetype>(std::ceil(share * static_cast<double>(milliseconds.size()))) - 1;
        return milliseconds.at(qBound<qsizetype>(0, index, milliseconds.size() - 1));
    };
    latency.p50 = rank(0.50);
    latency.p95 = rank(0.95);
    latency.p99 = rank(0.99);
    latency.max = milliseconds.last();
    return latency;
}
