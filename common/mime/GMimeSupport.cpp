#include "mime/GMimeSupport.h"

#include "mime/Charsets.h"

#include <mutex>
#include <vector>

namespace Mailkeep::Mime::Detail {

void ensureGMimeInitialised()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

QString fromUtf8(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

QString takeUtf8(char *allocatedText)
{
    const GCharPtr holder(allocatedText);
    return fromUtf8(allocatedText);
}

QByteArray unfold(const char *rawValue)
{
    if (!rawValue)
        return {};
    const GCharPtr unfolded(g_mime_utils_header_unfold(rawValue));
    return QByteArray(unfolded.get()).trimmed();
}

QByteArray unfoldedHeader(GMimeHeaderList *headers, const char *name, bool *present)
{
    GMimeHeader *header = headers ? g_mime_header_list_get_header(headers, name) : nullptr;
    if (present)
        *present = header != nullptr;
    return header ? unfold(g_mime_header_get_raw_value(header)) : QByteArray();
}

QList<QByteArray> unfoldedHeaders(GMimeHeaderList *headers, const char *name)
{
    QList<QByteArray> values;
    const int count = headers ? g_mime_header_list_get_count(headers) : 0;
    for (int i = 0; i < count; ++i) {
        GMimeHeader *header = g_mime_header_list_get_header_at(headers, i);
        if (g_ascii_strcasecmp(g_mime_header_get_name(header), name) == 0)
            values.append(unfold(g_mime_header_get_raw_value(header)));
    }
    return values;
}

QDateTime parseDate(const QByteArray &text)
{
    if (text.trimmed().isEmpty())
        return {};
    GDateTime *parsed = g_mime_utils_header_decode_date(text.constData());
    if (!parsed)
        return {};
    const qint64 msecs =
        qint64(g_date_time_to_unix(parsed)) * 1000 + g_date_time_get_microsecond(parsed) / 1000;
    g_date_time_unref(parsed);
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
}

ParserOptionsPtr makeParserOptions(const QByteArray &preferredCharset)
{
    ParserOptionsPtr options(g_mime_parser_options_new());
    g_mime_parser_options_set_rfc2047_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_parameter_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options.get(), GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_allow_addresses_without_domain(options.get(), TRUE);

    // Raw 8-bit header words: GMime takes the first charset that converts without errors.
    // UTF-8 first (it rarely validates by accident), then the body's declared charset (mailers
    // tend to use one charset for both), then windows-1252, and iso-8859-1 last because it
    // accepts every byte - so no character is ever lost to '?'.
    std::vector<const char *> charsets{"UTF-8"};
    const QByteArray preferred = preferredCharset.trimmed().toLower();
    if (!preferred.isEmpty() && preferred != "utf-8" && preferred != "us-ascii" &&
        isKnownCharset(preferred))
        charsets.push_back(preferred.constData());
    charsets.push_back("windows-1252");
    charsets.push_back("iso-8859-1");
    charsets.push_back(nullptr);
    g_mime_parser_options_set_fallback_charsets(options.get(), charsets.data()); // copies
    return options;
}

} // namespace Mailkeep::Mime::Detail
