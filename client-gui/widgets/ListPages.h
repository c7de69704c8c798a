#pragma once

#include "core/ConsoleSession.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QTreeWidget;

namespace Mailkeep::ClientWidgets {

// A page listing what one server function returns, with buttons for long functions on the
// whole list or on the selected row: Archive Email and Export Email (the saved profiles, run
// from here; the profile wizards come with a later version), and the administrative tools'
// stores and users.
class ServerListPage final : public QWidget
{
    Q_OBJECT
public:
    struct Column
    {
        QString title;
        QString field; // "a.b" reads field b of the object in field a
        // How the value reads; none: numbers, yes/no, and dates in the local format.
        std::function<QString(const QJsonValue &)> format = {};
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
    // A button for the selected row: runs the long function with `argument` set to the row's
    // `field` (e.g. RunProfile with id), with progress and Cancel, then refreshes.
    void addRowAction(const QString &label, const QString &function, const QString &argument,
                      const QString &field);
    QTreeWidget *list() const { return m_list; }

    static QString plainText(const QJsonValue &cell);

private:
    void runLong(const QString &label, const QString &function, const Api::FormFields &arguments);

    ClientCore::ConsoleSession &m_session;
    QString m_function;
    Api::FormFields m_arguments;
    QList<Column> m_columns;
    QString m_emptyText;
    std::function<bool(const QJsonObject &)> m_filter;
    QLabel *m_status;
    // What the last action came to. Apart from m_status, so that the list refresh each
    // action ends with does not wipe out its outcome before anyone has read it.
    QLabel *m_outcome;

    QHBoxLayout *m_buttons = nullptr;
    QTreeWidget *m_list;
};

} // namespace Mailkeep::ClientWidgets
