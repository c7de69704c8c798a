#include "core/FunctionRegistry.h"

#include "core/functions/ServerFunctions.h"

#include <QJsonArray>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

TEST(FunctionRegistry, ServerFunctionsAreDeclaredWithAccess)
{
    FunctionRegistry registry;
    ServiceInformation information;
    information.version = u"9.9.9"_s;
    information.machineName = u"box"_s;
    ManualClock clock;
    SessionTracker sessions(clock);
    registerServerFunctions(registry, information, sessions);

    QStringList names;
    for (const auto &signature : registry.signatures())
        names << signature.name;
    EXPECT_EQ(names, (QStringList{u"GetActiveSessions"_s, u"GetServerInfo"_s,
                                  u"GetServiceConfiguration"_s, u"GetTimeZones"_s}));
    EXPECT_EQ(registry.find(u"GetServerInfo"_s)->access, Access::AnyUser);
    EXPECT_EQ(registry.find(u"GetServiceConfiguration"_s)->access, Access::Admin);
    EXPECT_EQ(registry.find(u"GetActiveSessions"_s)->access, Access::Admin);
    EXPECT_EQ(registry.find(u"getserverinfo"_s), nullptr) << "names are case-sensitive";
}

TEST(FunctionRegistry, TimeZonesStartWithLocalAndHoldIanaIds)
{
    const QJsonArray zones = timeZoneList();
    ASSERT_GT(zones.size(), 300);
    EXPECT_EQ(zones[0].toObject()[u"id"_s].toString(), u"$Local"_s);
    bool berlin = false;
    for (const auto &zone : zones) {
        if (zone.toObject()[u"id"_s].toString() == u"Europe/Berlin"_s) {
            berlin = true;
            EXPECT_TRUE(zone.toObject()[u"displayName"_s].toString().startsWith(u"(UTC+0"_s));
        }
    }
    EXPECT_TRUE(berlin);
}
