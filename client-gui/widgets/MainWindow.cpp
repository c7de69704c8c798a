#include "widgets/MainWindow.h"

#include "core/ConsoleSettings.h"
#include "widgets/ArchiveBrowserPage.h"
#include "widgets/CommandPromptPage.h"
#include "widgets/CredentialsPage.h"
#include "widgets/DashboardPage.h"
#include "widgets/ListPages.h"
#include "widgets/ProfileConversionPage.h"
#include "widgets/ProfileTypeNames.h"
#include "widgets/SearchPage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QHash>
#include <QInputDialog>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

MainWindow::MainWindow(std::unique_ptr<ClientCore::ConsoleSession> session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(std::move(session))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_banner(new QLabel(this))
{
    ClientCore::ConsoleSession &s = *m_session;
    setWindowTitle(tr("Mailkeep - %1 on %2").arg(s.userName(), s.address().host));
    setWindowIcon(QIcon(u":/icons/mailkeep.svg"_s));
    m_navigation->setIconSize(QSize(24, 24));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(210);
    m_navigation->setFrameShape(QFrame::NoFrame);
    // A light selection keeps the blue icons readable on the chosen page.
    m_navigation->setStyleSheet(
        u"QListWidget::item:selected { background: #d6e6f7; color: #10263d; }"_s);

    m_banner->setStyleSheet(u"background:#fff3cd;color:#664d03;padding:6px;"_s);
    m_banner->setWordWrap(true);
    m_banner->setObjectName(u"connectionBanner"_s);

    m_banner->hide();

    m_dashboard = new DashboardPage(s, this);
    m_archive = new ArchiveBrowserPage(s, this);
    m_search = new SearchPage(s, this);
    const auto profileColumns = QList<ServerListPage::Column>{
        {tr("ID"), u"id"_s},
        {tr("Name"), u"name"_s},
        {tr("User"), u"userName"_s},
        {tr("Type"), u"type"_s,
         [](const QJsonValue &type) { return profileTypeName(type.toString()); }},
        {tr("Protocol"), u"protocol"_s},
        {tr("Automatic"), u"serverSideExecution.automatic"_s},
        {tr("Last run ended"), u"lastRunEnded"_s}};
    auto *archiveEmail =
        new ServerListPage(s, tr("Archive Email"), u"GetProfiles"_s, {{u"raw"_s, u"true"_s}},
                           profileColumns, tr("There are no archiving profiles yet."), this);
    archiveEmail->setFilter([](const QJsonObject &profile) {
        return profile.value(u"kind"_s).toString(u"archive"_s) == u"archive"_s;
    });
    auto *exportEmail =
        new ServerListPage(s, tr("Export Email"), u"GetProfiles"_s, {{u"raw"_s, u"true"_s}},
                           profileColumns, tr("There are no export profiles yet."), this);
    exportEmail->setFilter([](const QJsonObject &profile) {
        return profile.value(u"kind"_s).toString() == u"export"_s;
    });
    for (ServerListPage *profiles : {archiveEmail, exportEmail})
        profiles->addRowAction(tr("Run now"), u"RunProfile"_s, u"id"_s, u"id"_s);
    addPage(Dashboard, tr("Dashboard"), u"dashboard"_s, m_dashboard);
    addPage(MyArchive, s.isAdmin() ? tr("Archives") : tr("My Archive"), u"archive"_s, m_archive);
    addPage(SearchEmail, tr("Search Email"), u"search"_s, m_search);
    addPage(ArchiveEmail, tr("Archive Email"), u"archive-email"_s, archiveEmail);
    addPage(ExportEmail, tr("Export Email"), u"export-email"_s, exportEmail);
    if (s.isAdmin()) {
        auto *stores = new ServerListPage(s, tr("Archive Stores"), u"GetStores"_s,
                                          {{u"includeSize"_s, u"false"_s}},
                                          {{tr("ID"), u"id"_s},
                                           {tr("Name"), u"name"_s},
                                           {tr("State"), u"status"_s},
                                           {tr("Messages"), u"messageCount"_s},
                                           {tr("Original bytes"), u"rawSize"_s},
                                           {tr("Stored bytes"), u"storedSize"_s}},
                                          tr("There are no archive stores."), this);
        stores->addLongAction(tr("Verify stores"), u"VerifyStores"_s,
                              {{u"includeIndexes"_s, u"true"_s}});
        stores->addLongAction(tr("Refresh statistics"), u"RefreshAllStoreStatistics"_s, {});
        m_conversion = new ProfileConversionPage(s, this);
        m_tools = new QTabWidget(this);
        m_tools->setDocumentMode(true);
        m_credentials = new CredentialsPage(s, this);
        m_tools->addTab(stores, tr("Archive Stores"));
        m_tools->addTab(m_credentials, tr("Microsoft 365 Credentials"));
        m_tools->addTab(m_conversion, tr("Microsoft 365 Profile Conversion"));
        addPage(AdministrativeTools, tr("Administrative Tools"), u"tools"_s, m_tools);
        stores->refresh();
        m_conversion->refresh();
        m_credentials->refresh();
        connect(m_dashboard, &DashboardPage::conversionToolRequested, this,
                &MainWindow::showConversionTool);
        connect(m_conversion, &ProfileConversionPage::profileConverted, this,
                [this, archiveEmail, exportEmail]() {
                    archiveEmail->refresh();
                    exportEmail->refresh();
                    m_dashboard->refresh();
                });
    }
    m_prompt = new CommandPromptPage(s, this);
    addPage(CommandPrompt, tr("Command Prompt"), u"prompt"_s, m_prompt);
    archiveEmail->refresh();
    exportEmail->refresh();

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    auto *right = new QVBoxLayout;
    right->addWidget(m_banner);
    right->addWidget(m_pages, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);
    statusBar()->showMessage(
        tr("Connected to %1 (%2)")
            .arg(s.address().host, s.serverInfo().value(u"version"_s).toString()));
    buildMenus();

    connect(&s, &ClientCore::ConsoleSession::connectionLostChanged, this,
            [this](bool lost, const QString &message) {
                m_banner->setText(tr("The connection to the server is lost (%1). Trying again "
                                     "every few seconds…")
                                      .arg(message));
                m_banner->setVisible(lost);
            });
    connect(&s, &ClientCore::ConsoleSession::passwordRejected, this, &MainWindow::askPassword);

    QSettings settings(u"Mailkeep"_s, u"mailkeep-console"_s);
    resize(1200, 800);
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    restoreState(settings.value(u"window/state"_s).toByteArray());
    showPage(Dashboard);
}

MainWindow::~MainWindow()
{
    // The pages go before the session they use: no answer arriving while the session shuts
    // down finds a page to call into.
    delete m_pages;
}

void MainWindow::addPage(Page page, const QString &title, const QString &icon, QWidget *widget)
{
    auto *item = new QListWidgetItem(QIcon(u":/icons/%1.svg"_s.arg(icon)), title, m_navigation);
    item->setSizeHint(QSize(0, 36));
    m_pageRows.insert(page, m_navigation->row(item));
    m_pages->addWidget(widget);
}

void MainWindow::showConversionTool()
{
    if (!m_tools)
        return;
    m_tools->setCurrentWidget(m_conversion);
    m_conversion->refresh();
    showPage(AdministrativeTools);
}

void MainWindow::showPage(Page page)
{
    if (m_pageRows.contains(page))
        m_navigation->setCurrentRow(m_pageRows.value(page));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int row = 0; row < m_navigation->count(); ++row) {
        QAction *action = go->addAction(m_navigation->item(row)->text(), this,
                                        [this, row]() { m_navigation->setCurrentRow(row); });
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + row)));
    }
    QMenu *language = menuBar()->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QString current = ClientCore::ConsoleSettings::language();
    const QList<std::pair<QString, QString>> languages{
        {QString(), tr("System language")}, {u"en"_s, u"English"_s}, {u"de"_s, u"Deutsch"_s}};
    for (const auto &[code, name] : languages) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setChecked(code == current);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, code]() {
            ClientCore::ConsoleSettings::setLanguage(code);
            QMessageBox::information(this, tr("Language"),
                                     tr("The language changes when the console is started again."));
        });
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Mailkeep"), this, [this]() {
        QMessageBox::about(this, tr("About Mailkeep"),
                           tr("<h3>Mailkeep %1</h3><p>Email archiving for Linux.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::askPassword()
{
    if (m_askingPassword)
        return;
    m_askingPassword = true;
    bool ok = false;
    const QString password = QInputDialog::getText(
        this, tr("Sign in again"),
        tr("The server no longer accepts the password of %1. Password:").arg(m_session->userName()),
        QLineEdit::Password, QString(), &ok);
    m_askingPassword = false;
    if (ok)
        m_session->setPassword(password);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings(u"Mailkeep"_s, u"mailkeep-console"_s);
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    event->accept();
}

} // namespace Mailkeep::ClientWidgets
