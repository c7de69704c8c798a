#pragma once

#include "core/ConsoleSession.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTreeWidget;

namespace Mailkeep::ClientWidgets {

// A read-only page listing what one server function returns: Archive Email and Export Email
// (the saved profiles; profiles are created by a later version), and the administrative
// tools' stores and users.
class ServerListPage final : public QWidget
{
    Q_OBJECT
public:
    struct Column
    {
        QString title;
        QString field;
    };
    ServerListPage(ClientCore::ConsoleSession &session, QString title, QString function,
                   Api::FormFields arguments, QList<Column> columns, QString emptyText,
                   QWidget *parent = nullptr);
    // Rows for which this returns false are left out (e.g. archive vs export profiles).
    void setFilter(std::function<bool(const QJsonObject &)> filter)
    {
        m_filter = std::move(filter);
    }
    void refresh();
    // A button running a long function (with progress and Cancel), then refreshing.
    void addLongAction(const QString &label, const QString &function, Api::FormFields arguments);

private:
    ClientCore::ConsoleSession &m_session;
    QString m_function;
    Api::FormFields m_arguments;
    QList<Column> m_columns;
    QString m_emptyText;
    std::function<bool(const QJsonObject &)> m_filter;
    QLabel *m_status;
    QHBoxLayout *m_buttons = nullptr;
    QTreeWidget *m_list;
};

} // namespace Mailkeep::ClientWidgets
