#include "mime/HeaderSyntax.h"

namespace Mailkeep::Mime::Detail {
namespace {

QByteArrayView lineAt(QByteArrayView text, qsizetype start)
{
    const qsizetype end = text.indexOf('\n', start);
    QByteArrayView line = text.sliced(start, (end < 0 ? text.size() : end) - start);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

bool isHeaderFieldLine(QByteArrayView line)
{
    qsizetype i = 0;
    while (i < line.size()) {
        const auto c = static_cast<unsigned char>(line.at(i));
        if (c == ':' || c <= 32 || c >= 127)
            break;
        ++i;
    }
    if (i == 0)
        return false;
    while (i < line.size() && (line.at(i) == ' ' || line.at(i) == '\t'))
        ++i;
    return i < line.size() && line.at(i) == ':';
}

qsizetype headerBlockStart(QByteArrayView raw)
{
    if (!raw.startsWith("From ") || isHeaderFieldLine(lineAt(raw, 0)))
        return 0;
    const qsizetype end = raw.indexOf('\n');
    return end < 0 ? raw.size() : end + 1;
}

bool startsWithHeaderField(QByteArrayView raw)
{
    const qsizetype start = headerBlockStart(raw);
    return start < raw.size() && isHeaderFieldLine(lineAt(raw, start));
}

QByteArray terminateHeaderBlock(const QByteArray &raw)
{
    qsizetype start = headerBlockStart(raw);
    while (start < raw.size()) {
        const QByteArrayView line = lineAt(raw, start);
        if (line.isEmpty())
            return {}; // the block is terminated already
        const bool continuation = line.front() == ' ' || line.front() == '\t';
        if (!continuation && !isHeaderFieldLine(line)) {
            QByteArray repaired = raw.left(start);
            repaired += raw.mid(start).contains("\r\n") ? "\r\n" : "\n";
            repaired += raw.mid(start);
            return repaired;
        }
        const qsizetype end = raw.indexOf('\n', start);
        if (end < 0)
            break;
        start = end + 1;
    }
    return {};
}

} // namespace Mailkeep::Mime::Detail
