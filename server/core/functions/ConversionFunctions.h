#pragma once

#include "core/ArchiveService.h"
#include "core/AuditLog.h"
#include "core/FunctionRegistry.h"
#include "core/UserStore.h"
#include "core/conversion/ConversionChecker.h"
#include "core/profiles/ProfileStore.h"

namespace Mailkeep::Core {

struct ConversionFunctionParts
{
    ProfileStore &profiles;
    UserStore &users;
    ArchiveService &archive;
    AuditLog &audit;
    ConversionChecker check;
};

// The Microsoft 365 profile conversion tool, for administrators:
// GetMicrosoft365ProfileConversions (what becomes of every Microsoft 365 profile),
// TestMicrosoft365ProfileConversion (the converted profile tested, nothing saved) and
// ConvertMicrosoft365Profile (the same test; saved only when every check passed, with the
// folder positions handed over so that the first run after it archives nothing twice).
void registerConversionFunctions(FunctionRegistry &registry, ConversionFunctionParts parts);

} // namespace Mailkeep::Core
