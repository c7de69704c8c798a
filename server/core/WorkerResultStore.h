#pragma once

#include "model/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Mailkeep::Core {

// How a run ended, spelled as on the wire.
namespace WorkerOutcome {
inline const QString Succeeded = QStringLiteral("succeeded");
inline const QString CompletedWithWarnings = QStringLiteral("completedWithWarnings");
inline const QString CompletedWithErrors = QStringLiteral("completedWithErrors");
inline const QString Failed = QStringLiteral("failed");
inline const QString Cancelled = QStringLiteral("cancelled");
inline const QString ThreadAbort = QStringLiteral("threadAbort");
} // namespace WorkerOutcome

struct WorkerResult
{
    qint64 id = 0;
    std::optional<qint64> profileId; // none: an import or a temporary profile
    QString profileName;
    QString userName; // whose archive the run worked on
    QString startedBy;
    QDateTime startedAt;
    QDateTime completedAt; // invalid while running
    QString result;        // empty while running
    qint64 itemsArchived = 0;
    qint64 itemsSkipped = 0;
    qint64 itemsFailed = 0;
    QJsonObject report;
};

struct WorkerResultFilter
{
    QDateTime fromIncluding;
    QDateTime toExcluding;
    std::optional<qint64> profileId;
    std::optional<QString> userName;
};

// The results of profile and import runs; implemented by Mailkeep::Storage. Blocking.
class WorkerResultStore
{
public:
    virtual ~WorkerResultStore() = default;
    // Records a run that starts now; returns its id.
    virtual Result<qint64> begin(const WorkerResult &run) = 0;
    virtual Status finish(const WorkerResult &run) = 0;
    // Sorted by start time, newest first.
    virtual Result<QList<WorkerResult>> results(const WorkerResultFilter &filter) = 0;
    virtual Result<std::optional<WorkerResult>> result(qint64 id) = 0;
    // Start-up: runs still open were cut off by a crash or restart.
    virtual Result<qint64> closeAbandonedRuns(const QDateTime &now) = 0;
};

} // namespace Mailkeep::Core
