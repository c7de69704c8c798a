#pragma once

#include "model/Result.h"

#include <QList>
#include <QString>
#include <QTime>

namespace Mailkeep::Core {

// The hours in which an automatic profile may run, as SetProfileServerSideExecution takes
// them: "22:00-04:00" (crossing midnight), several separated by commas; none: all day. Times
// are the server's local time. A run that is going on when a window closes finishes.
class MaintenanceWindows
{
public:
    static Result<MaintenanceWindows> parse(const QString &text);

    bool allDay() const { return m_windows.isEmpty(); }
    bool isOpen(const QTime &time) const;
    // The canonical spelling ("22:00-04:00,12:00-13:00").
    QString text() const;

private:
    struct Window
    {
        int from = 0; // minutes since midnight
        int to = 0;   // exclusive; may be <= from: the window crosses midnight
    };
    QList<Window> m_windows;
};

} // namespace Mailkeep::Core
