#include "core/StoreMaintenance.h"

#include "core/ContentCodec.h"
#include "core/IngestPipeline.h"
#include "core/MessageAccess.h"
#include "core/StoreIndexer.h"
#include "crypto/Sha256.h"

#include <QJsonArray>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

constexpr int kPage = 200;

QJsonObject problem(const QString &item, const QString &text)
{
    return QJsonObject{{u"item"_s, item}, {u"problem"_s, text}};
}

Error cancelledError()
{
    return Error(ErrorCode::Cancelled, u"Stopped on request."_s);
}

} // namespace

StoreMaintenance::StoreMaintenance(ArchiveService &archive)
    : m_archive(archive)
{}

Result<QJsonObject> StoreMaintenance::verify(int storeId, bool includeIndexes,
                                             TaskProgress &progress)
{
    Result<StoreRecord> store = m_archive.stores().store(storeId);
    if (!store.ok())
        return store.error();
    return verifyStore(store.value(), includeIndexes, progress, 0, 1);
}

Result<QJsonObject> StoreMaintenance::verifyAll(bool includeIndexes, TaskProgress &progress)
{
    Result<QList<StoreRecord>> stores = m_archive.stores().catalog().listStores(false);
    if (!stores.ok())
        return stores.error();
    QJsonArray reports;
    int problems = 0;
    for (int i = 0; i < stores->size(); ++i) {
        const StoreRecord &store = stores->at(i);
        if (store.state == StoreState::Disabled) {
            reports.append(QJsonObject{{u"id"_s, store.id},
                                       {u"name"_s, store.name},
                                       {u"skipped"_s, u"The store is disabled."_s}});
            continue;
        }
        Result<QJsonObject> report =
            verifyStore(store, includeIndexes, progress, i, static_cast<int>(stores->size()));
        if (!report.ok())
            return report.error();
        problems += (*report)[u"problems"_s].toArray().size();
        reports.append(report.value());
    }
    return QJsonObject{{u"stores"_s, reports}, {u"problemCount"_s, problems}};
}

Result<QJsonObject> StoreMaintenance::verifyStore(const StoreRecord &store, bool includeIndexes,
                                                  TaskProgress &progress, int done, int total)
{
    if (const QString failure = m_archive.stores().openError(store.id); !failure.isEmpty())
        return Error(ErrorCode::Unavailable,
                     u"Archive store %1 cannot be opened: %2"_s.arg(store.name, failure));
    Result<QByteArray> key = m_archive.stores().dataKey(store);
    if (!key.ok())
        return key.error();
    MessageStore &messages = m_archive.messages();
    QJsonArray problems;
    const auto report = [&](const QString &phase, qint64 count) {
        progress.report((100 * done + (phase == u"messages"_s ? 50 : 0)) / std::max(total, 1),
                        u"Verifying %1: %2 %3"_s.arg(store.name).arg(count).arg(phase));
    };

    qint64 contents = 0;
    QByteArray after;
    for (;;) {
        if (progress.isCancellationRequested())
            return cancelledError();
        Result<QList<MessageStore::ContentRow>> page = messages.contentPage(store, after, kPage);
        if (!page.ok())
            return page.error();
        if (page->isEmpty())
            break;
        for (const MessageStore::ContentRow &row : page.value()) {
            const QString item = u"content %1"_s.arg(QString::fromLatin1(row.sha256.toHex()));
            Result<QByteArray> raw = ContentCodec::decode(
                row.sealed, key.value(), ArchiveService::contentBinding(store, row.sha256));
            if (!raw.ok())
                problems.append(problem(item, u"cannot be decrypted: "_s + raw.error().message));
            else if (Crypto::sha256(raw.value()) != row.sha256)
                problems.append(problem(item, u"does not match its SHA-256."_s));
            else if (raw->size() != row.rawSize)
                problems.append(problem(item, u"has another size than recorded."_s));
        }
        contents += page->size();
        after = page->last().sha256;
        report(u"contents"_s, contents);
    }

    Result<QList<FolderRecord>> folders = m_archive.folders().childFolders({}, 0);
    if (!folders.ok())
        return folders.error();
    QSet<qint64> folderIds;
    for (const FolderRecord &folder : folders.value())
        folderIds.insert(folder.id);
    qint64 checked = 0;
    qint64 afterId = 0;
    for (;;) {
        if (progress.isCancellationRequested())
            return cancelledError();
        Result<QList<MessageStore::StoredMessage>> page =
            messages.messagePage(store, afterId, kPage * 5, false);
        if (!page.ok())
            return page.error();
        if (page->isEmpty())
            break;
        for (MessageStore::StoredMessage &message : *page) {
            const QString item = MessageRef{store.id, message.summary.id}.text();
            if (!ArchiveService::openEnvelope(message.summary, store, key.value()).ok())
                problems.append(problem(item, u"its envelope cannot be decrypted."_s));
            if (!folderIds.contains(message.summary.folderId))
                problems.append(problem(
                    item, u"its folder %1 does not exist."_s.arg(message.summary.folderId)));
        }
        checked += page->size();
        afterId = page->last().summary.id;
        report(u"messages"_s, checked);
    }
    Result<qint64> orphans = messages.orphanedContents(store);
    if (!orphans.ok())
        return orphans.error();
    QJsonObject result{{u"id"_s, store.id},
                       {u"name"_s, store.name},
                       {u"contentsChecked"_s, static_cast<double>(contents)},
                       {u"messagesChecked"_s, static_cast<double>(checked)},
                       {u"orphanedContents"_s, static_cast<double>(orphans.value())},
                       {u"problems"_s, problems}};
    if (includeIndexes) {
        // The index against the database, repaired where they differ.
        Result<QJsonObject> indexes = StoreIndexer(m_archive).reconcile(store, &progress);
        if (!indexes.ok())
            return indexes.error();
        result.insert(u"indexes"_s, indexes.value());
    } else {
        result.insert(u"indexes"_s, QJsonValue());
    }
    return result;
}

Result<QJsonObject> StoreMaintenance::compact(int storeId)
{
    Result<StoreRecord> store = m_archive.stores().store(storeId);
    if (!store.ok())
        return store.error();
    Result<MessageStore::CompactResult> compacted = m_archive.messages().compact(store.value());
    if (!compacted.ok())
        return compacted.error();
    return QJsonObject{{u"contentsRemoved"_s, static_cast<double>(compacted->contentsRemoved)},
                       {u"sizeBefore"_s, static_cast<double>(compacted->bytesBefore)},
                       {u"sizeAfter"_s, static_cast<double>(compacted->bytesAfter)}};
}

} // namespace Mailkeep::Core
