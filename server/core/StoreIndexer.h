#pragma once

#include "core/ArchiveService.h"
#include "core/TaskManager.h"

#include <QJsonObject>

namespace Mailkeep::Core {

// Keeps a store's full-text index in step with its messages: indexes what the database marks
// as not indexed, compares the two and repairs the difference, rebuilds.
class StoreIndexer
{
public:
    explicit StoreIndexer(ArchiveService &archive);

    // Indexes every message marked as not indexed (after a crash between the database commit
    // and the index commit, a rebuild, or a gap found by reconcile). Returns how many.
    Result<qint64> indexPending(const StoreRecord &store, TaskProgress *progress = nullptr);
    // The index against the database: messages missing from the index are indexed again,
    // documents of messages that no longer exist are removed.
    // {"documents", "messages", "missing", "extra", "repaired"}
    Result<QJsonObject> reconcile(const StoreRecord &store, TaskProgress *progress = nullptr);
    // Indexes the store's messages (of one folder and below it, if given) anew.
    Result<QJsonObject> rebuild(const StoreRecord &store, const QString &folder,
                                TaskProgress *progress = nullptr);

private:
    Result<QStringList> folderPaths(qint64 folderId, QHash<qint64, QStringList> &cache);
    // The documents of a page of messages (content that cannot be decrypted is left out).
    Result<QList<IndexDocument>> documentsFor(const StoreRecord &store, const QByteArray &key,
                                              const QList<MessageStore::StoredMessage> &messages,
                                              QHash<qint64, QStringList> &folders);
    // A whole store's index written anew beside the old one, which searches use until the new
    // one takes its place. Returns how many messages it holds.
    Result<qint64> rebuildBeside(const StoreRecord &store, TaskProgress *progress);

    ArchiveService &m_archive;
};

} // namespace Mailkeep::Core
