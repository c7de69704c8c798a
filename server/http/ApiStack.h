#pragma once

#include "core/AuthService.h"
#include "core/FunctionRegistry.h"
#include "core/LoginThrottle.h"
#include "core/SessionTracker.h"
#include "core/TaskManager.h"
#include "core/UserStore.h"
#include "http/ApiServer.h"

#include <memory>

namespace Mailkeep::Http {

struct ApiStackSettings
{
    Core::LoginThrottleSettings loginThrottle;
    int workerThreads = 8;
    std::chrono::seconds statusTokenLifetime = std::chrono::minutes(5);
    ApiServerSettings server;
};

// The services behind the Administration API, built and torn down in the right order: the
// server stops taking calls first, then running tasks end. Functions are registered on
// functions() before the server listens.
class ApiStack
{
public:
    ApiStack(Core::UserStore &users, const Clock &clock, const ApiStackSettings &settings = {});
    ~ApiStack();

    Core::FunctionRegistry &functions() { return m_functions; }
    Core::SessionTracker &sessions() { return m_sessions; }
    Core::LoginThrottle &throttle() { return m_throttle; }
    Core::TaskManager &tasks() { return m_tasks; }
    Core::AuthService &auth() { return m_auth; }
    ApiServer &server() { return *m_server; }

private:
    Core::LoginThrottle m_throttle;
    Core::AuthService m_auth;
    Core::SessionTracker m_sessions;
    Core::TaskManager m_tasks;
    Core::FunctionRegistry m_functions;
    std::unique_ptr<ApiServer> m_server;
};

} // namespace Mailkeep::Http
