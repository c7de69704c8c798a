#include "core/profiles/MaintenanceWindows.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

Result<MaintenanceWindows> MaintenanceWindows::parse(const QString &text)
{
    static const QRegularExpression window(u"^(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})$"_s);
    MaintenanceWindows windows;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QRegularExpressionMatch match = window.match(part.trimmed());
        const Error wrong(ErrorCode::InvalidArgument,
                          u"A maintenance window looks like 22:00-04:00 (hh:mm-hh:mm), not "
                          "\"%1\"."_s.arg(part.trimmed()));
        if (!match.hasMatch())
            return wrong;
        const int fromHour = match.captured(1).toInt();
        const int fromMinute = match.captured(2).toInt();
        const int toHour = match.captured(3).toInt();
        const int toMinute = match.captured(4).toInt();
        // 24:00 ends a day; 00:00-24:00 is the whole day.
        if (fromHour > 23 || fromMinute > 59 || toMinute > 59 || toHour > 24 ||
            (toHour == 24 && toMinute != 0))
            return wrong;
        Window parsed{fromHour * 60 + fromMinute, toHour * 60 + toMinute};
        if (parsed.from == parsed.to)
            return Error(ErrorCode::InvalidArgument,
                         u"The maintenance window %1 is empty."_s.arg(part.trimmed()));
        windows.m_windows.append(parsed);
    }
    return windows;
}

bool MaintenanceWindows::isOpen(const QTime &time) const
{
    if (m_windows.isEmpty())
        return true;
    const int minute = time.hour() * 60 + time.minute();
    for (const Window &window : m_windows) {
        const bool open = window.from < window.to ? minute >= window.from && minute < window.to
                                                  : minute >= window.from || minute < window.to;
        if (open)
            return true;
    }
    return false;
}

QString MaintenanceWindows::text() const
{
    QStringList parts;
    const auto clock = [](int minutes) {
        return u"%1:%2"_s.arg(minutes / 60, 2, 10, QChar(u'0'))
            .arg(minutes % 60, 2, 10, QChar(u'0'));
    };
    for (const Window &window : m_windows)
        parts << clock(window.from) + u'-' + clock(window.to);
    return parts.join(u',');
}

} // namespace Mailkeep::Core
