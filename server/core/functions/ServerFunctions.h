#pragma once

#include "core/FunctionRegistry.h"
#include "core/ServiceInformation.h"
#include "core/SessionTracker.h"

namespace Mailkeep::Core {

// GetServerInfo, GetServiceConfiguration, GetTimeZones and GetActiveSessions.
void registerServerFunctions(FunctionRegistry &registry, const ServiceInformation &information,
                             SessionTracker &sessions);

// [{"id": "$Local", "displayName": ...}, {"id": "Europe/Berlin", "displayName": "(UTC+01:00)
// Europe/Berlin"}, ...]
QJsonArray timeZoneList();

} // namespace Mailkeep::Core
