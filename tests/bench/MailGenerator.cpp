#include "MailGenerator.h"

#include "MailEncoding.h"
#include "MailVocabulary.h"

#include <cmath>
#include <numbers>
#include <utility>

using namespace Qt::Literals::StringLiterals;
using namespace MailEncoding;

namespace {

using Language = MailGenerator::Language;

constexpr qint64 kLargestMessage = 8 * 1024 * 1024;

QStringList split(const char *words)
{
    return QString::fromUtf8(words).split(u' ', Qt::SkipEmptyParts);
}

// Lines of at most width characters; CJK runs, which have no spaces, are cut anywhere.
QStringList wrap(const QString &text, qsizetype width)
{
    QStringList lines;
    QString line;
    for (QString word : text.split(u' ', Qt::SkipEmptyParts)) {
        while (word.size() > width) {
            if (!line.isEmpty())
                lines << std::exchange(line, QString());
            lines << word.left(width / 2);
            word.remove(0, width / 2);
        }
        if (!line.isEmpty() && line.size() + 1 + word.size() > width)
            lines << std::exchange(line, QString());
        line += (line.isEmpty() ? QString() : u" "_s) + word;
    }
    if (!line.isEmpty())
        lines << line;
    return lines;
}

} // namespace

MailGenerator::MailGenerator(std::uint64_t seed)
    : m_rng(seed)
    , m_clock(1704067200) // 2024-01-01: mail then goes forward about five minutes a message
{
    for (const char *words : MailVocabulary::kWords)
        m_vocabulary << split(words);
    for (const char *names : MailVocabulary::kFirstNames)
        m_firstNames << split(names);
    for (const char *names : MailVocabulary::kLastNames)
        m_lastNames << split(names);
}

double MailGenerator::normal()
{
    // Box-Muller by hand: std::normal_distribution differs between standard libraries.
    const double u1 = 1.0 - uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

QByteArray MailGenerator::hex(int digits)
{
    QByteArray out;
    while (out.size() < digits)
        out += QByteArray::number(static_cast<qulonglong>(m_rng()), 16).rightJustified(16, '0');
    return out.left(digits);
}

QByteArray MailGenerator::base64Token(int length)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    QByteArray out(length, Qt::Uninitialized);
    for (char &c : out)
        c = kAlphabet[below(64)];
    return out;
}

QByteArray MailGenerator::next()
{
    const double draw = uniform();
    QByteArray message;
    bool attachments = false;
    if (!m_kept.isEmpty() && draw < 0.20) {
        const Kept &earlier = m_kept.at(below(m_kept.size()));
        attachments = earlier.attachments;
        if (draw < 0.15) {
            message = earlier.transport + earlier.content;
            ++m_stats.exactDuplicates;
        } else {
            // Delivered again (another recipient, a resend): new hops, the same message.
            message = transportHeaders(earlier.sender, earlier.recipient,
                                       earlier.sent + 60 + below(86400)) +
                      earlier.content;
            ++m_stats.transportDuplicates;
        }
    } else {
        message = original();
        attachments = m_lastHadAttachments;
    }
    ++m_stats.messages;
    m_stats.bytes += message.size();
    m_stats.largest = qMax<qint64>(m_stats.largest, message.size());
    m_stats.withAttachments += attachments ? 1 : 0;
    return message;
}

qint64 MailGenerator::targetSize()
{
    // Log-normal around 4 KB for the bulk; a small share of large mail with attachments makes
    // the tail up to the cap.
    const bool heavy = chance(0.015);
    const double size = (heavy ? 200000.0 : 3500.0) * std::exp((heavy ? 1.3 : 1.0) * normal());
    return qBound<qint64>(600, static_cast<qint64>(size), kLargestMessage - 64 * 1024);
}

MailGenerator::Person MailGenerator::person(Language language)
{
    const int index = static_cast<int>(language);
    const QStringList first = pick(m_firstNames.at(index)).split(u':');
    const QStringList last = pick(m_lastNames.at(index)).split(u':');
    static const QStringList domains = split(MailVocabulary::kDomains);
    const QByteArray domain = ascii(pick(domains));
    Person who;
    if (language == Language::Cjk)
        who.name = last.at(0) + first.at(0);
    else if (language == Language::English && chance(0.15))
        who.name = last.at(0) + u", "_s + first.at(0);
    else
        who.name = first.at(0) + u' ' + last.at(0);
    const QByteArray local = chance(0.7) ? ascii(first.at(1) + u'.' + last.at(1))
                                         : ascii(first.at(1).left(1) + last.at(1));
    who.address = local + '@' + domain;
    if (chance(0.05))
        who.name.clear(); // a bare address
    return who;
}

QByteArray MailGenerator::mailbox(const Person &who)
{
    if (who.name.isEmpty())
        return who.address;
    const QByteArray address = " <" + who.address + '>';
    if (fits(who.name, Charset::Ascii)) {
        const bool quote = who.name.contains(u',') || who.name.contains(u'\'') || chance(0.3);
        return quote ? QByteArray('"' + ascii(who.name) + '"' + address)
                     : QByteArray(ascii(who.name) + address);
    }
    Charset charset = Charset::Utf8;
    if (fits(who.name, Charset::Latin1) && chance(0.5))
        charset = Charset::Latin1;
    else if (fits(who.name, Charset::Koi8r) && chance(0.35))
        charset = Charset::Koi8r;
    return encodedWords(who.name, charset, charset == Charset::Koi8r || chance(0.5)) + address;
}

QString MailGenerator::words(Language language, int count)
{
    const QStringList &vocabulary = m_vocabulary.at(static_cast<int>(language));
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << (chance(0.04) ? pick(m_vocabulary.at(0)) : pick(vocabulary));
    return out.join(language == Language::Cjk ? QString() : u" "_s);
}

QString MailGenerator::sentence(Language language, Charset charset)
{
    QString text = words(language, 5 + static_cast<int>(below(14)));
    if (chance(0.1)) {
        // Amounts, the euro sign where the charset has one.
        const bool euro = charset == Charset::Utf8 || charset == Charset::Windows1252;
        text += u' ' + QString::number(10 + below(99000)) + u',' +
                QString::number(below(100)).rightJustified(2, u'0') + u' ' +
                (euro ? u"€"_s : u"EUR"_s);
    }
    if (language == Language::Cjk)
        return text + (chance(0.8) ? u"。"_s : u"？"_s);
    text[0] = text.at(0).toUpper();
    return text + (chance(0.85) ? u"."_s : (chance(0.7) ? u"?"_s : u"!"_s));
}

QStringList MailGenerator::paragraphs(Language language, Charset charset, qint64 bytes)
{
    static const QStringList kGreetings[] = {
        {u"Hi %1,"_s, u"Dear %1,"_s, u"Hello,"_s},
        {u"Hallo %1,"_s, u"Sehr geehrte Damen und Herren,"_s, u"Liebe %1,"_s},
        {u"Bonjour %1,"_s, u"Madame, Monsieur,"_s, u"Salut %1,"_s},
        {u"Здравствуйте, %1!"_s, u"Добрый день,"_s, u"Привет, %1!"_s},
        {u"%1様"_s, u"您好，"_s, u"%1さん"_s}};
    static const QStringList kClosings[] = {
        {u"Best regards"_s, u"Thanks"_s, u"Cheers"_s},
        {u"Mit freundlichen Grüßen"_s, u"Viele Grüße"_s, u"Beste Grüße"_s},
        {u"Cordialement"_s, u"Bien à vous"_s, u"Bonne journée"_s},
        {u"С уважением"_s, u"Спасибо"_s, u"Всего доброго"_s},
        {u"よろしくお願いします"_s, u"谢谢"_s, u"以上です"_s}};
    const int index = static_cast<int>(language);
    const QString name = pick(m_firstNames.at(index)).section(u':', 0, 0);
    QStringList out{QString(pick(kGreetings[index])).replace(u"%1"_s, name)};
    qint64 size = 0;
    while (size < bytes) {
        QString paragraph;
        // Lines starting "From " are what mbox writers must escape; real mail has them.
        if (language == Language::English && chance(0.03))
            paragraph = chance(0.7) ? u"From "_s : u">From "_s;
        const int sentences = 1 + static_cast<int>(below(5));
        for (int i = 0; i < sentences; ++i)
            paragraph += (paragraph.isEmpty() || paragraph.endsWith(u' ') ? QString() : u" "_s) +
                         sentence(language, charset);
        size += paragraph.toUtf8().size() + 2;
        out << paragraph;
    }
    const Person signer = person(language);
    out << pick(kClosings[index]) + u' ' + signer.name;
    if (chance(0.25)) {
        // A quoted earlier message, as replies carry.
        out << u"On %1, %2 wrote:"_s.arg(QString::fromLatin1(rfc5322Date(m_clock - 86400, 60)),
                                         person(language).name);
        for (int i = 0; i < 1 + static_cast<int>(below(3)); ++i)
            out << u"> "_s + sentence(language, charset) + u' ' + sentence(language, charset);
    }
    return out;
}

QString MailGenerator::subject(Language language)
{
    static const QStringList kPrefixes[] = {{u"Re: "_s, u"RE: "_s, u"Fwd: "_s},
                                            {u"AW: "_s, u"WG: "_s, u"Re: "_s},
                                            {u"RE: "_s, u"TR: "_s, u"Réf : "_s},
                                            {u"Re: "_s, u"Fwd: "_s, u"Отв: "_s},
                                            {u"Re: "_s, u"転送: "_s, u"回复: "_s}};
    QString text = words(language, 3 + static_cast<int>(below(7)));
    if (language != Language::Cjk)
        text[0] = text.at(0).toUpper();
    if (chance(0.15)) // a word of another language, as in "Update: Angebot für Q3"
        text += u' ' + words(static_cast<Language>(below(5)), 1);
    if (chance(0.1))
        text = u"[#%1] "_s.arg(10000 + below(90000)) + text;
    if (chance(0.3))
        text = pick(kPrefixes[static_cast<int>(language)]) + text;
    return text;
}

QByteArray MailGenerator::boundary()
{
    switch (below(4)) {
    case 0:
        return "----=_Part_" + QByteArray::number(below(100000)) + '_' +
               QByteArray::number(below(1000000000)) + '.' + QByteArray::number(m_clock) + "000";
    case 1:
        return "=_" + hex(32);
    case 2:
        return "000000000000" + hex(12);
    default:
        return "Apple-Mail=_" + hex(8).toUpper() + '-' + hex(4).toUpper() + '-' + hex(4).toUpper() +
               '-' + hex(12).toUpper();
    }
}

QByteArray MailGenerator::textPart(const QStringList &text, Language language, bool html,
                                   Charset charset)
{
    QString content;
    if (html) {
        content = u"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                  u"charset=%1\"></head>\n<body>\n"_s.arg(QString::fromLatin1(label(charset)));
        for (const QString &paragraph : text) {
            const bool quoted = paragraph.startsWith(u"> "_s);
            const QString escaped = (quoted ? paragraph.mid(2) : paragraph).toHtmlEscaped();
            content += quoted ? u"<blockquote><p>"_s : u"<p>"_s;
            content += wrap(escaped, 76).join(u'\n');
            content += quoted ? u"</p></blockquote>\n"_s : u"</p>\n"_s;
        }
        content += u"</body></html>\n"_s;
    } else {
        for (const QString &paragraph : text) {
            if (paragraph.startsWith(u"> "_s))
                content += u"> "_s + wrap(paragraph.mid(2), 70).join(u"\n> "_s) + u"\n>\n"_s;
            else
                content += wrap(paragraph, 72).join(u'\n') + u"\n\n"_s;
        }
    }
    if (!fits(content, charset))
        charset = Charset::Utf8; // a foreign name or word the charset has no code for
    const QByteArray bytes = encode(content, charset);
    const bool plainAscii = fits(content, Charset::Ascii);
    QByteArray encoding = "7bit";
    QByteArray body = bytes;
    const double draw = uniform();
    if (!plainAscii || (html && draw < 0.5)) {
        const double base64Share = charset == Charset::Utf8 || charset == Charset::Koi8r ? 0.3 : 0;
        if (draw < base64Share || (language == Language::Cjk && draw < 0.6)) {
            encoding = "base64";
            body = base64Lines(bytes);
        } else if (draw < 0.7) {
            encoding = "quoted-printable";
            body = quotedPrintable(bytes);
        } else {
            encoding = "8bit";
        }
    }
    const QByteArray type = html ? "text/html" : "text/plain";
    const QByteArray quote = chance(0.5) ? "\"" : "";
    return "Content-Type: " + type + "; charset=" + quote + label(charset) + quote +
           "\nContent-Transfer-Encoding: " + encoding + "\n\n" + body;
}
