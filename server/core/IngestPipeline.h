#pragma once

#include "core/ArchiveService.h"

#include <QFuture>
#include <QThreadPool>

namespace Mailkeep::Core {

// What a run did with the messages it was given.
struct IngestCounts
{
    int archived = 0;
    int alreadyArchived = 0;                     // the same bytes were in that folder already
    int duplicatesSkipped = 0;                   // the same message by its normalised key
    int flagged = 0;                             // archived, but the parser found defects
    QList<std::pair<QString, QString>> failures; // item, reason
};

// Where a message came from, kept with it.
struct MessageOrigin
{
    QString sourceId;
    QString sourceProfile;
    QString sourceFolder;
    QDateTime archivedAt; // invalid: now; a transfer keeps the original archive date
};

// The ingest pipeline of ARCHITECTURE.md for one target: messages are collected into batches;
// each batch is parsed, hashed, compressed and sealed on worker threads, then written in one
// transaction while the caller goes on reading the next batch. A batch carries the source
// checkpoint of its last message, committed with it, so the checkpoint never runs ahead of
// the mail. A committed batch is added to the store's full-text index on a third thread while
// the next one is written; flush returns when every batch is committed and searchable. At
// most one batch is collected, one written and one indexed: memory stays bounded.

class IngestPipeline
{
public:
    IngestPipeline(ArchiveService &archive, ArchiveService::Target target, IngestCounts &counts);
    ~IngestPipeline(); // waits for a write in flight (its outcome is then dropped)
    IngestPipeline(const IngestPipeline &) = delete;
    IngestPipeline &operator=(const IngestPipeline &) = delete;

    // Queues a message. `after` is the source position following it (written with its batch).
    // An error means an earlier batch could not be written: stop the run.
    Status add(QByteArray raw, qint64 folderId, MessageOrigin origin,
               std::optional<SourceCheckpoint> after = std::nullopt);
    // Moves the source's position on without a message (e.g. a page of changes with nothing
    // to archive): written with the next batch, or by flush.
    void advance(SourceCheckpoint position) { m_checkpoint = std::move(position); }
    // Returns when everything added so far is committed.
    Status flush();

private:
    struct Item
    {
        QByteArray raw;
        qint64 folderId = 0;
        MessageOrigin origin;
        std::optional<PreparedMessage> prepared;
        QString error;
    };
    Status submit();
    Status waitForWrite();
    // On the write thread: the batch into the database, then hands it to the index thread.
    Result<StoredBatch> write(const std::optional<SourceCheckpoint> &checkpoint);
    // On the index thread: a written batch into the store's index.
    Status index(const QList<IndexDocument> &documents, const QList<qint64> &ids);
    Status waitForIndex();
    Result<QStringList> folderPaths(qint64 folderId);
    // Saves the index and records in the database which messages it now holds.
    Status commitIndex();

    ArchiveService &m_archive;
    ArchiveService::Target m_target;
    IngestCounts &m_counts;
    QThreadPool m_workers;
    QList<Item> m_collecting;
    qint64 m_collectingBytes = 0;
    std::optional<SourceCheckpoint> m_checkpoint;
    // The batch being written and its outcome.
    QList<PreparedMessage> m_writing;
    QFuture<Result<StoredBatch>> m_write;
    QHash<qint64, QStringList> m_folderPaths; // used by the write thread only
    // The written batch being indexed (started by the write thread, awaited by it or flush).
    QFuture<Status> m_indexing;
    QList<qint64> m_uncommitted; // in the index, not yet saved (index thread)
};

} // namespace Mailkeep::Core
