#pragma once

#include "core/ConsoleSession.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;
class QTabWidget;

namespace Mailkeep::ClientWidgets {

class ArchiveBrowserPage;
class CommandPromptPage;
class CredentialsPage;
class DashboardPage;
class ProfileConversionPage;
class SearchPage;

// The console's window: the page list on the left, the pages, a banner while the server is
// out of reach. It only wires the pages together; each page does its own work.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    enum Page
    {
        Dashboard,
        MyArchive,
        SearchEmail,
        ArchiveEmail,
        ExportEmail,
        AdministrativeTools,
        CommandPrompt,
    };
    explicit MainWindow(std::unique_ptr<ClientCore::ConsoleSession> session,
                        QWidget *parent = nullptr);
    ~MainWindow() override;
    void showPage(Page page);
    // Administrative Tools, on the Microsoft 365 Profile Conversion Tool.
    void showConversionTool();
    ArchiveBrowserPage *archivePage() const { return m_archive; }
    SearchPage *searchPage() const { return m_search; }
    DashboardPage *dashboardPage() const { return m_dashboard; }
    CommandPromptPage *promptPage() const { return m_prompt; }
    ProfileConversionPage *conversionPage() const { return m_conversion; } // administrators
    CredentialsPage *credentialsPage() const { return m_credentials; }     // administrators

Q_SIGNALS:
    void languageChangeRequested(const QString &language);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void addPage(Page page, const QString &title, const QString &icon, QWidget *widget);
    void buildMenus();
    void askPassword();

    std::unique_ptr<ClientCore::ConsoleSession> m_session;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    QLabel *m_banner;
    DashboardPage *m_dashboard = nullptr;
    ArchiveBrowserPage *m_archive = nullptr;
    SearchPage *m_search = nullptr;
    CommandPromptPage *m_prompt = nullptr;
    QTabWidget *m_tools = nullptr;
    ProfileConversionPage *m_conversion = nullptr;
    CredentialsPage *m_credentials = nullptr;
    QHash<int, int> m_pageRows; // Page -> row of the navigation
    bool m_askingPassword = false;
};

} // namespace Mailkeep::ClientWidgets
