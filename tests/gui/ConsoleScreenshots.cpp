// Renders the console's main pages to PNG files (MAILKEEP_SCREENSHOT_DIR, else
// <build>/screenshots) to be looked at: sign-in, dashboard with data, the archive browser
// with a message, search results, the command prompt, and the German dashboard and browser.
#include "ConsoleFixture.h"
#include "core/MessageTableModel.h"
#include "widgets/ArchiveBrowserPage.h"
#include "widgets/CommandPromptPage.h"
#include "widgets/DashboardPage.h"
#include "widgets/MainWindow.h"
#include "widgets/MessagePreview.h"
#include "widgets/SearchPage.h"
#include "widgets/SignInDialog.h"

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLocale>
#include <QPlainTextEdit>
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
