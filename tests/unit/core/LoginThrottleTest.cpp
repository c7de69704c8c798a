#include "core/LoginThrottle.h"

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace std::chrono_literals;
using namespace Qt::Literals::StringLiterals;

TEST(LoginThrottle, PenaltyDoublesPerFailureUpToTheCap)
{
    ManualClock clock;
    LoginThrottle throttle(clock, {100ms, 1000ms, 15min});
    EXPECT_EQ(throttle.waitBeforeAttempt(u"admin"_s, u"10.0.0.1"_s), 0ms);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s), 100ms);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s), 200ms);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s), 400ms);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s), 800ms);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s), 1000ms);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s), 1000ms);
    EXPECT_EQ(throttle.waitBeforeAttempt(u"admin"_s, u"10.0.0.1"_s), 1000ms);
    clock.advance(400);
    EXPECT_EQ(throttle.waitBeforeAttempt(u"admin"_s, u"10.0.0.1"_s), 600ms);
}

TEST(LoginThrottle, CountsPerUserAndPerAddress)
{
    ManualClock clock;
    LoginThrottle throttle(clock, {100ms, 10s, 15min});
    throttle.recordFailure(u"admin"_s, u"10.0.0.1"_s);
    throttle.recordFailure(u"admin"_s, u"10.0.0.2"_s);
    // The same account from a third address is slowed (per user) ...
    EXPECT_EQ(throttle.failureCount(u"admin"_s, u"10.0.0.3"_s), 2);
    // ... and the first address is slowed for another account (per address).
    EXPECT_EQ(throttle.failureCount(u"bob"_s, u"10.0.0.1"_s), 1);
    EXPECT_EQ(throttle.failureCount(u"bob"_s, u"10.0.0.9"_s), 0);
    EXPECT_EQ(throttle.failureCount(u"ADMIN"_s, u"10.0.0.9"_s), 2)
        << "user names are case-insensitive";
}

TEST(LoginThrottle, SuccessAndQuietTimeReset)
{
    ManualClock clock;
    LoginThrottle throttle(clock, {100ms, 10s, 15min});
    throttle.recordFailure(u"admin"_s, u"a"_s);
    throttle.recordFailure(u"admin"_s, u"a"_s);
    throttle.recordSuccess(u"admin"_s, u"a"_s);
    EXPECT_EQ(throttle.failureCount(u"admin"_s, u"a"_s), 0);
    throttle.recordFailure(u"admin"_s, u"a"_s);
    clock.advance(16 * 60 * 1000);
    EXPECT_EQ(throttle.failureCount(u"admin"_s, u"a"_s), 0);
    EXPECT_EQ(throttle.recordFailure(u"admin"_s, u"a"_s), 100ms);
}
