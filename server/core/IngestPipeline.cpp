#include "core/IngestPipeline.h"

#include "core/IndexDocuments.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
constexpr int kBatchMessages = 250;
constexpr qint64 kBatchBytes = 16 * 1024 * 1024;
// Fewer, larger segments mean less merging; a crash costs at most this many to index again.
constexpr qsizetype kCommitEvery = 20000;
} // namespace

IngestPipeline::IngestPipeline(ArchiveService &archive, ArchiveService::Target target,
                               IngestCounts &counts)
    : m_archive(archive)
    , m_target(std::move(target))
    , m_counts(counts)
{
    // One thread per core prepares; the write of the previous batch and the indexing of the
    // one before it run on two more.
    m_workers.setMaxThreadCount(std::max(2, QThread::idealThreadCount()) + 2);
}

IngestPipeline::~IngestPipeline()
{
    if (m_write.isValid())
        m_write.waitForFinished();
    if (m_indexing.isValid())
        m_indexing.waitForFinished();
}

Status IngestPipeline::add(QByteArray raw, qint64 folderId, MessageOrigin origin,
                           std::optional<SourceCheckpoint> after)
{
    m_collectingBytes += raw.size();
    m_collecting.append({std::move(raw), folderId, std::move(origin), std::nullopt, {}});
    if (after)
        m_checkpoint = std::move(after);
    if (m_collecting.size() >= kBatchMessages || m_collectingBytes >= kBatchBytes)
        return submit();
    return {};
}

Status IngestPipeline::flush()
{
    if (Status submitted = submit(); !submitted.ok())
        return submitted;
    if (Status written = waitForWrite(); !written.ok())
        return written;
    if (Status indexed = waitForIndex(); !indexed.ok())
        return indexed;
    return commitIndex();
}

Status IngestPipeline::waitForIndex()
{
    if (!m_indexing.isValid())
        return {};
    Status indexed = m_indexing.result();
    m_indexing = {};
    return indexed;
}

Status IngestPipeline::index(const QList<IndexDocument> &documents, const QList<qint64> &ids)
{
    // Searchable from here on. Saved to disk every few thousand messages and at the end:
    // until then the database still marks them as not indexed, so a crash before the save is
    // repaired at the next start.
    if (Status indexed = m_archive.index().addDocuments(m_target.store, documents, false);
        !indexed.ok())
        return indexed;
    m_uncommitted += ids;
    if (m_uncommitted.size() >= kCommitEvery)
        return commitIndex();
    return {};
}

Status IngestPipeline::commitIndex()
{
    if (m_uncommitted.isEmpty())
        return {};
    if (Status committed = m_archive.index().commit(m_target.store); !committed.ok())
        return committed;
    if (Status marked = m_archive.messages().setIndexed(m_target.store, m_uncommitted, true);
        !marked.ok())
        return marked;
    m_uncommitted.clear();
    return {};
}

Status IngestPipeline::submit()
{
    if (m_collecting.isEmpty() && !m_checkpoint)
        return {};
    const ArchiveService::Target &target = m_target;
    QtConcurrent::blockingMap(&m_workers, m_collecting, [&target](Item &item) {
        Result<PreparedMessage> prepared = ArchiveService::prepare(item.raw, item.folderId, target);
        if (prepared.ok()) {
            item.prepared = std::move(prepared).value();
            item.prepared->sourceId = item.origin.sourceId;
            item.prepared->sourceProfile = item.origin.sourceProfile;
            item.prepared->sourceFolder = item.origin.sourceFolder;
            item.prepared->archivedAt = item.origin.archivedAt;
        } else {
            item.error = prepared.error().message;
        }
        item.raw.clear(); // the sealed copy is all the batch needs from here on
    });
    QList<PreparedMessage> batch;
    batch.reserve(m_collecting.size());
    for (Item &item : m_collecting) {
        if (item.prepared)
            batch.append(std::move(*item.prepared));
        else
            m_counts.failures.append({item.origin.sourceId, item.error});
    }
    m_collecting.clear();
    m_collectingBytes = 0;
    std::optional<SourceCheckpoint> checkpoint = std::exchange(m_checkpoint, std::nullopt);

    if (Status written = waitForWrite(); !written.ok())
        return written;
    m_writing = std::move(batch);
    m_write = QtConcurrent::run(
        &m_workers, [this, checkpoint = std::move(checkpoint)]() { return write(checkpoint); });
    return {};
}

Result<QStringList> IngestPipeline::folderPaths(qint64 folderId)
{
    if (auto known = m_folderPaths.constFind(folderId); known != m_folderPaths.cend())
        return known.value();
    Result<std::optional<FolderRecord>> folder = m_archive.folders().folderById(folderId);
    if (!folder.ok())
        return folder.error();
    if (!folder->has_value())
        return Error(ErrorCode::NotFound, u"There is no archive folder %1."_s.arg(folderId));
    const QStringList paths = folderAndAncestors((*folder)->path);
    m_folderPaths.insert(folderId, paths);
    return paths;
}

Result<StoredBatch> IngestPipeline::write(const std::optional<SourceCheckpoint> &checkpoint)
{
    Result<StoredBatch> stored =
        m_archive.messages().storeBatch(m_target.store, m_target.present, m_writing, checkpoint);
    if (!stored.ok())
        return stored;
    QList<IndexDocument> documents;
    QList<qint64> ids;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (qsizetype i = 0; i < m_writing.size(); ++i) {
        const qint64 id = stored->messageIds.at(i);
        if (id == 0)
            continue;
        PreparedMessage &message = m_writing[i];
        Result<QStringList> paths = folderPaths(message.folderId);
        if (!paths.ok())
            return paths.error();
        message.index.messageId = id;
        message.index.folderPaths = paths.value();
        message.index.archivedAt =
            message.archivedAt.isValid() ? message.archivedAt.toSecsSinceEpoch() : now;
        documents.append(std::move(message.index));
        ids.append(id);
    }
    // The previous batch is indexed while the next one is written.
    if (Status indexed = waitForIndex(); !indexed.ok())
        return indexed.error();
    m_indexing =
        QtConcurrent::run(&m_workers, [this, documents = std::move(documents),
                                       ids = std::move(ids)]() { return index(documents, ids); });
    return stored;
}

Status IngestPipeline::waitForWrite()
{
    if (!m_write.isValid())
        return {};
    Result<StoredBatch> stored = m_write.result();
    m_write = {};
    if (!stored.ok())
        return stored.error();
    const QList<StoreOutcome> &outcomes = stored->outcomes;
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        switch (outcomes.at(i)) {
        case StoreOutcome::Stored:
            ++m_counts.archived;
            if (m_writing.at(i).parseStatus != u"ok"_s)
                ++m_counts.flagged;
            break;
        case StoreOutcome::AlreadyInFolder:
            ++m_counts.alreadyArchived;
            break;
        case StoreOutcome::DuplicateElsewhere:
            ++m_counts.duplicatesSkipped;
            break;
        }
    }
    m_writing.clear();
    return {};
}

} // namespace Mailkeep::Core
