#include "mime/HeaderReader.h"

#include "mime/Charsets.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime::Detail {
namespace {

constexpr int kMaxGroupDepth = 4;

void appendAddresses(InternetAddressList *list, QList<Address> &out, int depth)
{
    const int count = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < count; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (auto *mailbox =
                instanceAs<InternetAddressMailbox>(address, internet_address_mailbox_get_type())) {
            out.append({fromUtf8(internet_address_get_name(address)).trimmed(),
                        fromUtf8(internet_address_mailbox_get_addr(mailbox)).trimmed()});
        } else if (auto *group = instanceAs<InternetAddressGroup>(
                       address, internet_address_group_get_type())) {
            if (depth < kMaxGroupDepth)
                appendAddresses(internet_address_group_get_members(group), out, depth + 1);
        }
    }
}

QList<Address> addressField(GMimeHeaderList *headers, const char *name, GMimeParserOptions *options,
                            QStringList &defects)
{
    QList<Address> addresses;
    for (const QByteArray &value : unfoldedHeaders(headers, name)) {
        defects.append(unknownEncodedWordCharsets(value));
        const QList<Address> decoded = decodeAddresses({value}, options);
        addresses.append(decoded);
        // Keep what an unreadable header said (as a name) rather than dropping it silently.
        if (decoded.isEmpty() && !value.isEmpty() && !value.contains(':')) {
            defects.append(u"invalid address list in "_s + QString::fromLatin1(name) +
                           u" header"_s);
            addresses.append({decodeUnstructured(value, options), QString()});
        }
    }
    return addresses;
}

// The date after the last ';' of a Received header (RFC 5321 time stamp line).
QDateTime receivedDate(const QByteArray &received)
{
    const qsizetype semicolon = received.lastIndexOf(';');
    return semicolon < 0 ? QDateTime() : parseDate(received.mid(semicolon + 1));
}

} // namespace

QString decodeUnstructured(const QByteArray &value, GMimeParserOptions *options)
{
    if (value.isEmpty())
        return {};
    return takeUtf8(g_mime_utils_header_decode_text(options, value.constData())).trimmed();
}

QList<Address> decodeAddresses(const QList<QByteArray> &values, GMimeParserOptions *options)
{
    QList<Address> addresses;
    for (const QByteArray &value : values) {
        if (value.isEmpty())
            continue;
        const GObjectPtr<InternetAddressList> list(
            internet_address_list_parse(options, value.constData()));
        appendAddresses(list.get(), addresses, 0);
    }
    return addresses;
}

QString extractMessageId(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    const qsizetype open = trimmed.indexOf('<');
    if (open >= 0) {
        const qsizetype close = trimmed.indexOf('>', open + 1);
        const QByteArray id = trimmed.mid(open + 1, close < 0 ? -1 : close - open - 1).trimmed();
        return QString::fromUtf8(id);
    }
    // No brackets: the first word is the id; anything after it is a comment at best.
    const qsizetype space = trimmed.indexOf(' ');
    return QString::fromUtf8(space < 0 ? trimmed : trimmed.left(space));
}

QStringList unknownEncodedWordCharsets(const QByteArray &value)
{
    // Scanned by hand: "=?charset?B?" or "=?charset?Q?" (a shared QRegularExpression would be
    // one more object to reason about when parsing from several threads).
    QStringList unknown;
    for (qsizetype at = value.indexOf("=?"); at >= 0; at = value.indexOf("=?", at + 2)) {
        const qsizetype question = value.indexOf('?', at + 2);
        if (question < 0 || question + 2 >= value.size() || value.at(question + 2) != '?' ||
            !QByteArrayView("BbQq").contains(value.at(question + 1)))
            continue;
        QByteArray charset = value.mid(at + 2, question - at - 2);
        if (const qsizetype star = charset.indexOf('*'); star >= 0)
            charset.truncate(star); // RFC 2231 language suffix
        if (charset.isEmpty() || charset.size() > 60 || charset.contains(' '))
            continue;
        if (!isKnownCharset(charset))
            unknown.append(u"unknown charset "_s + QString::fromLatin1(charset.toLower()));
    }
    return unknown;
}

HeaderFields readHeaders(GMimeHeaderList *headers, GMimeParserOptions *options)
{
    HeaderFields fields;
    const QByteArray subject = unfoldedHeader(headers, "Subject");
    fields.defects.append(unknownEncodedWordCharsets(subject));
    fields.subject = decodeUnstructured(subject, options);

    fields.from = addressField(headers, "From", options, fields.defects);
    fields.sender = addressField(headers, "Sender", options, fields.defects);
    fields.to = addressField(headers, "To", options, fields.defects);
    fields.cc = addressField(headers, "Cc", options, fields.defects);
    fields.bcc = addressField(headers, "Bcc", options, fields.defects);
    fields.replyTo = addressField(headers, "Reply-To", options, fields.defects);

    fields.messageId = extractMessageId(unfoldedHeader(headers, "Message-ID"));

    bool hasDate = false;
    const QByteArray date = unfoldedHeader(headers, "Date", &hasDate);
    fields.date = parseDate(date);
    if (hasDate && !fields.date.isValid())
        fields.defects.append(u"invalid Date header"_s);
    if (!fields.date.isValid()) {
        // Index 0 is the topmost Received header: the last hop, closest to our mailbox.
        const QList<QByteArray> received = unfoldedHeaders(headers, "Received");
        if (!received.isEmpty()) {
            fields.date = receivedDate(received.first());
            fields.dateFromReceived = fields.date.isValid();
        }
    }
    return fields;
}

} // namespace Mailkeep::Mime::Detail
