#pragma once

#include "core/StoreCatalog.h"
#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
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
};

enum class StoreOutcome
{
    Stored,            // a new message row (its content may have existed already)
    AlreadyInFolder,   // same bytes in the same folder: nothing to do
    DuplicateElsewhere // same message by its normalised key (other transport headers)
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
    virtual Result<QList<StoreOutcome>> storeBatch(const StoreRecord &store,
                                                   const QList<PreparedMessage> &batch) = 0;
    // Messages of these folders in every store given, newest first.
    virtual Result<QList<MessageSummary>> messagesInFolders(const QList<StoreRecord> &stores,
                                                            const QList<qint64> &folderIds) = 0;
    struct FolderCount
    {
        qint64 messages = 0;
        qint64 bytes = 0;
    };
    // Messages and raw bytes per folder id in one store.
    virtual Result<QHash<qint64, FolderCount>> folderCounts(const StoreRecord &store) = 0;
    // The message and its sealed content; nullopt when there is no such message.
    virtual Result<std::optional<std::pair<MessageSummary, QByteArray>>>
    messageWithContent(const StoreRecord &store, qint64 messageId) = 0;
};

} // namespace Mailkeep::Core
