#pragma once

#include "core/ConsoleSession.h"

#include <QThread>
#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Mailkeep::ClientWidgets {

class PromptWorker;

// Command Prompt: the management shell's interpreter (client-gui/shell) on the current
// session, in a window. Commands run on their own thread; Stop cancels a running one.
class CommandPromptPage final : public QWidget
{
    Q_OBJECT
public:
    explicit CommandPromptPage(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    ~CommandPromptPage() override;
    void runCommand(const QString &line);
    QPlainTextEdit *transcript() const { return m_output; }

Q_SIGNALS:
    void commandRequested(const QString &line);

private:
    void append(const QString &text, bool isError);
    void setRunning(bool running);
    bool eventFilter(QObject *watched, QEvent *event) override;

    QPlainTextEdit *m_output;
    QLineEdit *m_input;
    QPushButton *m_stop;
    QThread m_thread;
    PromptWorker *m_worker;
    QStringList m_history;
    qsizetype m_historyAt = 0;
};

} // namespace Mailkeep::ClientWidgets
