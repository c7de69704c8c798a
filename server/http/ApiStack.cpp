#include "http/ApiStack.h"

namespace Mailkeep::Http {

ApiStack::ApiStack(Core::UserStore &users, const Clock &clock, const ApiStackSettings &settings)
    : m_throttle(clock, settings.loginThrottle)
    , m_auth(users, clock)
    , m_sessions(clock)
    , m_tasks(clock, settings.statusTokenLifetime, settings.workerThreads)
    , m_server(std::make_unique<ApiServer>(
          ApiServices{m_functions, m_auth, m_throttle, m_sessions, m_tasks}, settings.server))
{}

ApiStack::~ApiStack()
{
    m_server.reset();
}

} // namespace Mailkeep::Http
