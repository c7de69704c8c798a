#include "core/IngestPipeline.h"

#include <QtConcurrent/QtConcurrentMap>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
constexpr int kBatchMessages = 250;
constexpr qint64 kBatchBytes = 16 * 1024 * 1024;
} // namespace

IngestPipeline::IngestPipeline(ArchiveService &archive, ArchiveService::Target target,
                               IngestCounts &counts)
    : m_archive(archive)
    , m_target(std::move(target))
    , m_counts(counts)
{
    // One thread per core prepares; the write of the previous batch runs on one more.
    m_workers.setMaxThreadCount(std::max(2, QThread::idealThreadCount()) + 1);
}

IngestPipeline::~IngestPipeline()
{
    if (m_write.isValid())
        m_write.waitForFinished();
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
    return waitForWrite();
}

Status IngestPipeline::submit()
{
    if (m_collecting.isEmpty())
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
    MessageStore &messages = m_archive.messages();
    m_write = QtConcurrent::run(
        &m_workers, [&messages, &target, batch = &m_writing, checkpoint = std::move(checkpoint)]() {
            return messages.storeBatch(target.store, target.present, *batch, checkpoint);
        });
    return {};
}

Status IngestPipeline::waitForWrite()
{
    if (!m_write.isValid())
        return {};
    Result<QList<StoreOutcome>> outcomes = m_write.result();
    m_write = {};
    if (!outcomes.ok())
        return outcomes.error();
    for (qsizetype i = 0; i < outcomes->size(); ++i) {
        switch (outcomes->at(i)) {
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
