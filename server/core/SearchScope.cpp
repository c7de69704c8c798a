#include "core/SearchScope.h"

#include "core/FolderPaths.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

// The folders the search may look in: what the caller reads, narrowed to the folder asked for.
Status limitSearchScope(SearchRequest &request, MessageAccess &access, const Identity &caller,
                        const QString &folder)
{
    Result<bool> everything = access.readsEverything(caller);
    if (!everything.ok())
        return everything.error();
    QStringList readable;
    if (!everything.value()) {
        Result<QStringList> granted = access.readableFolders(caller);
        if (!granted.ok())
            return granted.error();
        readable = granted.value();
    }
    if (folder.trimmed().isEmpty()) {
        request.unrestricted = everything.value();
        request.folderScopes = readable;
        return {};
    }
    Result<QStringList> segments = folderSegments(folder);
    if (!segments.ok())
        return segments.error();
    const QString asked = folderPath(segments.value());
    request.unrestricted = false;
    if (everything.value()) {
        request.folderScopes = {asked};
        return {};
    }
    for (const QString &granted : readable) {
        if (asked == granted || asked.startsWith(granted + u'/')) {
            request.folderScopes = {asked};
            return {};
        }
        if (granted.startsWith(asked + u'/'))
            request.folderScopes << granted;
    }
    return {};
}

} // namespace Mailkeep::Core
