#pragma once

#include "core/FolderStore.h"
#include "core/MessageStore.h"
#include "core/SearchIndex.h"
#include "core/StoreService.h"

#include <QJsonObject>

namespace Mailkeep::Core {

// Where new mail goes and how it is prepared: the current store and its data key; each
// message parsed (never refused: unparseable mail is archived and flagged), hashed,
// compressed and sealed.
class ArchiveService
{
public:
    ArchiveService(StoreService &stores, FolderStore &folders, MessageStore &messages,
                   SearchIndex &index);

    struct Target
    {
        StoreRecord store;
        QByteArray dataKey;
        QList<StoreRecord> present; // every attached store, checked for duplicates
    };
    // Starts a new current store first when automatic creation says so. Refuses while the key
    // ring is locked or any store is disabled or cannot be opened (its mail could not be
    // checked for duplicates).
    Result<Target> currentTarget();
    // Thread-safe and free of I/O.
    static Result<PreparedMessage> prepare(const QByteArray &raw, qint64 folderId,
                                           const Target &target);
    // Associated data that binds sealed content to its store and hash.
    static QByteArray contentBinding(const StoreRecord &store, const QByteArray &sha256);
    // Subject, sender, recipients and Message-ID, sealed under the store key (bound to the
    // content hash), and opened again into a summary's text fields.
    static Result<QByteArray> sealEnvelope(const QJsonObject &envelope, const Target &target,
                                           const QByteArray &sha256);
    static Status openEnvelope(MessageSummary &message, const StoreRecord &store,
                               const QByteArray &dataKey);

    StoreService &stores() { return m_stores; }
    FolderStore &folders() { return m_folders; }
    MessageStore &messages() { return m_messages; }
    SearchIndex &index() { return m_index; }

private:
    StoreService &m_stores;
    FolderStore &m_folders;
    MessageStore &m_messages;
    SearchIndex &m_index;
};

} // namespace Mailkeep::Core
