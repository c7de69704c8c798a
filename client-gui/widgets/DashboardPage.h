#pragma once

#include "core/ConsoleSession.h"

#include <QJsonArray>
#include <QWidget>

class QFrame;
class QLabel;
class QVBoxLayout;
class QTreeWidget;
class QTreeWidgetItem;

namespace Mailkeep::ClientWidgets {

// The first page: what the archive holds (per store, as a chart), what was archived over the
// last 30 days (a chart), the latest archiving runs with their outcome (a click opens the
// report), and what needs attention. Store figures and warnings are for administrators.
class DashboardPage final : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    void refresh();
    // What needs attention, one line each (for tests).
    QStringList warnings() const;

Q_SIGNALS:
    // "Open the conversion tool" on the warning about profiles that still use EWS.
    void conversionToolRequested();

private:
    void showCredentialExpiry(const QJsonArray &credentials);
    void showEwsProfiles(const QJsonObject &conversions);
    void showStores(const QJsonArray &stores);
    void showResults(const QJsonArray &results);
    void showPerDay(const QJsonArray &perDay);
    // `actionText`, when given, is a button after the sentence that emits `action`.
    void addWarning(const QString &text, const QString &actionText = {},
                    void (DashboardPage::*action)() = nullptr);
    void openReport(QTreeWidgetItem *item);

    ClientCore::ConsoleSession &m_session;
    QLabel *m_totals;
    QWidget *m_perDay;
    QWidget *m_perStore;
    QTreeWidget *m_results;
    // One row per warning: an icon and a sentence that says what to do, wrapped.
    QFrame *m_warnings;
    QVBoxLayout *m_warningRows;
};

} // namespace Mailkeep::ClientWidgets
