#include "mime/EmbeddedMessages.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime {

namespace {

// Splits at the first empty line: the header block (unfolded) and where the body starts.
std::pair<QByteArray, qsizetype> headerAndBody(const QByteArray &bytes, qsizetype from,
                                               qsizetype to)
{
    qsizetype end = -1;
    qsizetype bodyStart = to;
    for (qsizetype i = from; i < to; ++i) {
        if (bytes.at(i) != '\n')
            continue;
        qsizetype next = i + 1;
        if (next < to && bytes.at(next) == '\r')
            ++next;
        if (next < to && bytes.at(next) == '\n') {
            end = i;
            bodyStart = next + 1;
            break;
        }
    }
    QByteArray header = bytes.mid(from, (end < 0 ? to : end) - from);
    header.replace("\r\n", "\n");
    header.replace("\n ", " ");
    header.replace("\n\t", " ");
    return {header, bodyStart};
}

QByteArray field(const QByteArray &header, const char *name)
{
    const QByteArray wanted = QByteArray(name).toLower() + ':';
    for (const QByteArray &line : header.split('\n')) {
        if (line.toLower().startsWith(wanted))
            return line.mid(wanted.size()).trimmed();
    }
    return {};
}

QByteArray boundaryOf(const QByteArray &contentType)
{
    static const QRegularExpression boundary(u"boundary\\s*=\\s*\"?([^\";]+)\"?"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = boundary.match(QString::fromLatin1(contentType));
    return match.hasMatch() ? match.captured(1).trimmed().toLatin1() : QByteArray();
}

// Where each line that is the delimiter starts, and where the line after it starts.
QList<std::pair<qsizetype, qsizetype>> delimiters(const QByteArray &raw, qsizetype from,
                                                  const QByteArray &delimiter)
{
    QList<std::pair<qsizetype, qsizetype>> found;
    qsizetype at = from;
    while ((at = raw.indexOf(delimiter, at)) >= 0) {
        const bool lineStart = at == from || raw.at(at - 1) == '\n';
        qsizetype lineEnd = raw.indexOf('\n', at);
        lineEnd = lineEnd < 0 ? raw.size() : lineEnd + 1;
        if (lineStart)
            found.append({at, lineEnd});
        at += delimiter.size();
    }
    return found;
}

} // namespace

QList<QByteArray> embeddedMessages(const QByteArray &raw)
{
    const auto [header, bodyStart] = headerAndBody(raw, 0, raw.size());
    const QByteArray contentType = field(header, "Content-Type");
    if (!contentType.toLower().startsWith("multipart/"))
        return {};
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return {};
    const QList<std::pair<qsizetype, qsizetype>> marks =
        delimiters(raw, bodyStart, "--" + boundary);
    QList<QByteArray> messages;
    for (qsizetype i = 0; i + 1 < marks.size(); ++i) {
        const qsizetype partStart = marks.at(i).second;
        // The line break before the next delimiter belongs to the delimiter.
        qsizetype partEnd = marks.at(i + 1).first;
        if (partEnd > partStart && raw.at(partEnd - 1) == '\n')
            --partEnd;
        if (partEnd > partStart && raw.at(partEnd - 1) == '\r')
            --partEnd;
        const auto [partHeader, partBody] = headerAndBody(raw, partStart, partEnd);
        if (!field(partHeader, "Content-Type").toLower().startsWith("message/rfc822"))
            continue;
        const QByteArray encoding = field(partHeader, "Content-Transfer-Encoding").toLower();
        const QByteArray content = raw.mid(partBody, partEnd - partBody);
        if (encoding == "base64")
            messages.append(QByteArray::fromBase64(content));
        else
            messages.append(content);
    }
    return messages;
}

} // namespace Mailkeep::Mime
