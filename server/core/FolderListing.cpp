#include "core/FolderListing.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

// The whole-folder order; ties keep the newest first, so paging is stable.
void sortMessages(QList<MessageSummary> &messages, const QString &sort, bool descending)
{
    const auto newer = [](const MessageSummary &a, const MessageSummary &b) {
        if (a.messageDate != b.messageDate)
            return a.messageDate > b.messageDate;
        return std::pair(a.storeId, a.id) > std::pair(b.storeId, b.id);
    };
    const auto key = [&sort](const MessageSummary &a, const MessageSummary &b) -> int {
        if (sort == u"size"_s)
            return a.size < b.size ? -1 : (a.size > b.size ? 1 : 0);
        const QString &left = sort == u"subject"_s ? a.subject : a.sender;
        const QString &right = sort == u"subject"_s ? b.subject : b.sender;
        return left.localeAwareCompare(right);
    };
    std::stable_sort(messages.begin(), messages.end(),
                     [&](const MessageSummary &a, const MessageSummary &b) {
                         if (sort == u"date"_s)
                             return descending ? newer(a, b) : newer(b, a);
                         const int order = key(a, b);
                         if (order != 0)
                             return descending ? order > 0 : order < 0;
                         return newer(a, b);
                     });
}

SearchSort indexSort(const QString &sort)
{
    if (sort == u"subject"_s)
        return SearchSort::Subject;
    if (sort == u"sender"_s)
        return SearchSort::Sender;
    return SearchSort::Size;
}

} // namespace

FolderListing::FolderListing(ArchiveService &archive)
    : m_archive(archive)
{}

Result<FolderListing::Readable> FolderListing::readableStores()
{
    Result<QList<StoreRecord>> stores = m_archive.stores().readableStores();
    if (!stores.ok())
        return stores.error();
    Readable readable;
    readable.stores = stores.value();
    for (const StoreRecord &store : std::as_const(readable.stores)) {
        Result<QByteArray> key = m_archive.stores().dataKey(store);
        if (!key.ok())
            return key.error();
        readable.keys.insert(store.id, {store, key.value()});
    }
    return readable;
}

Status FolderListing::open(const Readable &readable, MessageSummary &message)
{
    const auto &[store, key] = readable.keys.value(message.storeId);
    return ArchiveService::openEnvelope(message, store, key);
}

Result<QList<MessageSummary>> FolderListing::page(const FolderRecord &folder,
                                                  const FolderPageRequest &request)
{
    Result<Readable> readable = readableStores();
    if (!readable.ok())
        return readable.error();
    if (request.sort == u"date"_s && request.limit > 0) {
        Result<QList<MessageSummary>> page = m_archive.messages().folderPageByDate(
            readable->stores, folder.id, request.descending, request.offset, request.limit);
        if (!page.ok())
            return page.error();
        for (MessageSummary &message : page.value()) {
            if (Status opened = open(*readable, message); !opened.ok())
                return opened.error();
        }
        return page;
    }
    if (request.sort != u"date"_s && request.limit > 0) {
        Result<std::optional<QList<MessageSummary>>> indexed =
            pageFromIndex(*readable, folder, request);
        if (!indexed.ok())
            return indexed.error();
        if (indexed->has_value())
            return std::move(indexed->value());
    }
    return pageFromWholeFolder(*readable, folder, request);
}

Result<std::optional<QList<MessageSummary>>>
FolderListing::pageFromIndex(const Readable &readable, const FolderRecord &folder,
                             const FolderPageRequest &request)
{
    using Answer = std::optional<QList<MessageSummary>>;
    for (const StoreRecord &store : readable.stores) {
        Result<bool> lagging = m_archive.messages().folderHasUnindexed(store, folder.id);
        if (!lagging.ok())
            return lagging.error();
        if (lagging.value())
            return Answer();
    }
    // The index files a message under its folder and every folder above it: this folder's own
    // messages are those not under one of its sub-folders.
    Result<QList<FolderRecord>> children = m_archive.folders().childFolders(folder.path, 1);
    if (!children.ok())
        return children.error();
    SearchRequest search;
    search.query.kind = SearchNode::Kind::All;
    for (const FolderRecord &child : children.value()) {
        SearchNode inChild;
        inChild.kind = SearchNode::Kind::Folder;
        inChild.terms = QStringList{child.path};
        SearchNode notInChild;
        notInChild.kind = SearchNode::Kind::Not;
        notInChild.children = {inChild};
        search.query.children.append(notInChild);
    }
    if (search.query.children.isEmpty())
        search.query.kind = SearchNode::Kind::Everything;
    search.folderScopes = QStringList{folder.path};
    search.sort = indexSort(request.sort);
    search.descending = request.descending;
    search.offset = static_cast<int>(std::min<qint64>(request.offset, INT_MAX));
    search.limit = static_cast<int>(std::min<qint64>(request.limit, INT_MAX));
    Result<SearchHits> hits = m_archive.index().search(readable.stores, search);
    if (!hits.ok())
        return hits.error();

    QHash<int, QList<qint64>> idsByStore;
    for (const SearchHit &hit : std::as_const(hits->hits))
        idsByStore[hit.storeId].append(hit.messageId);
    QHash<std::pair<int, qint64>, MessageSummary> found;
    for (auto it = idsByStore.cbegin(); it != idsByStore.cend(); ++it) {
        if (!readable.keys.contains(it.key()))
            continue;
        Result<QList<MessageSummary>> rows =
            m_archive.messages().messagesByIds(readable.keys.value(it.key()).first, it.value());
        if (!rows.ok())
            return rows.error();
        for (MessageSummary &message : rows.value()) {
            // A message moved away since its document was written is not this folder's.
            if (message.folderId == folder.id)
                found.insert({message.storeId, message.id}, std::move(message));
        }
    }
    QList<MessageSummary> page;
    for (const SearchHit &hit : std::as_const(hits->hits)) {
        auto message = found.find({hit.storeId, hit.messageId});
        if (message == found.end())
            continue; // deleted since its document was read
        if (Status opened = open(readable, *message); !opened.ok())
            return opened.error();
        page.append(std::move(*message));
    }
    return Answer(std::move(page));
}

Result<QList<MessageSummary>> FolderListing::pageFromWholeFolder(const Readable &readable,
                                                                 const FolderRecord &folder,
                                                                 const FolderPageRequest &request)
{
    Result<QList<MessageSummary>> messages =
        m_archive.messages().messagesInFolders(readable.stores, {folder.id});
    if (!messages.ok())
        return messages.error();
    QList<MessageSummary> &all = messages.value();
    // Every envelope is opened to sort by what it holds; a large folder is held whole here,
    // so only what the list shows is kept.
    for (MessageSummary &message : all) {
        if (Status opened = open(readable, message); !opened.ok())
            return opened.error();
        message.sealedEnvelope = QByteArray();
        message.preview = QString();
    }
    sortMessages(all, request.sort, request.descending);
    return all.mid(std::min<qint64>(request.offset, all.size()),
                   request.limit > 0 ? request.limit : -1);
}

} // namespace Mailkeep::Core
