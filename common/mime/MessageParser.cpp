#include "mime/MessageParser.h"

#include "crypto/Sha256.h"
#include "mime/GMimeSupport.h"
#include "mime/HeaderReader.h"
#include "mime/HeaderSyntax.h"
#include "mime/PartWalker.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime {
namespace {

using namespace Detail;

// GMime's parser warnings as our defect sentences. Warnings about things we repair without loss
// (unencoded 8-bit header bytes) are not defects.
QString warningText(GMimeParserWarning code, const char *item)
{
    // `item` is raw input: keep it short and printable.
    const QString detail = item ? QString::fromUtf8(item).left(60).simplified() : QString();
    const auto with = [&detail](const QString &text) -> QString {
        return detail.isEmpty() ? text : text + u' ' + detail;
    };
    switch (code) {
    case GMIME_WARN_DUPLICATED_HEADER:
        return with(u"duplicated header"_s);
    case GMIME_WARN_DUPLICATED_PARAMETER:
        return with(u"duplicated parameter"_s);
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
        return {};
    case GMIME_WARN_INVALID_CONTENT_TYPE:
        return with(u"invalid Content-Type"_s);
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
        return u"invalid RFC 2047 encoded word"_s;
    case GMIME_WARN_INVALID_PARAMETER:
        return u"invalid header parameter"_s;
    case GMIME_WARN_MALFORMED_MULTIPART:
        return u"multipart without parts"_s;
    case GMIME_WARN_TRUNCATED_MESSAGE:
        return u"missing MIME boundary"_s;
    case GMIME_WARN_MALFORMED_MESSAGE:
        return u"malformed message"_s;
    case GMIME_WARN_INVALID_ADDRESS_LIST:
        return u"invalid address list"_s;
    case GMIME_CRIT_INVALID_HEADER_NAME:
        return u"invalid header line"_s;
    case GMIME_CRIT_CONFLICTING_HEADER:
        return with(u"conflicting header"_s);
    case GMIME_CRIT_CONFLICTING_PARAMETER:
        return with(u"conflicting parameter"_s);
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
        return u"multipart without boundary"_s;
    case GMIME_CRIT_NESTING_OVERFLOW:
        return u"MIME nesting too deep"_s;
    case GMIME_WARN_PART_WITHOUT_CONTENT:
        return u"MIME part without content"_s;
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
        return u"MIME part without headers or content"_s;
    }
    return u"parser warning "_s + QString::number(int(code));
}

void collectWarning(gint64, GMimeParserWarning code, const gchar *item, gpointer userData)
{
    const QString text = warningText(code, item);
    if (!text.isEmpty())
        static_cast<QStringList *>(userData)->append(text);
}

struct GMimeParsed
{
    GObjectPtr<GMimeMessage> message; // null when GMime found no message
    qint64 headersBegin = 0;
    qint64 headersEnd = -1;
};

GMimeParsed parseWithGMime(const QByteArray &raw, GMimeParserOptions *options)
{
    const GObjectPtr<GMimeStream> stream(
        g_mime_stream_mem_new_with_buffer(raw.constData(), size_t(raw.size())));
    const GObjectPtr<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
    GMimeParsed parsed;
    parsed.message.reset(g_mime_parser_construct_message(parser.get(), options));
    parsed.headersBegin = g_mime_parser_get_headers_begin(parser.get());
    parsed.headersEnd = g_mime_parser_get_headers_end(parser.get());
    return parsed;
}

ParsedMessage unparseable(const QByteArray &raw, const QString &defect)
{
    ParsedMessage result;
    result.status = ParseStatus::Unparseable;
    result.defects = {defect};
    result.size = raw.size();
    return result;
}

} // namespace

QByteArray MessageParser::bodyHash(const QString &bodyText)
{
    const QString normalised = bodyText.simplified().normalized(QString::NormalizationForm_C);
    return Crypto::sha256(normalised.toUtf8());
}

ParsedMessage MessageParser::parse(const QByteArray &raw)
{
    return parse(raw, false);
}

ParsedMessage MessageParser::parseWithAttachments(const QByteArray &raw)
{
    return parse(raw, true);
}

ParsedMessage MessageParser::parse(const QByteArray &raw, bool keepAttachmentContent)
{
    if (raw.isEmpty())
        return unparseable(raw, u"empty input: no header block"_s);
    // Checked here rather than left to GMime, which skips invalid lines until it finds
    // something header-like - and binary garbage sometimes contains such a line.
    if (!startsWithHeaderField(raw))
        return unparseable(raw, u"no header block"_s);
    ensureGMimeInitialised();

    // Everything below is local to this call, which is what makes parse() thread-safe.
    QStringList defects; // filled by the warning callback while GMime parses
    const ParserOptionsPtr options = makeParserOptions();
    g_mime_parser_options_set_warning_callback(options.get(), collectWarning, &defects);
    GMimeParsed parsed = parseWithGMime(raw, options.get());
    QByteArray repaired;
    if (!parsed.message) {
        // A header block cut off by a line that is no header: read that line as body instead.
        repaired = terminateHeaderBlock(raw);
        if (!repaired.isEmpty()) {
            defects.clear(); // what the failed attempt reported is about a different input
            defects.append(u"header block ends in an invalid line"_s);
            parsed = parseWithGMime(repaired, options.get());
        }
    }
    if (!parsed.message)
        return unparseable(raw, u"no header block"_s);
    const QByteArray &input = repaired.isEmpty() ? raw : repaired;

    ParsedMessage result;
    result.size = raw.size();
    // The block GMime read, without a leading mbox "From " line; a block cut off by the end of
    // the input has no end position (-1) and runs to the end.
    const qint64 inputSize = input.size();
    const qint64 begin = qBound(qint64(headerBlockStart(input)), parsed.headersBegin, inputSize);
    const qint64 end =
        parsed.headersEnd < 0 ? inputSize : qBound(begin, parsed.headersEnd, inputSize);
    result.headerBlock = input.mid(begin, end - begin);
    if (parsed.headersEnd < 0) {
        // GMime reports any truncation as a missing boundary; here it is the header block.
        defects.removeAll(u"missing MIME boundary"_s);
        defects.append(u"message ends inside its header block"_s);
    }

    PartWalker walker(options.get(), 0, keepAttachmentContent);
    walker.walkMessage(parsed.message.get());
    result.bodyText = walker.bodyText();
    result.hasHtml = walker.hasHtml();
    result.html = walker.html();
    result.attachments = walker.attachments();
    defects.append(walker.defects());

    // Headers are decoded from their raw values with the body's charset as the first guess for
    // undeclared 8-bit bytes, after UTF-8.
    const ParserOptionsPtr headerOptions = makeParserOptions(walker.firstCharset());
    HeaderFields fields = readHeaders(g_mime_object_get_header_list(asObject(parsed.message.get())),
                                      headerOptions.get());
    result.subject = std::move(fields.subject);
    result.from = std::move(fields.from);
    result.sender = std::move(fields.sender);
    result.to = std::move(fields.to);
    result.cc = std::move(fields.cc);
    result.bcc = std::move(fields.bcc);
    result.replyTo = std::move(fields.replyTo);
    result.messageId = std::move(fields.messageId);
    result.date = fields.date;
    result.dateFromReceived = fields.dateFromReceived;
    defects.append(fields.defects);

    result.bodyHash = bodyHash(result.bodyText);
    defects.removeDuplicates();
    result.defects = defects;
    result.status = defects.isEmpty() ? ParseStatus::Ok : ParseStatus::Defective;
    return result;
}

} // namespace Mailkeep::Mime
