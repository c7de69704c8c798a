#include "core/profiles/ExportJob.h"

#include "core/ContentCodec.h"
#include "core/FolderPaths.h"
#include "core/SearchQueryParser.h"
#include "core/SearchScope.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

constexpr int kSearchPage = 500;

QString refText(int storeId, qint64 messageId)
{
    return MessageRef{storeId, messageId}.text();
}

} // namespace

ExportJob::ExportJob(ArchiveService &archive, MessageAccess &access, UserStore &users,
                     SavedSearchStore &savedSearches, MailTargetFactory targets)
    : m_archive(archive)
    , m_access(access)
    , m_users(users)
    , m_savedSearches(savedSearches)
    , m_targets(std::move(targets))
{}

Result<Identity> ExportJob::ownerIdentity(const QString &owner)
{
    Result<std::optional<UserRecord>> user = m_users.findUser(owner);
    if (!user.ok())
        return user.error();
    if (!user->has_value())
        return Error(ErrorCode::NotFound,
                     u"The profile's owner %1 no longer exists: the export runs with the owner's "
                     "privileges."_s.arg(owner));
    Identity identity;
    identity.userId = (*user)->id;
    identity.userName = (*user)->userName;
    identity.fullName = (*user)->fullName;
    identity.privileges = (*user)->privileges;
    identity.loginPrivileges = (*user)->loginPrivileges;
    return identity;
}

Result<QList<ExportJob::Source>> ExportJob::folderMessages(const Identity &owner,
                                                           const QJsonObject &properties,
                                                           QJsonObject &details)
{
    Result<QStringList> segments = folderSegments(properties.value(u"sourceFolder"_s).toString());
    if (!segments.ok())
        return segments.error();
    const QString rootPath = folderPath(segments.value());
    Result<std::optional<FolderRecord>> root = m_archive.folders().findFolder(rootPath);
    if (!root.ok())
        return root.error();
    if (!root->has_value())
        return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(rootPath));
    Result<QList<FolderRecord>> below = m_archive.folders().childFolders(rootPath, 0);
    if (!below.ok())
        return below.error();
    QList<FolderRecord> folders{root->value()};
    folders.append(below.value());
    Result<QList<StoreRecord>> stores = m_archive.stores().readableStores();
    if (!stores.ok())
        return stores.error();

    const bool retain = properties.value(u"retainFolderStructure"_s).toBool(false);
    QJsonArray skipped;
    QList<Source> sources;
    for (const FolderRecord &folder : std::as_const(folders)) {
        if (!m_access.mayRead(owner, folder.path).ok()) {
            skipped.append(folder.path);
            continue;
        }
        // Kept below the exported folder's own name: "Old PC/Projects".
        QStringList target;
        if (retain) {
            target << segments->last();
            if (folder.path != rootPath)
                target << folder.path.mid(rootPath.size() + 1).split(u'/');
        }
        Result<QList<MessageSummary>> messages =
            m_archive.messages().messagesInFolders(stores.value(), {folder.id});
        if (!messages.ok())
            return messages.error();
        for (const MessageSummary &message : messages.value())
            sources.append({message.storeId, message.id, target});
    }
    if (!skipped.isEmpty())
        details.insert(u"foldersNotReadable"_s, skipped);
    return sources;
}

Result<QList<ExportJob::Source>> ExportJob::searchMessages(const Identity &owner,
                                                           const QJsonObject &properties)
{
    const QString name = properties.value(u"savedSearch"_s).toString().trimmed();
    Result<QList<SavedSearch>> saved = m_savedSearches.list(owner.userId);
    if (!saved.ok())
        return saved.error();
    auto found = std::find_if(saved->cbegin(), saved->cend(),
                              [&name](const SavedSearch &search) { return search.name == name; });
    if (found == saved->cend())
        return Error(ErrorCode::NotFound,
                     u"%1 has no saved search %2."_s.arg(owner.userName, name));
    Result<SearchNode> query = SearchQueryParser::parse(found->query);
    if (!query.ok())
        return query.error();
    SearchRequest request;
    request.query = query.value();
    request.sort = SearchSort::Date;
    request.descending = false;
    request.limit = kSearchPage;
    if (Status scoped = limitSearchScope(request, m_access, owner, found->folder); !scoped.ok())
        return scoped.error();
    Result<QList<StoreRecord>> stores = m_archive.stores().readableStores();
    if (!stores.ok())
        return stores.error();
    // Each message keeps its own folder when folders are retained: marked by an empty list
    // here and filled in when it is read.
    QList<Source> sources;
    for (;;) {
        Result<SearchHits> hits = m_archive.index().search(stores.value(), request);
        if (!hits.ok())
            return hits.error();
        for (const SearchHit &hit : std::as_const(hits->hits))
            sources.append({hit.storeId, hit.messageId, {}});
        request.offset += kSearchPage;
        if (hits->hits.isEmpty() || request.offset >= hits->total)
            break;
    }
    return sources;
}

Result<std::optional<ExportMessage>> ExportJob::load(const Source &source, bool ownFolder)
{
    using Answer = std::optional<ExportMessage>;
    Result<StoreRecord> store = m_archive.stores().store(source.storeId);
    if (!store.ok())
        return store.error();
    Result<QByteArray> key = m_archive.stores().dataKey(store.value());
    if (!key.ok())
        return key.error();
    auto found = m_archive.messages().messageWithContent(store.value(), source.messageId);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return Answer(); // deleted since the list was made
    MessageSummary &summary = (*found)->first;
    Result<QByteArray> raw =
        ContentCodec::decode((*found)->second, key.value(),
                             ArchiveService::contentBinding(store.value(), summary.sha256));
    if (!raw.ok())
        return raw.error();
    if (Status opened = ArchiveService::openEnvelope(summary, store.value(), key.value());
        !opened.ok())
        return opened.error();
    ExportMessage message;
    message.folder = source.folder;
    if (ownFolder) {
        Result<std::optional<FolderRecord>> folder =
            m_archive.folders().folderById(summary.folderId);
        if (!folder.ok())
            return folder.error();
        if (folder->has_value())
            message.folder = (*folder)->path.split(u'/');
    }
    message.raw = raw.value();
    message.sha256 = summary.sha256;
    message.date = summary.messageDate.isValid() ? summary.messageDate : summary.archivedAt;
    message.subject = summary.subject;
    return Answer(std::move(message));
}

Status ExportJob::run(const ProfileRunContext &context, ProfileRunReport &report)
{
    const QJsonObject &properties = context.properties;
    Result<Identity> owner = ownerIdentity(context.profile.owner);
    if (!owner.ok())
        return owner.error();
    QJsonObject details;
    const bool bySearch = !properties.value(u"savedSearch"_s).toString().trimmed().isEmpty();
    context.progress.report(0, u"Listing the messages to export"_s);
    Result<QList<Source>> sources =
        bySearch ? searchMessages(*owner, properties) : folderMessages(*owner, properties, details);
    if (!sources.ok())
        return sources.error();
    const bool retain = properties.value(u"retainFolderStructure"_s).toBool(false);
    Result<std::unique_ptr<MailTarget>> target = m_targets(properties);
    if (!target.ok())
        return target.error();
    MailTarget &out = **target;
    if (Status begun = out.begin(); !begun.ok())
        return begun;

    const qsizetype total = sources->size();
    for (qsizetype i = 0; i < total; ++i) {
        if (context.progress.isCancellationRequested()) {
            // What is written stays complete (files closed, manifest of it signed).
            (void)out.finish(details);
            report.details = details;
            return Error(ErrorCode::Cancelled, u"The export was cancelled."_s);
        }
        if (i % 50 == 0)
            context.progress.report(static_cast<int>(i * 100 / std::max<qsizetype>(1, total)),
                                    u"Exporting message %1 of %2"_s.arg(i + 1).arg(total));
        const Source &source = sources->at(i);
        const QString ref = refText(source.storeId, source.messageId);
        Result<std::optional<ExportMessage>> message = load(source, bySearch && retain);
        if (!message.ok()) {
            report.failures.append({ref, message.error().message});
            continue;
        }
        if (!message->has_value())
            continue;
        Result<MailTarget::Outcome> written = out.write(**message);
        if (!written.ok()) {
            report.failures.append(
                {ref + u" ("_s + (*message)->subject + u')', written.error().message});
            if (out.fatal())
                return written.error();
            continue;
        }
        if (written.value() == MailTarget::Outcome::Written)
            ++report.archived;
        else
            ++report.alreadyArchived;
    }
    if (Status finished = out.finish(details); !finished.ok())
        return finished;
    details.insert(u"exported"_s, report.archived);
    details.insert(u"alreadyExported"_s, report.alreadyArchived);
    report.details = details;
    return {};
}

} // namespace Mailkeep::Core
