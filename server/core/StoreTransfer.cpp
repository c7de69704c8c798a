// StoreMaintenance::transfer: copying the mail of stores into another (TransferStores,
// MergeStore).
#include "core/ContentCodec.h"
#include "core/IngestPipeline.h"
#include "core/MessageAccess.h"
#include "core/StoreMaintenance.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

constexpr int kPage = 100;

QString transferKey(const QList<int> &sources, int target)
{
    QStringList ids;
    for (int id : sources)
        ids << QString::number(id);
    return u"transfer:%1->%2"_s.arg(ids.join(u','), QString::number(target));
}

} // namespace

Result<QJsonObject> StoreMaintenance::transfer(const QList<int> &sourceIds,
                                               std::optional<int> targetId,
                                               const QString &startIndex, TaskProgress &progress)
{
    if (sourceIds.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"Name at least one source store."_s);
    StoreService &stores = m_archive.stores();
    Result<QList<StoreRecord>> all = stores.catalog().listStores(false);
    if (!all.ok())
        return all.error();
    std::optional<StoreRecord> target;
    for (const StoreRecord &store : all.value()) {
        if (targetId ? store.id == *targetId : store.state == StoreState::Current)
            target = store;
    }
    if (!target)
        return Error(ErrorCode::NotFound,
                     targetId ? u"There is no archive store with id %1."_s.arg(*targetId)
                              : u"No archive store is current."_s);
    if (target->state == StoreState::Disabled || target->state == StoreState::WriteProtected)
        return Error(ErrorCode::Conflict, u"The target store %1 is %2: it cannot take mail."_s.arg(
                                              target->name, storeStateName(target->state)));
    if (!stores.openError(target->id).isEmpty())
        return Error(ErrorCode::Unavailable,
                     u"The target store %1 cannot be opened."_s.arg(target->name));
    QList<StoreRecord> sources;
    for (int id : sourceIds) {
        if (id == target->id)
            return Error(ErrorCode::InvalidArgument,
                         u"Store %1 cannot be both source and target."_s.arg(id));
        Result<StoreRecord> source = stores.store(id);
        if (!source.ok())
            return source.error();
        if (source->state == StoreState::Disabled || !stores.openError(id).isEmpty())
            return Error(ErrorCode::Conflict,
                         u"The mail of store %1 cannot be read while it is disabled or cannot "
                         "be opened."_s.arg(source->name));
        sources << source.value();
    }
    Result<QByteArray> targetKey = stores.dataKey(*target);
    if (!targetKey.ok())
        return targetKey.error();

    // Where to begin: the explicit start index, else the checkpoint of an earlier run.
    const QString key = transferKey(sourceIds, target->id);
    QString begin = startIndex.trimmed();
    if (begin.isEmpty()) {
        Result<std::optional<QString>> saved = m_archive.messages().checkpoint(key);
        if (!saved.ok())
            return saved.error();
        begin = saved->value_or(QString());
    }
    std::optional<MessageRef> resume;
    if (!begin.isEmpty()) {
        Result<MessageRef> parsed = MessageRef::parse(begin);
        if (!parsed.ok())
            return Error(ErrorCode::InvalidArgument,
                         u"startIndex looks like \"3:1234\" (store:message)."_s);
        if (!sourceIds.contains(parsed->storeId))
            return Error(
                ErrorCode::InvalidArgument,
                u"startIndex names store %1, which is not a source."_s.arg(parsed->storeId));
        resume = parsed.value();
    }

    // Duplicates are looked for in the target only: the sources hold every message already.
    IngestCounts counts;
    IngestPipeline pipeline(m_archive, {*target, targetKey.value(), {*target}}, counts);
    QString last = begin;
    bool skipping = resume.has_value();
    for (const StoreRecord &source : sources) {
        if (skipping && source.id != resume->storeId)
            continue; // finished by the earlier run
        qint64 afterId = skipping ? resume->messageId : 0;
        skipping = false;
        Result<QByteArray> sourceKey = stores.dataKey(source);
        if (!sourceKey.ok())
            return sourceKey.error();
        for (;;) {
            if (progress.isCancellationRequested()) {
                if (Status flushed = pipeline.flush(); !flushed.ok())
                    return flushed.error();
                return Error(
                    ErrorCode::Cancelled,
                    u"The transfer was stopped; resume it with startIndex=%1."_s.arg(last));
            }
            Result<QList<MessageStore::StoredMessage>> page =
                m_archive.messages().messagePage(source, afterId, kPage, true);
            if (!page.ok())
                return page.error();
            if (page->isEmpty())
                break;
            for (MessageStore::StoredMessage &message : *page) {
                const QString id = MessageRef{source.id, message.summary.id}.text();
                Result<QByteArray> raw = ContentCodec::decode(
                    message.sealed, sourceKey.value(),
                    ArchiveService::contentBinding(source, message.summary.sha256));
                last = id;
                if (!raw.ok()) {
                    counts.failures.append({id, u"cannot be decrypted: "_s + raw.error().message});
                    continue;
                }
                MessageOrigin origin{message.sourceId, message.sourceProfile, message.sourceFolder,
                                     message.summary.archivedAt};
                if (Status added = pipeline.add(std::move(raw).value(), message.summary.folderId,
                                                origin, SourceCheckpoint{key, id});
                    !added.ok())
                    return added.error();
            }
            afterId = page->last().summary.id;
            progress.report(
                0, u"Copying store %1: %2 messages copied"_s.arg(source.name).arg(counts.archived));
        }
    }
    if (Status flushed = pipeline.flush(); !flushed.ok())
        return flushed.error();
    if (Status cleared = m_archive.messages().clearCheckpoint(key); !cleared.ok())
        return cleared.error();
    QJsonArray failures;
    for (const auto &[item, reason] : counts.failures)
        failures.append(QJsonObject{{u"item"_s, item}, {u"reason"_s, reason}});
    return QJsonObject{{u"targetStore"_s, target->id},
                       {u"copied"_s, counts.archived},
                       {u"alreadyPresent"_s, counts.alreadyArchived + counts.duplicatesSkipped},
                       {u"failed"_s, static_cast<int>(counts.failures.size())},
                       {u"failures"_s, failures}};
}

} // namespace Mailkeep::Core
