#pragma once

#include "core/SearchIndex.h"
#include "core/StoreCatalog.h"
#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Core {

// One message ready to be written: content sealed, metadata extracted.
struct PreparedMessage
{
    qint64 folderId = 0;
    QByteArray sha256; // of the raw bytes
    QByteArray sealed; // ContentCodec::encode of the raw bytes
    qint64 rawSize = 0;
    QByteArray duplicateKey; // see store migration 0002
    QDateTime messageDate;
    bool dateFromReceived = false;
    QByteArray sealedEnvelope; // ArchiveService::sealEnvelope
    bool hasAttachments = false;
    QString parseStatus; // ok, defective, unparseable
    QStringList defects;
    QString sourceProfile;
    QString sourceFolder;
    QString sourceId;
    QDateTime archivedAt; // invalid: now (a transfer keeps the original archive date)
    IndexDocument index;  // the terms for the full-text index
};

// How far a source has been archived, recorded in the same transaction as a batch.
struct SourceCheckpoint
{
    QString key;
    QString position;
};

enum class StoreOutcome
{
    Stored,            // a new message row (its content may have existed already)
    AlreadyInFolder,   // same bytes in the same folder: nothing to do
    DuplicateElsewhere // same message by its normalised key (other transport headers)
};

struct StoredBatch
{
    QList<StoreOutcome> outcomes;
    QList<qint64> messageIds; // of the messages stored now, 0 for the others
};

struct MessageSummary
{
    int storeId = 0;
    qint64 id = 0;
    qint64 folderId = 0;
    QDateTime archivedAt;
    QDateTime messageDate;
    QByteArray sealedEnvelope;
    // Filled by ArchiveService::openEnvelope:
    QString sender;
    QString recipients;
    QString subject;
    QString messageId;
    QString preview; // the start of the text, for snippets (empty for older messages)
    qint64 size = 0;
    bool hasAttachments = false;
    QString parseStatus;
    QStringList defects;
    QByteArray sha256;
};

// Message rows and contents inside the archive stores; implemented by Mailkeep::Storage.
class MessageStore
{
public:
    virtual ~MessageStore() = default;
    // Writes a batch into one store in one transaction: all or nothing. Re-writing a message
    // that is already in its folder is a no-op, so a batch may safely be repeated after a crash.
    // A message counts as present when it is in its folder in any store of `present` (the
    // attached, readable stores) by its bytes or by its normalised key. The checkpoint, when
    // given, is written in the same transaction.
    virtual Result<StoredBatch>
    storeBatch(const StoreRecord &store, const QList<StoreRecord> &present,
               const QList<PreparedMessage> &batch,
               const std::optional<SourceCheckpoint> &checkpoint = std::nullopt) = 0;
    virtual Result<std::optional<QString>> checkpoint(const QString &key) = 0;
    virtual Status clearCheckpoint(const QString &key) = 0;
    // Every checkpoint whose key starts with `prefix`: the positions a source left before.
    virtual Result<QList<SourceCheckpoint>> checkpointsWithPrefix(const QString &prefix) = 0;
    // Messages of these folders in every store given, newest first.
    virtual Result<QList<MessageSummary>> messagesInFolders(const QList<StoreRecord> &stores,
                                                            const QList<qint64> &folderIds) = 0;
    // One page of a folder's messages by date (newest first when `descending`), across the
    // stores: only the page's rows are read in full, so a folder of any size pages quickly.
    virtual Result<QList<MessageSummary>> folderPageByDate(const QList<StoreRecord> &stores,
                                                           qint64 folderId, bool descending,
                                                           qint64 offset, qint64 limit) = 0;
    struct FolderCount
    {
        qint64 messages = 0;
        qint64 bytes = 0;
    };
    // Messages and raw bytes per folder id in one store.
    virtual Result<QHash<qint64, FolderCount>> folderCounts(const StoreRecord &store) = 0;
    // How many messages were archived on each day since `from`, days counted in `timeZone`
    // (an IANA id), in these folders (every folder: empty list).
    virtual Result<QMap<QDate, qint64>> archivedPerDay(const StoreRecord &store,
                                                       const QDateTime &from,
                                                       const QString &timeZone,
                                                       const QList<qint64> &folderIds) = 0;
    // The message and its sealed content; nullopt when there is no such message.
    virtual Result<std::optional<std::pair<MessageSummary, QByteArray>>>
    messageWithContent(const StoreRecord &store, qint64 messageId) = 0;
    // The message without its content; nullopt when there is no such message.
    virtual Result<std::optional<MessageSummary>> message(const StoreRecord &store,
                                                          qint64 messageId) = 0;
    // The messages with these ids (in no particular order; missing ones are left out).
    virtual Result<QList<MessageSummary>> messagesByIds(const StoreRecord &store,
                                                        const QList<qint64> &messageIds) = 0;
    // Whether a message of the folder waits for the index (so the index cannot list it yet).
    virtual Result<bool> folderHasUnindexed(const StoreRecord &store, qint64 folderId) = 0;
    // Moves the messages into the folder, each marked as not indexed (its folder is in its
    // index document). A message the folder holds already, by its bytes or by its normalised
    // key, stays where it is. Returns the ids moved. All or nothing.
    virtual Result<QList<qint64>> moveMessages(const StoreRecord &store,
                                               const QList<qint64> &messageIds,
                                               qint64 targetFolderId) = 0;

    // Deletes the message; its content goes with it when no other message refers to it.
    // False when there was no such message.
    virtual Result<bool> deleteMessage(const StoreRecord &store, qint64 messageId) = 0;

    // For verification and transfers: rows in key order after the given key, at most `limit`.
    struct ContentRow
    {
        QByteArray sha256;
        QByteArray sealed;
        qint64 rawSize = 0;
    };
    virtual Result<QList<ContentRow>> contentPage(const StoreRecord &store,
                                                  const QByteArray &afterSha256, int limit) = 0;
    struct StoredMessage
    {
        MessageSummary summary;
        QByteArray sealed; // empty unless asked for
        bool dateFromReceived = false;
        QString sourceProfile;
        QString sourceFolder;
        QString sourceId;
    };
    virtual Result<QList<StoredMessage>> messagePage(const StoreRecord &store, qint64 afterId,
                                                     int limit, bool withContent,
                                                     bool onlyUnindexed = false) = 0;
    // The index bookkeeping (store migration 0004).
    virtual Status setIndexed(const StoreRecord &store, const QList<qint64> &messageIds,
                              bool indexed) = 0;
    // Marks the messages of these folders (every message: empty list) as not indexed.
    virtual Result<qint64> markUnindexed(const StoreRecord &store,
                                         const QList<qint64> &folderIds) = 0;
    virtual Result<QSet<qint64>> indexedIds(const StoreRecord &store) = 0;
    virtual Result<qint64> unindexedCount(const StoreRecord &store) = 0;
    virtual Result<qint64> indexedCount(const StoreRecord &store) = 0;
    // Contents no message refers to (left by a crash between steps or an interrupted delete).
    virtual Result<qint64> orphanedContents(const StoreRecord &store) = 0;
    struct CompactResult
    {
        qint64 contentsRemoved = 0;
        qint64 bytesBefore = 0;
        qint64 bytesAfter = 0;
    };
    // Removes orphaned contents and gives the space of deleted rows back to the file system.
    virtual Result<CompactResult> compact(const StoreRecord &store) = 0;
};

} // namespace Mailkeep::Core
