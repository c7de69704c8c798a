#include "mime/Charsets.h"

#include <QSet>

#include <array>
#include <cerrno>
#include <gmime/gmime.h>

#include <iconv.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime::Detail {
namespace {

// 0x80..0x9F of windows-1252; 0 marks the five undefined bytes, which keep their latin1 value.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

const iconv_t kInvalidIconv = reinterpret_cast<iconv_t>(static_cast<intptr_t>(-1));
constexpr size_t kIconvError = static_cast<size_t>(-1);

bool isUtf8Name(const QByteArray &name)
{
    return name == "utf-8" || name == "utf8";
}

// Labels that in practice mean "some 8-bit Western text": browsers read all of them as
// windows-1252 (WHATWG Encoding), and so do we, because mislabelled windows-1252 is common.
bool isWesternName(const QByteArray &name)
{
    static const QSet<QByteArray> names = {
        "us-ascii",     "ascii",   "iso-8859-1", "iso8859-1",     "iso_8859-1",
        "latin1",       "latin-1", "l1",         "cp819",         "ibm819",
        "windows-1252", "cp1252",  "x-cp1252",   "ansi_x3.4-1968"};
    return names.contains(name);
}

// Converts with iconv, replacing undecodable bytes by U+FFFD one at a time so a single bad byte
// does not cost the rest of the text. Returns UTF-8; counts the replacements.
QByteArray convertToUtf8(iconv_t cd, const QByteArray &bytes, qsizetype &invalid)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 2);
    char *in = const_cast<char *>(bytes.constData()); // iconv's API is not const-correct
    size_t inLeft = size_t(bytes.size());
    std::array<char, 16384> buffer{};
    while (true) {
        char *outPtr = buffer.data();
        size_t outLeft = buffer.size();
        const size_t rc = inLeft > 0 ? iconv(cd, &in, &inLeft, &outPtr, &outLeft)
                                     : iconv(cd, nullptr, nullptr, &outPtr, &outLeft);
        const int error = errno;
        out.append(buffer.data(), outPtr - buffer.data());
        if (rc != kIconvError) {
            if (inLeft == 0 && outPtr == buffer.data())
                break; // input consumed and shift state flushed
            continue;
        }
        if (error == E2BIG)
            continue;
        if (inLeft == 0)
            break;
        // EILSEQ, or EINVAL for a truncated sequence at the end: skip one byte.
        out.append("\xEF\xBF\xBD");
        ++in;
        --inLeft;
        ++invalid;
        iconv(cd, nullptr, nullptr, nullptr, nullptr); // reset shift state
    }
    return out;
}

QString fallbackDecode(const QByteArray &bytes)
{
    return isValidUtf8(bytes) ? QString::fromUtf8(bytes) : decodeWindows1252(bytes);
}

} // namespace

bool isValidUtf8(const QByteArray &bytes)
{
    return g_utf8_validate_len(bytes.constData(), gsize(bytes.size()), nullptr);
}

QString decodeWindows1252(const QByteArray &bytes)
{
    QString text(bytes.size(), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        const char16_t mapped =
            (value >= 0x80 && value < 0xA0) ? kWindows1252High[value - 0x80] : 0;
        *out++ = QChar(mapped ? mapped : char16_t(value));
    }
    return text;
}

bool isKnownCharset(const QByteArray &charset)
{
    const QByteArray name = charset.trimmed().toLower();
    if (name.isEmpty())
        return false;
    if (isUtf8Name(name) || isWesternName(name))
        return true;
    const iconv_t cd = g_mime_iconv_open("UTF-8", name.constData());
    if (cd == kInvalidIconv)
        return false;
    g_mime_iconv_close(cd);
    return true;
}

QString decodeText(const QByteArray &bytes, const QByteArray &charset, QStringList &defects)
{
    const QByteArray name = charset.trimmed().toLower();
    if (bytes.isEmpty())
        return {};
    if (name.isEmpty() || isWesternName(name))
        return fallbackDecode(bytes); // undeclared 8-bit text is the norm, not a defect
    if (isUtf8Name(name)) {
        if (isValidUtf8(bytes))
            return QString::fromUtf8(bytes);
        defects.append(u"invalid UTF-8 text"_s);
        return decodeWindows1252(bytes);
    }
    const iconv_t cd = g_mime_iconv_open("UTF-8", name.constData());
    if (cd == kInvalidIconv) {
        defects.append(u"unknown charset "_s + QString::fromLatin1(name.left(40)));
        return fallbackDecode(bytes);
    }
    qsizetype invalid = 0;
    const QByteArray utf8 = convertToUtf8(cd, bytes, invalid);
    g_mime_iconv_close(cd);
    if (invalid == 0)
        return QString::fromUtf8(utf8);
    if (isValidUtf8(bytes))
        return QString::fromUtf8(bytes); // mislabelled UTF-8: common, and harmless to read
    defects.append(u"undecodable bytes in "_s + QString::fromLatin1(name.left(40)) + u" text"_s);
    return QString::fromUtf8(utf8);
}

} // namespace Mailkeep::Mime::Detail
