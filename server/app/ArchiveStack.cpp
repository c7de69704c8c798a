#include "app/ArchiveStack.h"

#include "core/StoreIndexer.h"
#include "core/functions/ArchiveStatisticsFunctions.h"
#include "core/functions/ComplianceFunctions.h"
#include "core/functions/FolderFunctions.h"
#include "core/functions/GlobalPropertyFunctions.h"
#include "core/functions/MessageFunctions.h"
#include "core/functions/MessageMoveFunctions.h"
#include "core/functions/SavedSearchFunctions.h"
#include "core/functions/SearchFunctions.h"
#include "core/functions/StoreFunctions.h"
#include "core/functions/StoreMaintenanceFunctions.h"
#include "core/functions/UserFunctions.h"
#include "core/functions/WorkerResultFunctions.h"
#include "index/LuceneSearchIndex.h"
#include "storage/PgAuditLog.h"
#include "storage/PgFolderStore.h"
#include "storage/PgMessageStore.h"
#include "storage/PgSavedSearchStore.h"
#include "storage/PgStoreCatalog.h"
#include "storage/PgWorkerResultStore.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

ArchiveStack::ArchiveStack(Storage::PgConnectionPool &pool, Core::UserStore &users,
                           const QString &masterKeyFile, const QString &indexRoot,
                           const Clock &clock)
    : m_users(users)
    , m_clock(clock)
    , m_keys(std::make_unique<Core::KeyRing>(users, masterKeyFile))
    , m_catalog(std::make_unique<Storage::PgStoreCatalog>(pool))
    , m_folders(std::make_unique<Storage::PgFolderStore>(pool))
    , m_messages(std::make_unique<Storage::PgMessageStore>(pool))
    , m_stores(std::make_unique<Core::StoreService>(*m_catalog, *m_keys, clock))
    , m_workerResults(std::make_unique<Storage::PgWorkerResultStore>(pool))
    , m_audit(std::make_unique<Storage::PgAuditLog>(pool))
    , m_index(std::make_unique<Index::LuceneSearchIndex>(indexRoot))
    , m_savedSearches(std::make_unique<Storage::PgSavedSearchStore>(pool))
    , m_archive(
          std::make_unique<Core::ArchiveService>(*m_stores, *m_folders, *m_messages, *m_index))
    , m_compliance(std::make_unique<Core::ComplianceService>(users, *m_audit))
    , m_access(std::make_unique<Core::MessageAccess>(*m_folders, *m_compliance))
{}

ArchiveStack::~ArchiveStack()
{
    m_access.reset();
    m_compliance.reset();
    m_archive.reset();
    m_index.reset();
    m_stores.reset();
}

Core::StoreCatalog &ArchiveStack::catalog()
{
    return *m_catalog;
}

Core::FolderStore &ArchiveStack::folders()
{
    return *m_folders;
}

Core::MessageStore &ArchiveStack::messages()
{
    return *m_messages;
}

Core::WorkerResultStore &ArchiveStack::workerResults()
{
    return *m_workerResults;
}

Core::SavedSearchStore &ArchiveStack::savedSearches()
{
    return *m_savedSearches;
}

Core::AuditLog &ArchiveStack::audit()

{
    return *m_audit;
}

Core::SearchIndex &ArchiveStack::index()
{
    return *m_index;
}

Result<ArchiveStack::Opened> ArchiveStack::open()
{
    Opened opened;
    Result<std::optional<QString>> recovery = m_keys->open();
    if (!recovery.ok())
        return recovery.error();
    opened.recoveryKey = recovery.value();
    if (Result<qint64> closed = m_workerResults->closeAbandonedRuns(m_clock.now()); !closed.ok())
        return closed.error();
    if (Status storesOpened = m_stores->openStores(); !storesOpened.ok())
        return storesOpened.error();
    if (m_keys->isUnlocked()) {
        Result<std::optional<Core::StoreRecord>> current = m_stores->ensureCurrentStore();
        if (!current.ok())
            return current.error();
        opened.createdStore = current.value();
        // Mail a crash left out of the index is indexed before the first search.
        Result<QList<Core::StoreRecord>> readable = m_stores->readableStores();
        if (!readable.ok())
            return readable.error();
        Core::StoreIndexer indexer(*m_archive);
        for (const Core::StoreRecord &store : readable.value()) {
            Result<qint64> indexed = indexer.indexPending(store);
            if (indexed.ok())
                opened.indexedAtStart += indexed.value();
            else
                opened.indexWarnings << u"The index of archive store %1 is not complete: %2"_s.arg(
                    store.name, indexed.error().toString());
            // An index that lost documents (damaged and started anew, or files deleted) no
            // longer has as many documents as the database says it holds.
            Result<qint64> documents = m_index->documentCount(store);
            Result<qint64> expected = m_messages->indexedCount(store);
            if (documents.ok() && expected.ok() && documents.value() != expected.value()) {
                Result<QJsonObject> repaired = indexer.reconcile(store);
                if (repaired.ok())
                    opened.indexedAtStart += (*repaired)[u"missing"_s].toInteger();
                else
                    opened.indexWarnings
                        << u"The index of archive store %1 differs from its messages: %2"_s.arg(
                               store.name, repaired.error().toString());
            }
        }
    }
    return opened;
}

void ArchiveStack::registerFunctions(Core::FunctionRegistry &registry,
                                     std::function<void()> usersChanged)
{
    Core::registerUserFunctions(registry, m_users, *m_folders, std::move(usersChanged));
    Core::registerStoreFunctions(registry, *m_stores, *m_audit);
    Core::registerStoreMaintenanceFunctions(registry, *m_archive, *m_audit);
    Core::registerFolderFunctions(registry, m_users, *m_archive);
    Core::registerMessageFunctions(registry,
                                   {*m_archive, *m_access, *m_workerResults, *m_audit, m_clock});
    Core::registerMessageMoveFunctions(
        registry, {*m_archive, *m_access, *m_workerResults, *m_audit, m_clock});
    Core::registerSearchFunctions(registry,

                                  {*m_archive, *m_access, *m_workerResults, *m_audit, m_clock});
    Core::registerSavedSearchFunctions(registry, *m_savedSearches);
    Core::registerComplianceFunctions(registry, *m_compliance);
    Core::registerWorkerResultFunctions(registry, *m_workerResults);
    Core::registerGlobalPropertyFunctions(registry, m_users, *m_audit);
    Core::registerArchiveStatisticsFunctions(
        registry, {*m_archive, *m_access, *m_workerResults, *m_audit, m_clock});
}

} // namespace Mailkeep::App
