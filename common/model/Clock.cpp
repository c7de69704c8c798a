#include "model/Clock.h"

namespace Mailkeep {

SystemClock &SystemClock::instance()
{
    static SystemClock clock;
    return clock;
}

} // namespace Mailkeep
