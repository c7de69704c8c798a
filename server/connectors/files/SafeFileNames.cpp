#include "connectors/files/SafeFileNames.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

QString safeFileName(const QString &name, const QString &fallback, int maxLength)
{
    static const QString reserved = u"/\\:*?\"<>|"_s;
    QString safe;
    safe.reserve(name.size());
    for (const QChar c : name) {
        if (c.category() == QChar::Other_Control || reserved.contains(c))
            safe += u'_';
        else if (c.isSpace())
            safe += u' ';
        else
            safe += c;
    }
    safe = safe.simplified();
    if (safe.size() > maxLength)
        safe = safe.left(maxLength).trimmed();
    // Leading dots hide a file; trailing dots and spaces vanish on some systems.
    while (safe.startsWith(u'.'))
        safe.remove(0, 1);
    while (safe.endsWith(u'.') || safe.endsWith(u' '))
        safe.chop(1);
    return safe.isEmpty() ? fallback : safe;
}

QString exportFileName(const QDateTime &date, const QString &subject, const QByteArray &sha256)
{
    const QString when =
        date.isValid() ? date.toUTC().toString(u"yyyy-MM-dd HHmmss"_s) : u"0000-00-00 000000"_s;
    return when + u' ' + safeFileName(subject, u"(no subject)"_s) + u' ' +
           QString::fromLatin1(sha256.toHex().left(12)) + u".eml"_s;
}

} // namespace Mailkeep::Connectors
