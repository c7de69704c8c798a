#include "mime/PartWalker.h"

#include "mime/Charsets.h"
#include "mime/HeaderReader.h"
#include "mime/HtmlToText.h"

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime::Detail {
namespace {

// Caps keep one pathological message (a 200 MB "text" log) from exhausting a worker's memory;
// the raw bytes are archived whole anyway.
constexpr qint64 kMaxBodyPartBytes = 16 * 1024 * 1024;
constexpr qint64 kMaxAttachmentTextBytes = 1024 * 1024;
constexpr int kMaxMimeDepth = 64;
constexpr int kMaxMessageNesting = 8;

bool isType(GMimeObject *object, const char *type, const char *subtype)
{
    return g_mime_content_type_is_type(g_mime_object_get_content_type(object), type, subtype);
}

QString mimeTypeOf(GMimeObject *object)
{
    return takeUtf8(g_mime_content_type_get_mime_type(g_mime_object_get_content_type(object)))
        .toLower();
}

bool isAttachmentDisposition(GMimeObject *object)
{
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    return disposition && g_mime_content_disposition_is_attachment(disposition);
}

bool isInlinePart(GMimeObject *object)
{
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    if (disposition) {
        const char *value = g_mime_content_disposition_get_disposition(disposition);
        return value && g_ascii_strcasecmp(value, "inline") == 0;
    }
    return g_mime_object_get_content_id(object) != nullptr; // referenced from HTML by cid:
}

// Transfer-decoded size of the whole content, without keeping it.
qint64 decodedSize(GMimeDataWrapper *content)
{
    if (!content)
        return 0;
    const GObjectPtr<GMimeStream> sink(g_mime_stream_null_new());
    const ssize_t written = g_mime_data_wrapper_write_to_stream(content, sink.get());
    return written < 0 ? 0 : qint64(written);
}

// Transfer-decoded content, at most `cap` bytes; `size` receives the full decoded size.
QByteArray decodedContent(GMimeDataWrapper *content, qint64 cap, qint64 &size)
{
    size = 0;
    if (!content)
        return {};
    const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, stream.get());
    auto *memory = instanceAs<GMimeStreamMem>(stream.get(), g_mime_stream_mem_get_type());
    GByteArray *bytes = memory ? g_mime_stream_mem_get_byte_array(memory) : nullptr;
    if (!bytes)
        return {};
    size = qint64(bytes->len);
    return QByteArray(reinterpret_cast<const char *>(bytes->data), qMin(size, cap));
}

QString formatAddresses(const QList<Address> &addresses)
{
    QStringList parts;
    for (const Address &address : addresses) {
        if (address.name.isEmpty())
            parts.append(address.address);
        else if (address.address.isEmpty())
            parts.append(address.name);
        else
            parts.append(address.name + u" <"_s + address.address + u'>');
    }
    return parts.join(u", "_s);
}

} // namespace

PartWalker::PartWalker(GMimeParserOptions *options, int nesting, bool keepContent)
    : m_options(options)
    , m_nesting(nesting)
    , m_keepContent(keepContent)
{}

void PartWalker::walkMessage(GMimeMessage *message)
{
    if (GMimeObject *body = message ? g_mime_message_get_mime_part(message) : nullptr)
        walk(body, Mode::Body, 0);
}

void PartWalker::walk(GMimeObject *object, Mode mode, int depth)
{
    if (!object)
        return;
    if (depth > kMaxMimeDepth) {
        m_defects.append(u"MIME nesting too deep"_s);
        return;
    }
    if (auto *multipart = instanceAs<GMimeMultipart>(object, g_mime_multipart_get_type()))
        walkMultipart(multipart, mode, depth);
    else if (auto *messagePart =
                 instanceAs<GMimeMessagePart>(object, g_mime_message_part_get_type()))
        walkMessagePart(messagePart, mode);
    else if (auto *part = instanceAs<GMimePart>(object, g_mime_part_get_type()))
        walkLeaf(part, mode);
}

// The alternative to read: the last text/plain one (senders put the richest last, but plain
// text is what we index); failing that the last HTML or composite one (HTML with images).
int PartWalker::chooseAlternative(GMimeMultipart *multipart) const
{
    const int count = g_mime_multipart_get_count(multipart);
    for (int i = count - 1; i >= 0; --i) {
        GMimeObject *child = g_mime_multipart_get_part(multipart, i);
        if (isType(child, "text", "plain") && !isAttachmentDisposition(child))
            return i;
    }
    for (int i = count - 1; i >= 0; --i) {
        GMimeObject *child = g_mime_multipart_get_part(multipart, i);
        if (isType(child, "text", "html") || isType(child, "multipart", "*"))
            return i;
    }
    return count - 1;
}

void PartWalker::walkMultipart(GMimeMultipart *multipart, Mode mode, int depth)
{
    GMimeObject *object = asObject(multipart);
    const int count = g_mime_multipart_get_count(multipart);
    if (isType(object, "multipart", "signed")) {
        // The second part is the signature: an artefact of signing, not an attachment.
        walk(count > 0 ? g_mime_multipart_get_part(multipart, 0) : nullptr, mode, depth + 1);
        return;
    }
    const bool alternative = isType(object, "multipart", "alternative");
    const int chosen = alternative && mode == Mode::Body ? chooseAlternative(multipart) : -1;
    for (int i = 0; i < count; ++i) {
        const Mode childMode = alternative && i != chosen ? Mode::AttachmentsOnly : mode;
        walk(g_mime_multipart_get_part(multipart, i), childMode, depth + 1);
    }
}

void PartWalker::walkMessagePart(GMimeMessagePart *messagePart, Mode mode)
{
    GMimeObject *object = asObject(messagePart);
    GMimeMessage *inner = g_mime_message_part_get_message(messagePart);
    GMimeHeaderList *innerHeaders =
        inner ? g_mime_object_get_header_list(asObject(inner)) : nullptr;
    const QString subject = decodeUnstructured(unfoldedHeader(innerHeaders, "Subject"), m_options);

    AttachmentInfo info;
    info.contentType = mimeTypeOf(object);
    info.fileName = fromUtf8(g_mime_object_get_content_disposition_parameter(object, "filename"));
    if (info.fileName.isEmpty())
        info.fileName = fromUtf8(g_mime_object_get_content_type_parameter(object, "name"));
    if (info.fileName.isEmpty() && !subject.isEmpty())
        info.fileName = subject + u".eml"_s;
    info.isInline = isInlinePart(object);
    info.contentId = fromUtf8(g_mime_object_get_content_id(object));
    if (inner && m_keepContent) {
        const GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
        g_mime_object_write_to_stream(asObject(inner), nullptr, stream.get());
        auto *memory = instanceAs<GMimeStreamMem>(stream.get(), g_mime_stream_mem_get_type());
        if (GByteArray *bytes = memory ? g_mime_stream_mem_get_byte_array(memory) : nullptr)
            info.content =
                QByteArray(reinterpret_cast<const char *>(bytes->data), qsizetype(bytes->len));
        info.decodedSize = info.content.size();
    } else if (inner) {
        const GObjectPtr<GMimeStream> sink(g_mime_stream_null_new());
        const ssize_t written = g_mime_object_write_to_stream(asObject(inner), nullptr, sink.get());
        info.decodedSize = written < 0 ? 0 : qint64(written);
    }
    m_attachments.append(info);

    if (mode != Mode::Body || !inner)
        return;
    if (m_nesting >= kMaxMessageNesting) {
        m_defects.append(u"messages nested too deep"_s);
        return;
    }
    PartWalker nested(m_options, m_nesting + 1);
    nested.walkMessage(inner);
    m_defects.append(nested.defects());
    const QString from =
        formatAddresses(decodeAddresses({unfoldedHeader(innerHeaders, "From")}, m_options));
    appendBody(u"Subject: "_s + subject + u"\nFrom: "_s + from + u"\n\n"_s + nested.bodyText());
}

void PartWalker::walkLeaf(GMimePart *part, Mode mode)
{
    GMimeObject *object = asObject(part);
    const bool attachmentDisposition = isAttachmentDisposition(object);
    const bool plain = isType(object, "text", "plain");
    const bool html = isType(object, "text", "html");
    const bool text = isType(object, "text", "*");
    const QByteArray charset(g_mime_object_get_content_type_parameter(object, "charset"));
    if (text && m_firstCharset.isEmpty() && !charset.trimmed().isEmpty())
        m_firstCharset = charset.trimmed();
    GMimeDataWrapper *content = g_mime_part_get_content(part);

    if ((plain || html) && !attachmentDisposition) {
        m_hasHtml = m_hasHtml || html;
        // For a reader showing the message: its first HTML part, whichever alternative won.
        if (html && m_keepContent && m_html.isEmpty()) {
            qint64 size = 0;
            m_html =
                decodeText(decodedContent(content, kMaxBodyPartBytes, size), charset, m_defects);
        }
        if (mode == Mode::AttachmentsOnly)
            return; // the other alternative is the body
        qint64 size = 0;
        const QString decoded =
            decodeText(decodedContent(content, kMaxBodyPartBytes, size), charset, m_defects);
        appendBody(html ? htmlToText(decoded) : decoded);
        return;
    }

    AttachmentInfo info;
    info.fileName = fromUtf8(g_mime_part_get_filename(part)).trimmed();
    info.contentType = mimeTypeOf(object);
    info.isInline = isInlinePart(object);
    info.contentId = fromUtf8(g_mime_object_get_content_id(object));
    if (m_keepContent) {
        info.content =
            decodedContent(content, std::numeric_limits<qint64>::max(), info.decodedSize);
        if (text)
            info.text = decodeText(info.content.left(kMaxAttachmentTextBytes), charset, m_defects);
    } else if (text) {
        const QByteArray bytes = decodedContent(content, kMaxAttachmentTextBytes, info.decodedSize);
        info.text = decodeText(bytes, charset, m_defects);
    } else {
        info.decodedSize = decodedSize(content);
    }
    m_attachments.append(info);
}

void PartWalker::appendBody(QString text)
{
    text.replace(u"\r\n"_s, u"\n"_s);
    text.replace(u'\r', u'\n');
    while (!text.isEmpty() && text.back().isSpace())
        text.chop(1);
    if (!text.isEmpty())
        m_bodyParts.append(text);
}

} // namespace Mailkeep::Mime::Detail
