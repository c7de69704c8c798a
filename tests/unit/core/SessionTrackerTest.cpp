#include "core/SessionTracker.h"

#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

TEST(SessionTracker, ListsOneSessionPerUserAddressAndClient)
{
    ManualClock clock;
    SessionTracker sessions(clock, std::chrono::minutes(15));
    sessions.recordActivity(u"admin"_s, u"127.0.0.1"_s, ClientKind::Api);
    clock.advance(1000);
    sessions.recordActivity(u"admin"_s, u"127.0.0.1"_s, ClientKind::Api);
    sessions.recordActivity(u"admin"_s, u"127.0.0.1"_s, ClientKind::Console);
    sessions.recordActivity(u"alice"_s, u"10.1.1.1"_s, ClientKind::Shell);
    const QJsonArray list = sessions.activeSessions();
    ASSERT_EQ(list.size(), 3);
    const QJsonObject first = list[0].toObject();
    EXPECT_EQ(first[u"userName"_s].toString(), u"admin"_s);
    EXPECT_EQ(first[u"clientKind"_s].toString(), u"api"_s);
    EXPECT_NE(first[u"startTime"_s].toString(), first[u"lastActivityTime"_s].toString());
}

TEST(SessionTracker, IdleSessionsEnd)
{
    ManualClock clock;
    SessionTracker sessions(clock, std::chrono::minutes(15));
    sessions.recordActivity(u"admin"_s, u"127.0.0.1"_s, ClientKind::Api);
    clock.advance(10 * 60 * 1000);
    sessions.recordActivity(u"alice"_s, u"127.0.0.1"_s, ClientKind::Api);
    clock.advance(6 * 60 * 1000);
    const QJsonArray list = sessions.activeSessions();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].toObject()[u"userName"_s].toString(), u"alice"_s);
}
