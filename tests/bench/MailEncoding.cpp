#include "MailEncoding.h"

#include <QDate>

#include <array>
#include <cstdio>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace MailEncoding {
namespace {

// KOI8-R puts the Cyrillic letters in this (phonetic, not alphabetical) order from 0xC0 on, the
// capitals 32 codes higher.
const QString &koi8Letters()
{
    static const QString letters = u"юабцдефгхийклмнопярстужвьызшэщчъ"_s;
    return letters;
}

// The printable characters windows-1252 has in 0x80..0x9F where ISO-8859-1 has controls.
constexpr std::array<std::pair<char16_t, unsigned char>, 10> kWindows1252 = {{{u'€', 0x80},
                                                                              {u'‚', 0x82},
                                                                              {u'„', 0x84},
                                                                              {u'…', 0x85},
                                                                              {u'‘', 0x91},
                                                                              {u'’', 0x92},
                                                                              {u'“', 0x93},
                                                                              {u'”', 0x94},
                                                                              {u'–', 0x96},
                                                                              {u'—', 0x97}}};

// The byte for c in a single-byte charset, or -1.
int singleByte(QChar c, Charset charset)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return u;
    switch (charset) {
    case Charset::Latin1:
        return u >= 0xA0 && u <= 0xFF ? u : -1;
    case Charset::Windows1252:
        for (const auto &[unicode, byte] : kWindows1252) {
            if (unicode == u)
                return byte;
        }
        return u >= 0xA0 && u <= 0xFF ? u : -1;
    case Charset::Koi8r: {
        if (c == u'ё')
            return 0xA3;
        if (c == u'Ё')
            return 0xB3;
        const qsizetype lower = koi8Letters().indexOf(c.toLower());
        if (lower < 0)
            return -1;
        return (c.isUpper() ? 0xE0 : 0xC0) + static_cast<int>(lower);
    }
    default:
        return -1;
    }
}

// Q encoding of a display name or Subject: only what is safe in a phrase stays literal.
QByteArray qEncoded(const QByteArray &bytes)
{
    QByteArray out;
    for (const char byte : bytes) {
        const auto b = static_cast<unsigned char>(byte);
        if (b == ' ')
            out += '_';
        else if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                 b == '!' || b == '*' || b == '+' || b == '-' || b == '/')
            out += byte;
        else
            out += '=' + QByteArray::number(b, 16).toUpper().rightJustified(2, '0');
    }
    return out;
}

} // namespace

QByteArray label(Charset charset)
{
    switch (charset) {
    case Charset::Ascii:
        return "us-ascii";
    case Charset::Utf8:
        return "utf-8";
    case Charset::Latin1:
        return "iso-8859-1";
    case Charset::Windows1252:
        return "windows-1252";
    case Charset::Koi8r:
        return "koi8-r";
    }
    return "utf-8";
}

bool fits(const QString &text, Charset charset)
{
    if (charset == Charset::Utf8)
        return true;
    for (const QChar c : text) {
        if (charset == Charset::Ascii ? c.unicode() >= 0x80 : singleByte(c, charset) < 0)
            return false;
    }
    return true;
}

QByteArray encode(const QString &text, Charset charset)
{
    if (charset == Charset::Utf8)
        return text.toUtf8();
    QByteArray out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const int byte =
            charset == Charset::Ascii && c.unicode() >= 0x80 ? -1 : singleByte(c, charset);
        out += byte < 0 ? '?' : static_cast<char>(byte);
    }
    return out;
}

QByteArray quotedPrintable(const QByteArray &bytes)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 4);
    int column = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes.at(i));
        if (b == '\n') {
            out += '\n';
            column = 0;
            continue;
        }
        const bool lineEnd = i + 1 == bytes.size() || bytes.at(i + 1) == '\n';
        char piece[4] = {static_cast<char>(b), 0, 0, 0};
        int length = 1;
        // Trailing white space would be lost in transit, so it is encoded like any other byte.
        if (!((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd)))
            length = std::snprintf(piece, sizeof piece, "=%02X", b);
        if (column + length > 75) {
            out += "=\n";
            column = 0;
        }
        out.append(piece, length);
        column += length;
    }
    return out;
}

QByteArray base64Lines(const QByteArray &bytes)
{
    const QByteArray encoded = bytes.toBase64();
    QByteArray out;
    out.reserve(encoded.size() + encoded.size() / 76 + 1);
    for (qsizetype i = 0; i < encoded.size(); i += 76) {
        out.append(QByteArrayView(encoded).sliced(i, qMin<qsizetype>(76, encoded.size() - i)));
        out.append('\n');
    }
    return out;
}

QByteArray encodedWords(const QString &text, Charset charset, bool base64)
{
    const QByteArray prefix = "=?" + label(charset).toUpper() + (base64 ? "?B?" : "?Q?");
    QByteArray out;
    QByteArray chunk;
    qsizetype qLength = 0;
    const auto flush = [&] {
        if (chunk.isEmpty())
            return;
        if (!out.isEmpty())
            out += "\n ";
        out += prefix + (base64 ? chunk.toBase64() : qEncoded(chunk)) + "?=";
        chunk.clear();
        qLength = 0;
    };
    // Characters are never split across words: a decoder may decode each word on its own.
    for (const QChar c : text) {
        const QByteArray bytes = encode(QString(c), charset);
        const qsizetype bytesLength = base64 ? 0 : qEncoded(bytes).size();
        const qsizetype length =
            base64 ? (chunk.size() + bytes.size() + 2) / 3 * 4 : qLength + bytesLength;
        if (prefix.size() + length + 2 > 75)
            flush();
        chunk += bytes;
        qLength += bytesLength;
    }
    flush();
    return out;
}

QByteArray rfc5322Date(qint64 secondsSinceEpoch, int offsetMinutes)
{
    static constexpr const char *kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const qint64 local = secondsSinceEpoch + offsetMinutes * 60;
    const QDate date = QDate(1970, 1, 1).addDays(local / 86400);
    const int seconds = static_cast<int>(local % 86400);
    const int offset = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    char text[40];
    const int length =
        std::snprintf(text, sizeof text, "%s, %02d %s %04d %02d:%02d:%02d %c%02d%02d",
                      kDays[date.dayOfWeek() - 1], date.day(), kMonths[date.month() - 1],
                      date.year(), seconds / 3600, seconds / 60 % 60, seconds % 60,
                      offsetMinutes < 0 ? '-' : '+', offset / 60, offset % 60);
    return QByteArray(text, length);
}

} // namespace MailEncoding
