#pragma once

#include "core/IngestPipeline.h"
#include "core/TaskManager.h"
#include "core/profiles/ProfileStore.h"

#include <QJsonObject>

#include <functional>
#include <memory>

namespace Mailkeep::Core {

struct ProfileRunContext
{
    const ProfileRecord &profile;
    // The profile's properties with its secrets opened and this run's overrides applied.
    const QJsonObject &properties;
    QString startedBy;
    TaskProgress &progress;
};

// What a run did: its counts (which decide the worker result's outcome) and the type's own
// details (per-folder counts, files, ...), which go into the worker result's report.
struct ProfileRunReport : IngestCounts
{
    QJsonObject details;
};

// The work of one profile type (archiving from a source, exporting to a target). A job that
// fails as a whole returns an error; single items that fail go into the report's failures and
// the run goes on. Cancellation (context.progress) ends a job with ErrorCode::Cancelled after
// what it has committed so far.
class ProfileJob
{
public:
    virtual ~ProfileJob() = default;
    virtual Status run(const ProfileRunContext &context, ProfileRunReport &report) = 0;
};

using ProfileJobFactory = std::function<std::unique_ptr<ProfileJob>()>;

} // namespace Mailkeep::Core
