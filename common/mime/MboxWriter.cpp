#include "mime/MboxWriter.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime {

namespace {

bool quotedFromLine(const char *line, qsizetype length)
{
    qsizetype i = 0;
    while (i < length && line[i] == '>')
        ++i;
    return length - i >= 5 && qstrncmp(line + i, "From ", 5) == 0;
}

} // namespace

QByteArray mboxrdEntry(const QByteArray &raw, const QDateTime &date)
{
    QByteArray entry = "From MAILER-DAEMON " +
                       date.toUTC().toString(u"ddd MMM d hh:mm:ss yyyy"_s).toLatin1() + '\n';
    entry.reserve(entry.size() + raw.size() + raw.size() / 100 + 2);
    qsizetype start = 0;
    while (start < raw.size()) {
        qsizetype end = raw.indexOf('\n', start);
        end = end < 0 ? raw.size() : end + 1;
        if (quotedFromLine(raw.constData() + start, end - start))
            entry += '>';
        entry.append(raw.constData() + start, end - start);
        start = end;
    }
    if (!entry.endsWith('\n'))
        entry += '\n';
    return entry + '\n';
}

} // namespace Mailkeep::Mime
