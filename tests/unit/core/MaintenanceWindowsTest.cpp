// The maintenance windows of automatic profiles: parsing, midnight, several windows.
#include "core/profiles/MaintenanceWindows.h"

#include <gtest/gtest.h>

using namespace Mailkeep::Core;
using namespace Qt::Literals::StringLiterals;

TEST(MaintenanceWindowsTest, AWindowAcrossMidnightIsOpenOnBothSides)
{
    const auto windows = MaintenanceWindows::parse(u"22:00-04:00"_s);
    ASSERT_TRUE(windows.ok());
    EXPECT_TRUE(windows->isOpen(QTime(22, 0)));
    EXPECT_TRUE(windows->isOpen(QTime(23, 59)));
    EXPECT_TRUE(windows->isOpen(QTime(0, 0)));
    EXPECT_TRUE(windows->isOpen(QTime(3, 59)));
    EXPECT_FALSE(windows->isOpen(QTime(4, 0))) << "the end is exclusive";
    EXPECT_FALSE(windows->isOpen(QTime(12, 0)));
    EXPECT_FALSE(windows->isOpen(QTime(21, 59)));
}

TEST(MaintenanceWindowsTest, SeveralWindowsAndTheWholeDay)
{
    const auto windows = MaintenanceWindows::parse(u" 1:30-2:00 , 12:00-13:15"_s);
    ASSERT_TRUE(windows.ok());
    EXPECT_EQ(windows->text(), u"01:30-02:00,12:00-13:15"_s);
    EXPECT_TRUE(windows->isOpen(QTime(1, 45)));
    EXPECT_TRUE(windows->isOpen(QTime(13, 14)));
    EXPECT_FALSE(windows->isOpen(QTime(2, 0)));
    EXPECT_FALSE(windows->isOpen(QTime(11, 59)));

    const auto allDay = MaintenanceWindows::parse(QString());
    ASSERT_TRUE(allDay.ok());
    EXPECT_TRUE(allDay->allDay());
    EXPECT_TRUE(allDay->isOpen(QTime(5, 0)));
    const auto toMidnight = MaintenanceWindows::parse(u"00:00-24:00"_s);
    ASSERT_TRUE(toMidnight.ok());
    EXPECT_TRUE(toMidnight->isOpen(QTime(23, 59)));
}

TEST(MaintenanceWindowsTest, MalformedWindowsAreRefusedWithTheirText)
{
    for (const QString &bad : {u"22-04"_s, u"25:00-01:00"_s, u"10:60-11:00"_s, u"10:00-24:30"_s,
                               u"10:00-10:00"_s, u"evening"_s, u"00:00-23:99"_s}) {
        const auto windows = MaintenanceWindows::parse(bad);
        ASSERT_FALSE(windows.ok()) << bad.toStdString();
        EXPECT_TRUE(windows.error().message.contains(bad.section(u',', 0, 0).trimmed()))
            << windows.error().message.toStdString();
    }
}
