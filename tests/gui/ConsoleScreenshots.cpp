// Renders the console's main pages to PNG files (MAILKEEP_SCREENSHOT_DIR, else
// <build>/screenshots) to be looked at: sign-in, dashboard with data, the archive browser
// with a message, search results, the command prompt, the German dashboard and browser, and
// an administrator's dashboard with its warnings, and the Microsoft 365 Profile Conversion
// Tool with a failed test and a pre-flight report.
#include "ConsoleFixture.h"
#include "Microsoft365ConsoleFixture.h"
#include "core/MessageTableModel.h"
#include "core/credentials/CredentialService.h"
#include "widgets/ArchiveBrowserPage.h"
#include "widgets/CommandPromptPage.h"
#include "widgets/CredentialsPage.h"
#include "widgets/DashboardPage.h"
#include "widgets/MainWindow.h"
#include "widgets/MessagePreview.h"
#include "widgets/ProfileConversionPage.h"
#include "widgets/SearchPage.h"
#include "widgets/SignInDialog.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTableView>
#include <QTranslator>
#include <QTreeView>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QString screenshotFolder()
{
    QString folder = qEnvironmentVariable("MAILKEEP_SCREENSHOT_DIR");
    if (folder.isEmpty())
        folder = qEnvironmentVariable("MAILKEEP_BINARY_DIR") + u"/screenshots"_s;
    QDir().mkpath(folder);
    return folder;
}

// Saves the widget as it is drawn and checks that it is not one flat colour.
void shoot(QWidget *widget, const QString &name)
{
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    const QImage image = widget->grab().toImage();
    ASSERT_FALSE(image.isNull());
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    EXPECT_GT(colours.size(), 20) << name.toStdString() << " looks empty";
    const QString path = QDir(screenshotFolder()).filePath(name + u".png"_s);
    EXPECT_TRUE(image.save(path)) << path.toStdString();
}

class ConsoleScreenshots : public ConsoleFixture
{
protected:
    // The window with the archive open at Old PC and its first message shown.
    void openMessage(ClientWidgets::MainWindow &window)
    {
        window.showPage(ClientWidgets::MainWindow::MyArchive);
        QTreeView *tree = window.archivePage()->folders();
        ASSERT_TRUE(
            waitFor([&]() { return tree->model()->rowCount(tree->model()->index(0, 0)) == 1; }));
        tree->setCurrentIndex(tree->model()->index(0, 0, tree->model()->index(0, 0)));
        QTableView *list = window.archivePage()->messages();
        ASSERT_TRUE(waitFor([&]() { return list->model()->rowCount() == 4; }));
        list->setCurrentIndex(list->model()->index(1, 0));
        auto *preview = window.archivePage()->findChild<ClientWidgets::MessagePreview *>();
        ASSERT_TRUE(waitFor([&]() { return !preview->raw().isEmpty(); }));
    }
};

} // namespace

TEST_F(ConsoleScreenshots, MainPages)
{
    ClientWidgets::SignInDialog signIn;
    signIn.fill(u"archive.example.com"_s, u"alice"_s, QString());
    signIn.show();
    shoot(&signIn, u"sign-in"_s);

    ClientWidgets::MainWindow window(aliceSession());
    window.resize(1280, 800);
    window.show();
    waitFor([&]() { return false; }, 1500); // the dashboard's calls
    shoot(&window, u"dashboard"_s);

    openMessage(window);
    shoot(&window, u"archive-browser"_s);

    window.showPage(ClientWidgets::MainWindow::SearchEmail);
    window.searchPage()->search(u"attachment OR report OR message"_s);
    waitFor([&]() { return window.searchPage()->resultModel()->total() >= 0; });
    window.searchPage()->results()->setCurrentIndex(
        window.searchPage()->resultModel()->index(0, 0));
    waitFor([&]() { return false; }, 800);
    shoot(&window, u"search"_s);

    window.showPage(ClientWidgets::MainWindow::CommandPrompt);
    window.promptPage()->runCommand(u"GetCurrentUserInfo"_s);
    waitFor([&]() { return window.promptPage()->transcript()->toPlainText().contains(u"}"_s); });
    shoot(&window, u"command-prompt"_s);
}

TEST_F(ConsoleScreenshots, GermanPages)
{
    QTranslator german;
    ASSERT_TRUE(german.load(u":/i18n/mailkeep_de.qm"_s));
    QApplication::installTranslator(&german);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    {
        ClientWidgets::MainWindow window(aliceSession());
        window.resize(1280, 800);
        window.show();
        waitFor([&]() { return false; }, 1500);
        shoot(&window, u"dashboard-de"_s);
        openMessage(window);
        shoot(&window, u"archive-browser-de"_s);
    }
    QApplication::removeTranslator(&german);
    QLocale::setDefault(before);
}

TEST_F(ConsoleScreenshots, ArchiveEmailPage)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    for (const QString &name : {u"Old PC"_s, u"Old PC (mbox)"_s}) {
        const QJsonObject profile{{u"name"_s, name},
                                  {u"type"_s, u"emlFolder"_s},
                                  {u"userName"_s, u"alice"_s},
                                  {u"path"_s, m_mail.path()}};
        const QJsonObject created =
            call(admin, u"CreateProfile"_s,
                 {{u"properties"_s,
                   QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact))}});
        ASSERT_EQ(status(created), u"succeeded"_s);
        call(admin, u"RunProfile"_s,
             {{u"id"_s, QString::number(created[u"result"_s][u"id"_s].toInteger())}});
    }
    call(admin, u"SetProfileServerSideExecution"_s,
         {{u"id"_s, u"1"_s},
          {u"automatic"_s, u"true"_s},
          {u"automaticPauseBetweenExecutions"_s, u"86400"_s},
          {u"automaticMaintenanceWindows"_s, u"22:00-04:00"_s}});
    auto session = adminSession();
    ClientWidgets::MainWindow window(std::move(session));
    window.resize(1280, 800);
    window.show();
    window.showPage(ClientWidgets::MainWindow::ArchiveEmail);
    waitFor([&]() { return false; }, 1500);
    shoot(&window, u"archive-email"_s);
}

TEST_F(ConsoleScreenshots, AdministratorDashboardWithEwsProfiles)
{
    createMicrosoft365Profiles({u"microsoft365EwsMailbox"_s, u"microsoft365EwsArchiveMailbox"_s});
    ClientWidgets::MainWindow window(adminSession());
    window.resize(1280, 800);
    window.show();
    waitFor([&]() { return false; }, 1500);
    shoot(&window, u"dashboard-admin"_s);
}

class ConversionToolScreenshots : public Microsoft365ConsoleFixture
{};

TEST_F(ConversionToolScreenshots, TestAndPreflight)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    createProfile(u"Ada over EWS"_s, u"microsoft365EwsMailbox"_s);
    createProfile(u"Bob over EWS"_s, u"microsoft365EwsMailbox"_s, u"bob@contoso.example"_s);
    createProfile(u"Ada's archive mailbox"_s, u"microsoft365EwsArchiveMailbox"_s);
    createProfile(u"Ada over Graph"_s, u"microsoft365Mailbox"_s);
    ClientWidgets::MainWindow window(adminSession());
    window.resize(1280, 800);
    window.show();
    window.showConversionTool();
    ClientWidgets::ProfileConversionPage *page = window.conversionPage();
    ASSERT_TRUE(waitFor([&]() { return page->profiles()->topLevelItemCount() == 4; }));
    const auto select = [&](const QString &name) {
        page->profiles()->setCurrentItem(
            page->profiles()->findItems(name, Qt::MatchExactly).value(0));
    };
    // Bob has no mailbox in the tenant: the test says so, and how to fix it.
    select(u"Bob over EWS"_s);
    page->testSelected();
    ASSERT_TRUE(waitFor([&]() { return !page->outcome().isEmpty(); }));
    shoot(&window, u"conversion-tool"_s);
    const QString tested = page->outcome();
    select(u"Ada over EWS"_s);
    page->preflightSelected();
    ASSERT_TRUE(waitFor([&]() { return page->outcome() != tested; }));
    shoot(&window, u"conversion-preflight"_s);
}

TEST_F(ConversionToolScreenshots, Credentials)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    createProfile(u"Ada over Graph"_s, u"microsoft365Mailbox"_s);
    ClientWidgets::MainWindow window(adminSession());
    window.resize(1280, 800);
    window.show();
    window.showPage(ClientWidgets::MainWindow::AdministrativeTools);
    auto *tabs = window.credentialsPage()->parentWidget();
    while (tabs && !qobject_cast<QTabWidget *>(tabs))
        tabs = tabs->parentWidget();
    ASSERT_NE(tabs, nullptr);
    qobject_cast<QTabWidget *>(tabs)->setCurrentWidget(window.credentialsPage());
    ClientWidgets::CredentialsPage *page = window.credentialsPage();
    ASSERT_TRUE(waitFor([&]() { return page->list()->topLevelItemCount() == 1; }));
    page->list()->setCurrentItem(page->list()->topLevelItem(0));
    page->testSelected();
    ASSERT_TRUE(waitFor([&]() { return !page->outcome().isEmpty(); }));
    shoot(&window, u"credentials"_s);
}

TEST_F(ConversionToolScreenshots, German)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    createProfile(u"Ada über EWS"_s, u"microsoft365EwsMailbox"_s);
    createProfile(u"Adas öffentliche Ordner"_s, u"microsoft365EwsPublicFolders"_s);
    QTranslator german;
    ASSERT_TRUE(german.load(u":/i18n/mailkeep_de.qm"_s));
    QApplication::installTranslator(&german);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    {
        ClientWidgets::MainWindow window(adminSession());
        window.resize(1280, 800);
        window.show();
        window.showConversionTool();
        ClientWidgets::ProfileConversionPage *page = window.conversionPage();
        ASSERT_TRUE(waitFor([&]() { return page->profiles()->topLevelItemCount() == 2; }));
        page->profiles()->setCurrentItem(
            page->profiles()->findItems(u"Ada über EWS"_s, Qt::MatchExactly).value(0));
        page->testSelected();
        ASSERT_TRUE(waitFor([&]() { return !page->outcome().isEmpty(); }));
        EXPECT_TRUE(page->outcome().contains(u"Jede Prüfung ist bestanden"_s))
            << page->outcome().toStdString();
        shoot(&window, u"conversion-tool-de"_s);
    }
    QApplication::removeTranslator(&german);
    QLocale::setDefault(before);
}
