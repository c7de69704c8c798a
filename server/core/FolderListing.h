#pragma once

#include "core/ArchiveService.h"

namespace Mailkeep::Core {

// What the message list of a folder asks for.
struct FolderPageRequest
{
    QString sort = QStringLiteral("date"); // date, size, subject or sender
    bool descending = true;
    qint64 offset = 0;
    qint64 limit = 0; // 0: every message
};

// One page of a folder's messages (not those of its sub-folders) across the readable stores,
// envelopes opened. By date the database serves the order. The other orders come from the
// full-text index, which holds each message's sort keys, so a page of a folder of any size
// opens only the page's envelopes; while the index lags behind the database for the folder
// (during an import, after a move) the whole folder is read and sorted instead.
class FolderListing
{
public:
    explicit FolderListing(ArchiveService &archive);

    Result<QList<MessageSummary>> page(const FolderRecord &folder,
                                       const FolderPageRequest &request);

private:
    struct Readable
    {
        QList<StoreRecord> stores;
        QHash<int, std::pair<StoreRecord, QByteArray>> keys; // store id -> store, data key
    };
    Result<Readable> readableStores();
    // nullopt: the index cannot answer for this folder now.
    Result<std::optional<QList<MessageSummary>>> pageFromIndex(const Readable &readable,
                                                               const FolderRecord &folder,
                                                               const FolderPageRequest &request);
    Result<QList<MessageSummary>> pageFromWholeFolder(const Readable &readable,
                                                      const FolderRecord &folder,
                                                      const FolderPageRequest &request);
    static Status open(const Readable &readable, MessageSummary &message);

    ArchiveService &m_archive;
};

} // namespace Mailkeep::Core
