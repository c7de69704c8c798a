#pragma once

#include "core/ConsoleSession.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace Mailkeep::ClientWidgets {

class OutcomeLabel;

// The Microsoft 365 credentials (Entra ID applications signing in with a certificate the server
// made): each with its tenant, application, certificate thumbprint, expiry (a warning from 28
// days before) and the profiles using it. New credentials, the certificate saved for upload to
// Entra ID, a sign-in test that says which permission is missing, a new certificate, deletion.
class CredentialsPage final : public QWidget
{
    Q_OBJECT
public:
    struct NewCredential
    {
        QString description;
        QString tenantId;
        QString applicationId;
        QString cloud; // "global" or "china"
    };

    explicit CredentialsPage(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    void refresh();
    QTreeWidget *list() const { return m_list; }
    QString outcome() const;

    // What the buttons do, past their dialogs (for the dialogs, and for tests).
    void create(const NewCredential &credential);
    void saveCertificate(const QString &path);
    void testSelected();
    void renewSelected();
    void deleteSelected();

private:
    QJsonObject selected() const;
    void updateButtons();
    void setOutcome(const QString &text, bool good);
    void askForNewCredential();
    void askWhereToSave();
    void showTest(const QString &name, const QJsonObject &tested);
    // Calls `function` with `arguments`; `done` gets the result on success, else the outcome
    // shows the server's reason.
    void call(const QString &title, const QString &function, const Api::FormFields &arguments,
              std::function<void(const QJsonValue &)> done);

    ClientCore::ConsoleSession &m_session;
    QLabel *m_status;
    QTreeWidget *m_list;
    QPushButton *m_save;
    QPushButton *m_test;
    QPushButton *m_renew;
    QPushButton *m_delete;
    OutcomeLabel *m_outcome;
};

} // namespace Mailkeep::ClientWidgets
