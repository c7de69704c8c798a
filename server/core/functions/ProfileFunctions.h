#pragma once

#include "core/FunctionRegistry.h"
#include "core/profiles/ProfileRunner.h"
#include "core/profiles/ProfileScheduler.h"
#include "core/profiles/ProfileService.h"

namespace Mailkeep::Core {

struct ProfileServices
{
    ProfileService &profiles;
    ProfileRunner &runner;
    ProfileScheduler &scheduler;
};

// CreateProfile (also changes a profile given with id and version), GetProfiles,
// GetProfileHistory, DeleteProfile, RunProfile, RunTemporaryProfile and
// SetProfileServerSideExecution. Every user may call them; ProfileService decides what each
// caller may see and do.
void registerProfileFunctions(FunctionRegistry &registry, const ProfileServices &services);

} // namespace Mailkeep::Core
