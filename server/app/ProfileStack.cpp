#include "app/ProfileStack.h"

#include "core/functions/ProfileFunctions.h"
#include "core/profiles/FileArchiveJob.h"
#include "core/profiles/ProfileRunner.h"
#include "core/profiles/ProfileScheduler.h"
#include "core/profiles/ProfileService.h"
#include "storage/PgProfileStore.h"

namespace Mailkeep::App {

ProfileStack::ProfileStack(Storage::PgConnectionPool &pool, ArchiveStack &archive,
                           Core::UserStore &users, const Clock &clock, int workerLimit)
    : m_store(std::make_unique<Storage::PgProfileStore>(pool))
    , m_service(std::make_unique<Core::ProfileService>(*m_store, users, archive.folders(),
                                                       archive.savedSearches(), archive.keys()))
    , m_runner(std::make_unique<Core::ProfileRunner>(*m_service, archive.workerResults(), clock,
                                                     workerLimit))
    , m_scheduler(std::make_unique<Core::ProfileScheduler>(*m_service, *m_runner, clock))
{
    Core::ArchiveService &service = archive.archive();
    const auto files = [&service, &users]() {
        return std::make_unique<Core::FileArchiveJob>(service, users);
    };
    for (const QString &type :
         {Core::ProfileType::EmlFolder, Core::ProfileType::MboxFile, Core::ProfileType::BulkImport})
        m_runner->registerJob(type, files);
    m_scheduler->setReadiness([&keys = archive.keys()]() { return keys.isUnlocked(); });
}

ProfileStack::~ProfileStack()
{
    m_scheduler.reset();
}

void ProfileStack::registerFunctions(Core::FunctionRegistry &registry)
{
    Core::registerProfileFunctions(registry, {*m_service, *m_runner, *m_scheduler});
}

void ProfileStack::startScheduler(std::chrono::milliseconds interval)
{
    m_scheduler->start(interval);
}

void ProfileStack::stopScheduler()
{
    m_scheduler->stop();
}

} // namespace Mailkeep::App
