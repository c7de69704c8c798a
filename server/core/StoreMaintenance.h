#pragma once

#include "core/ArchiveService.h"
#include "core/TaskManager.h"

#include <QJsonObject>

namespace Mailkeep::Core {

// Checking, compacting and moving the content of archive stores. Long-running: each reports
// progress and stops when asked to.
class StoreMaintenance
{
public:
    explicit StoreMaintenance(ArchiveService &archive);

    // Decrypts and re-hashes every content row, opens every message's envelope and checks that
    // its folder exists. The report lists each problem; an unreadable store is an error.
    Result<QJsonObject> verify(int storeId, bool includeIndexes, TaskProgress &progress);
    Result<QJsonObject> verifyAll(bool includeIndexes, TaskProgress &progress);
    Result<QJsonObject> compact(int storeId);

    // Copies the messages of the source stores into the target (default: the current store),
    // keeping folders and archive dates; a message already in its folder there is skipped.
    // startIndex "storeId:messageId" resumes after that message; without it a transfer
    // interrupted earlier continues from its checkpoint. The sources stay as they are.
    Result<QJsonObject> transfer(const QList<int> &sourceIds, std::optional<int> targetId,
                                 const QString &startIndex, TaskProgress &progress);

private:
    Result<QJsonObject> verifyStore(const StoreRecord &store, bool includeIndexes,
                                    TaskProgress &progress, int done, int total);

    ArchiveService &m_archive;
};

} // namespace Mailkeep::Core
