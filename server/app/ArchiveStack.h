#pragma once

#include "core/ArchiveService.h"
#include "core/ComplianceService.h"
#include "core/FunctionRegistry.h"
#include "core/KeyRing.h"
#include "core/MessageAccess.h"
#include "core/SavedSearchStore.h"
#include "core/StoreService.h"
#include "core/UserStore.h"
#include "core/WorkerResultStore.h"
#include "model/Clock.h"

#include <functional>
#include <memory>

namespace Mailkeep::Storage {
class PgConnectionPool;
class PgStoreCatalog;
class PgFolderStore;
class PgMessageStore;
class PgWorkerResultStore;
class PgAuditLog;
class PgSavedSearchStore;
} // namespace Mailkeep::Storage

namespace Mailkeep::Index {
class LuceneSearchIndex;
} // namespace Mailkeep::Index

namespace Mailkeep::App {

// The archive on one PostgreSQL database: master key ring, store catalog, folders, messages
// and the services over them, built in dependency order and torn down in reverse.
class ArchiveStack
{
public:
    // indexRoot: where the stores' full-text indexes live (one folder per store).
    ArchiveStack(Storage::PgConnectionPool &pool, Core::UserStore &users,
                 const QString &masterKeyFile, const QString &indexRoot, const Clock &clock);
    ~ArchiveStack();

    // Opens the key ring (see KeyRing::open: the recovery key on first start), closes the
    // worker results of runs a crash cut off, opens every store (bringing its schema up to
    // date) and, when the key ring is unlocked, makes sure a current store exists (returned
    // when created now).
    struct Opened
    {
        std::optional<QString> recoveryKey;
        std::optional<Core::StoreRecord> createdStore;
        qint64 indexedAtStart = 0; // messages a crash had left out of the index
        QStringList indexWarnings; // indexes that could not be brought up to date
    };
    Result<Opened> open();

    // The user, store, folder and message functions of the API. usersChanged runs after any
    // change to users, so remembered logins are checked again.
    void registerFunctions(Core::FunctionRegistry &registry, std::function<void()> usersChanged);

    Core::UserStore &users() { return m_users; }
    Core::KeyRing &keys() { return *m_keys; }
    Core::StoreService &stores() { return *m_stores; }
    Core::StoreCatalog &catalog();
    Core::FolderStore &folders();
    Core::MessageStore &messages();
    Core::ArchiveService &archive() { return *m_archive; }
    Core::WorkerResultStore &workerResults();
    Core::AuditLog &audit();
    Core::SearchIndex &index();
    Core::ComplianceService &compliance() { return *m_compliance; }
    Core::SavedSearchStore &savedSearches();
    Core::MessageAccess &access() { return *m_access; }

private:
    Core::UserStore &m_users;
    const Clock &m_clock;
    std::unique_ptr<Core::KeyRing> m_keys;
    std::unique_ptr<Storage::PgStoreCatalog> m_catalog;
    std::unique_ptr<Storage::PgFolderStore> m_folders;
    std::unique_ptr<Storage::PgMessageStore> m_messages;
    std::unique_ptr<Core::StoreService> m_stores;
    std::unique_ptr<Storage::PgWorkerResultStore> m_workerResults;
    std::unique_ptr<Storage::PgAuditLog> m_audit;
    std::unique_ptr<Index::LuceneSearchIndex> m_index;
    std::unique_ptr<Storage::PgSavedSearchStore> m_savedSearches;
    std::unique_ptr<Core::ArchiveService> m_archive;
    std::unique_ptr<Core::ComplianceService> m_compliance;
    std::unique_ptr<Core::MessageAccess> m_access;
};

} // namespace Mailkeep::App
