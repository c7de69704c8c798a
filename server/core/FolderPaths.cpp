#include "core/FolderPaths.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

Result<QStringList> folderSegments(const QString &path)
{
    QStringList segments;
    for (const QString &part : path.split(u'/')) {
        const QString segment = part.trimmed();
        if (segment.isEmpty())
            continue;
        for (QChar c : segment) {
            if (c.category() == QChar::Other_Control)
                return Error(ErrorCode::InvalidArgument,
                             u"A folder name may not contain control characters."_s);
        }
        segments << (segments.isEmpty() ? segment.toLower() : segment);
    }
    if (segments.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"The folder path is empty."_s);
    return segments;
}

QString folderPath(const QStringList &segments)
{
    return segments.join(u'/');
}

Result<QStringList> parseFolderPrivileges(const QStringList &typed)
{
    static const QStringList known = {u"none"_s, u"read"_s, u"write"_s, u"delete"_s};
    QStringList result;
    for (const QString &item : typed) {
        const QString lower = item.toLower();
        if (!known.contains(lower)) {
            return Error(
                ErrorCode::InvalidArgument,
                u"Unknown folder privilege \"%1\". Known: none, read, write, delete."_s.arg(item));
        }
        if (!result.contains(lower))
            result << lower;
    }
    if (result.contains(u"none"_s) && result.size() > 1)
        return Error(ErrorCode::InvalidArgument,
                     u"The folder privilege \"none\" must be the only one given."_s);
    if (result.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"Give at least one folder privilege."_s);
    result.removeAll(u"none"_s);
    return result;
}

} // namespace Mailkeep::Core
