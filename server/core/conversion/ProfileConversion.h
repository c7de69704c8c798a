#pragma once

#include "core/profiles/ProfileStore.h"

#include <QDate>
#include <QJsonObject>

namespace Mailkeep::Core {

// What becomes of a Microsoft 365 profile when Microsoft ends EWS (the Microsoft 365 profile
// conversion tool): EWS archiving of regular and shared mailboxes converts to Microsoft Graph
// by itself, EWS exports convert to IMAP; archive mailboxes and public folders have no Graph
// equivalent and stop working; profiles on Graph or IMAP need nothing.
namespace ProfileConversion {

inline const QString Automatic = QStringLiteral("automatic");
inline const QString NotSupported = QStringLiteral("notSupported");
inline const QString NotNeeded = QStringLiteral("notNeeded");

// Microsoft's dates for EWS in Exchange Online.
inline const QDate kKioskBlocked{2026, 6, 30}; // Kiosk, F1 and F3 mailboxes
inline const QDate kBlocked{2026, 10, 1};      // unless the tenant allows EWS again
inline const QDate kSwitchedOff{2027, 4, 1};   // EWS gone for good

struct Plan
{
    QString category;   // Automatic, NotSupported or NotNeeded; empty: no Microsoft 365 profile
    QString targetType; // for Automatic: the type the profile becomes
    QString reason;     // for a person
};

Plan plan(const ProfileRecord &profile);

// The profile as it would be after the conversion: the new type, everything else kept (id,
// name, owner, schedule, target archive and folders, filters, deletion rules).
ProfileRecord converted(const ProfileRecord &profile, const Plan &plan);

// {"profiles": [{"id", "name", "kind", "type", "protocol", "category", "convertsTo", "reason",
//  "stopsWorking"?}], "counts": {"automatic", "notSupported", "notNeeded"},
//  "convertibleProfiles": bool, "daysUntilEwsEnds"} for the Microsoft 365 profiles among these.
QJsonObject overview(const QList<ProfileRecord> &profiles, const QDate &today);

// A folder or item id of EWS as Microsoft Graph writes it (URL-safe base64).
QString graphIdFromEwsId(const QString &ewsId);

} // namespace ProfileConversion
} // namespace Mailkeep::Core
