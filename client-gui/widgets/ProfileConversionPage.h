#pragma once

#include "core/ConsoleSession.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Mailkeep::ClientWidgets {

class OutcomeLabel;

// The Microsoft 365 Profile Conversion Tool: every Microsoft 365 profile with what becomes of
// it when EWS ends (converted automatically, not supported, not needed), and for the selected
// one a test of the conversion (each check with its fix), the conversion itself (only after
// a passed test, and once confirmed) and the pre-flight report (folders and item counts as
// EWS and Graph see them, and how long the first Graph run takes).
class ProfileConversionPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ProfileConversionPage(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    void refresh();
    QTreeWidget *profiles() const { return m_profiles; }
    QTreeWidget *details() const { return m_details; }
    QString summary() const;
    QString outcome() const;
    // The buttons, for tests and shortcuts.
    void testSelected();
    void convertSelected();
    void preflightSelected();

Q_SIGNALS:
    // A profile now uses another protocol: lists of profiles elsewhere are out of date.
    void profileConverted();

private:
    void showProfiles(const QJsonObject &overview);
    void updateButtons();
    // The selected profile's row as the server sent it; empty without a selection.
    QJsonObject selected() const;
    void showChecks(const QJsonObject &tested);
    void showPreflight(const QJsonObject &report);
    void setOutcome(const QString &text, bool good);
    // Runs `function` on the selected profile with progress; `done` gets the result object.
    void callOnSelected(const QString &title, const QString &function,
                        std::function<void(const QJsonObject &)> done);
    void callOnProfile(qint64 id, const QString &title, const QString &function,
                       std::function<void(const QJsonObject &)> done);
    void confirmAndConvert(qint64 id, const QJsonObject &tested);

    ClientCore::ConsoleSession &m_session;
    QLabel *m_summary;
    QTreeWidget *m_profiles;
    QPushButton *m_test;
    QPushButton *m_convert;
    QPushButton *m_preflight;
    OutcomeLabel *m_outcome;
    QTreeWidget *m_details;
    QLabel *m_detailText;
};

} // namespace Mailkeep::ClientWidgets
