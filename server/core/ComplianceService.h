#pragma once

#include "core/AuditLog.h"
#include "core/Identity.h"
#include "core/PropertyStore.h"

#include <QJsonObject>
#include <QStringList>

#include <mutex>
#include <optional>

namespace Mailkeep::Core {

// The compliance settings, named as in Get/SetComplianceConfiguration.
struct ComplianceConfiguration
{
    // "Archive Access": administrators may read every user's archive. Off by default, so
    // administrators read other users' mail only through folder privileges granted to them.
    bool adminEmailPreviewEnabled = false;
    // Legal hold: no message may be deleted, by anybody, while it is on.
    bool legalHoldEnabled = false;
    bool passwordPolicyEnabled = false;
    QStringList logSuccessfulUserActivities;

    QJsonObject toJson() const;
    // Fields missing from the object keep their value in `base`.
    static Result<ComplianceConfiguration> fromJson(const QJsonValue &value,
                                                    const ComplianceConfiguration &base);
};

// Reads and changes the compliance settings (kept as a server property); every change is
// written to the audit log.
class ComplianceService
{
public:
    ComplianceService(PropertyStore &properties, AuditLog &audit);

    Result<ComplianceConfiguration> configuration();
    Status setConfiguration(const ComplianceConfiguration &configuration, const Identity &caller,
                            const QString &clientAddress);

    AuditLog &audit() { return m_audit; }

private:
    PropertyStore &m_properties;
    AuditLog &m_audit;
    std::mutex m_mutex;
    std::optional<ComplianceConfiguration> m_cached;
};

} // namespace Mailkeep::Core
