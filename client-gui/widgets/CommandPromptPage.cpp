#include "widgets/CommandPromptPage.h"

#include "shell/Interpreter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

// The interpreter's output as signals, so the page (on the GUI thread) shows it.
class SignalOutput final : public QObject, public Shell::ShellOutput
{
    Q_OBJECT
public:
    void result(const QString &text) override { Q_EMIT line(text, false); }
    void error(const QString &text) override { Q_EMIT line(text, true); }
    void progress(std::optional<int> percent, const QString &text) override
    {
        Q_EMIT line(percent ? u"[%1%] %2"_s.arg(*percent, 3).arg(text) : text, false);
    }
    void clearScreen() override { Q_EMIT cleared(); }

Q_SIGNALS:
    void line(const QString &text, bool isError);
    void cleared();
};

// Lives on the prompt's thread: its own API client (it blocks) and interpreter.
class PromptWorker final : public QObject
{
    Q_OBJECT
public:
    explicit PromptWorker(Api::ServerAddress address)
        : m_address(std::move(address))
    {
        m_address.clientKind = "shell"; // the login privilege windowsCmd, as mailkeep-cmd
    }
    SignalOutput output;
    std::atomic<bool> interrupt = false;

    void run(const QString &line)
    {
        if (!m_client) {
            m_client = std::make_unique<Api::ApiClient>(m_address);
            m_shell = std::make_unique<Shell::Interpreter>(*m_client, output);
            if (m_shell->connect() != Shell::ExitCode::Success) {
                m_shell.reset();
                m_client.reset();
                Q_EMIT finished();
                return;
            }
        }
        interrupt = false;
        m_shell->runLine(line, &interrupt);
        Q_EMIT finished();
    }

Q_SIGNALS:
    void finished();

private:
    Api::ServerAddress m_address;
    std::unique_ptr<Api::ApiClient> m_client;
    std::unique_ptr<Shell::Interpreter> m_shell;
};

CommandPromptPage::CommandPromptPage(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_output(new QPlainTextEdit(this))
    , m_input(new QLineEdit(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_worker(new PromptWorker(session.address()))
{
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setReadOnly(true);
    m_output->setFont(fixed);
    m_output->setMaximumBlockCount(20000);
    m_output->appendPlainText(tr("Mailkeep Management Shell - type help for the commands; "
                                 "Up and Down recall earlier commands."));
    m_input->setFont(fixed);
    m_input->setPlaceholderText(tr("Command, e.g. GetStores --includeSize=true"));
    m_input->installEventFilter(this);
    m_stop->setEnabled(false);

    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &CommandPromptPage::commandRequested, m_worker, &PromptWorker::run);
    connect(&m_worker->output, &SignalOutput::line, this, &CommandPromptPage::append);
    connect(&m_worker->output, &SignalOutput::cleared, m_output, &QPlainTextEdit::clear);
    connect(m_worker, &PromptWorker::finished, this, [this]() { setRunning(false); });
    connect(m_stop, &QPushButton::clicked, this, [this]() { m_worker->interrupt = true; });
    connect(m_input, &QLineEdit::returnPressed, this, [this]() {
        const QString line = m_input->text();
        m_input->clear();
        runCommand(line);
    });
    m_thread.start();

    auto *row = new QHBoxLayout;
    row->addWidget(m_input, 1);
    row->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_output, 1);
    layout->addLayout(row);
}

CommandPromptPage::~CommandPromptPage()
{
    m_worker->interrupt = true;
    m_thread.quit();
    m_thread.wait();
}

void CommandPromptPage::runCommand(const QString &line)
{
    if (line.trimmed().isEmpty() || !m_input->isEnabled())
        return;
    m_history.removeAll(line);
    m_history.append(line);
    m_historyAt = m_history.size();
    append(u"> "_s + line, false);
    setRunning(true);
    Q_EMIT commandRequested(line);
}

void CommandPromptPage::append(const QString &text, bool isError)
{
    if (isError)
        m_output->appendHtml(u"<span style='color:#b00020'>%1</span>"_s.arg(
            text.toHtmlEscaped().replace(u'\n', u"<br>"_s)));
    else
        m_output->appendPlainText(text);
    m_output->verticalScrollBar()->setValue(m_output->verticalScrollBar()->maximum());
}

void CommandPromptPage::setRunning(bool running)
{
    m_input->setEnabled(!running);
    m_stop->setEnabled(running);
    if (!running)
        m_input->setFocus();
}

bool CommandPromptPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Up || key == Qt::Key_Down) && !m_history.isEmpty()) {
            m_historyAt = std::clamp<qsizetype>(m_historyAt + (key == Qt::Key_Up ? -1 : 1), 0,
                                                m_history.size());
            m_input->setText(m_historyAt < m_history.size() ? m_history.at(m_historyAt)
                                                            : QString());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Mailkeep::ClientWidgets

#include "CommandPromptPage.moc"
