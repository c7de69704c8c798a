// The console against a real server: its models under QAbstractItemModelTester, signing in
// with trust on first use, and the main window's pages (browse, preview, search, prompt).
#include "ConsoleFixture.h"
#include "TcpRelay.h"
#include "core/ConsoleSettings.h"
#include "core/FolderTreeModel.h"
#include "core/MessageTableModel.h"
#include "core/credentials/CredentialService.h"
#include "crypto/CertificateFactory.h"
#include "widgets/ArchiveBrowserPage.h"
#include "widgets/CommandPromptPage.h"
#include "widgets/DashboardPage.h"
#include "widgets/FolderPickerDialog.h"
#include "widgets/ListPages.h"
#include "widgets/LongCall.h"
#include "widgets/MainWindow.h"
#include "widgets/MessageBrowser.h"
#include "widgets/MessageExport.h"
#include "widgets/MessagePreview.h"
#include "widgets/SearchPage.h"
#include "widgets/SignInDialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QTranslator>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

int g_modelWarnings = 0;

// The model tester reports through qWarning; count what it says.
void countTesterWarnings(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type >= QtWarningMsg && message.contains(u"FAIL"_s))
        ++g_modelWarnings;
}

class ConsoleTest : public ConsoleFixture
{};

// Clicks `button` of the first visible message box, whichever it is, once it shows up.
void answerMessageBox(const QString &buttonText, QString *seenText)
{
    auto *timer = new QTimer;
    QObject::connect(timer, &QTimer::timeout, [timer, buttonText, seenText]() {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *box = qobject_cast<QMessageBox *>(widget);
            if (!box || !box->isVisible())
                continue;
            if (seenText)
                *seenText = box->text();
            for (QAbstractButton *button : box->buttons()) {
                if (buttonText.isEmpty() || button->text() == buttonText) {
                    button->click();
                    timer->deleteLater();
                    return;
                }
            }
        }
    });
    timer->start(50);
}

} // namespace

TEST_F(ConsoleTest, ModelsPassTheModelTester)
{
    std::unique_ptr<ClientCore::ConsoleSession> session = aliceSession();
    ASSERT_TRUE(session->signedIn());
    EXPECT_FALSE(session->isAdmin());
    const QtMessageHandler previous = qInstallMessageHandler(countTesterWarnings);

    ClientCore::FolderTreeModel folders(*session);
    QAbstractItemModelTester folderTester(&folders,
                                          QAbstractItemModelTester::FailureReportingMode::Warning);
    folders.fetchMore({});
    ASSERT_TRUE(waitFor([&]() { return folders.rowCount() == 1; }));
    const QModelIndex alice = folders.index(0, 0);
    EXPECT_EQ(alice.data(ClientCore::FolderTreeModel::PathRole).toString(), u"alice"_s);
    folders.fetchMore(alice); // the tester may have asked already: then this does nothing
    ASSERT_TRUE(waitFor([&]() { return folders.rowCount(alice) == 1; }));
    const QModelIndex oldPc = folders.index(0, 0, alice);
    EXPECT_EQ(oldPc.data().toString(), u"Old PC"_s);
    folders.fetchMore(oldPc);
    ASSERT_TRUE(waitFor([&]() { return folders.rowCount(oldPc) == 1; }));
    EXPECT_FALSE(folders.canFetchMore(oldPc));
    EXPECT_EQ(folders.index(0, 0, oldPc).data(ClientCore::FolderTreeModel::PathRole).toString(),
              u"alice/Old PC/Projects"_s);

    ClientCore::MessageTableModel messages(*session);
    QAbstractItemModelTester messageTester(&messages,
                                           QAbstractItemModelTester::FailureReportingMode::Warning);
    messages.showFolder(u"alice/Old PC"_s);
    ASSERT_TRUE(waitFor([&]() { return messages.total() >= 0; }));
    EXPECT_EQ(messages.rowCount(), 4) << "the folder's own messages, not its sub-folder's";
    EXPECT_FALSE(messages.canFetchMore({}));
    messages.sort(ClientCore::MessageTableModel::SubjectColumn, Qt::AscendingOrder);
    ASSERT_TRUE(waitFor([&]() { return messages.total() >= 0 && messages.rowCount() == 4; }));
    QStringList subjects;
    for (int row = 0; row < messages.rowCount(); ++row)
        subjects
            << messages.index(row, ClientCore::MessageTableModel::SubjectColumn).data().toString();
    QStringList sorted = subjects;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    EXPECT_EQ(subjects, sorted) << "sorted by the server";

    messages.showSearch(QString());
    ASSERT_TRUE(waitFor([&]() { return messages.total() >= 0; }));
    EXPECT_EQ(messages.total(), 5);
    EXPECT_EQ(messages.rowCount(), 5);

    qInstallMessageHandler(previous);
    EXPECT_EQ(g_modelWarnings, 0) << "QAbstractItemModelTester found faults";
}

TEST_F(ConsoleTest, MessageTablePagesThroughALargeFolder)
{
    // More than a page: the view asks for more as it scrolls.
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    QTemporaryDir many;
    QFile mbox(many.filePath(u"Bulk.mbox"_s));
    ASSERT_TRUE(mbox.open(QIODevice::WriteOnly));
    const int count = ClientCore::MessageTableModel::kPageSize + 50;
    for (int i = 0; i < count; ++i)
        mbox.write(QStringLiteral("From a@example.org Mon Jan  1 00:00:00 2026\nFrom: "
                                  "a@example.org\nSubject: bulk %1\nMessage-ID: <bulk%1@x>\nDate: "
                                  "Mon, 1 Jan 2026 10:%2:00 +0000\n\nbody %1\n\n")
                       .arg(i)
                       .arg(i % 60, 2, 10, QChar(u'0'))
                       .toUtf8());
    mbox.close();
    ASSERT_EQ(status(call(admin, u"ImportEmailFiles"_s,
                          {{u"userName"_s, u"alice"_s},
                           {u"path"_s, mbox.fileName()},
                           {u"targetFolder"_s, u"Bulk"_s}})),

              u"succeeded"_s);
    std::unique_ptr<ClientCore::ConsoleSession> session = aliceSession();
    ClientCore::MessageTableModel messages(*session);
    QAbstractItemModelTester tester(&messages,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    messages.showFolder(u"alice/Bulk"_s);
    ASSERT_TRUE(waitFor([&]() { return messages.rowCount() > 0 && !messages.isLoading(); }));
    EXPECT_EQ(messages.rowCount(), ClientCore::MessageTableModel::kPageSize);
    EXPECT_TRUE(messages.canFetchMore({}));
    messages.fetchMore({});
    ASSERT_TRUE(waitFor([&]() { return messages.rowCount() == count; }));
    EXPECT_FALSE(messages.canFetchMore({}));
    QSet<QString> ids;
    for (int row = 0; row < messages.rowCount(); ++row)
        ids.insert(messages.index(row, 0).data(ClientCore::MessageTableModel::IdRole).toString());
    EXPECT_EQ(ids.size(), count) << "no message twice across pages";
}

TEST_F(ConsoleTest, SignInTrustsACertificateOnlyWhenAccepted)
{
    ClientWidgets::SignInDialog dialog;
    dialog.fill(u"127.0.0.1:%1"_s.arg(m_port), u"alice"_s, kAlicePassword);
    dialog.show();
    QString question;
    answerMessageBox(u"Trust"_s, &question);
    auto *signIn = dialog.findChild<QPushButton *>();
    for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
        if (button->text() == u"Sign in"_s)
            signIn = button;
    }
    ASSERT_NE(signIn, nullptr);
    signIn->click();
    ASSERT_TRUE(waitFor([&]() { return dialog.result() == QDialog::Accepted; }));
    EXPECT_TRUE(question.contains(m_fingerprint)) << question.toStdString();
    EXPECT_EQ(ClientCore::ConsoleSettings::trustedFingerprint(u"127.0.0.1"_s, m_port),
              m_fingerprint);
    std::unique_ptr<ClientCore::ConsoleSession> session = dialog.takeSession();
    ASSERT_TRUE(session && session->signedIn());
    EXPECT_EQ(ClientCore::ConsoleSettings::recentServers().value(0), u"127.0.0.1:%1"_s.arg(m_port));

    // A certificate other than the trusted one is refused, whatever the user clicks.
    // Another fingerprint for sure: its first digit changed.
    QString other = m_fingerprint;
    other[0] = other.at(0) == u'0' ? u'1' : u'0';
    ClientCore::ConsoleSettings::trustFingerprint(u"127.0.0.1"_s, m_port, other);

    ClientWidgets::SignInDialog second;
    second.fill(u"127.0.0.1:%1"_s.arg(m_port), u"alice"_s, kAlicePassword);
    second.show();
    QString warning;
    answerMessageBox(QString(), &warning);
    for (QPushButton *button : second.findChildren<QPushButton *>()) {
        if (button->text() == u"Sign in"_s)
            button->click();
    }
    ASSERT_TRUE(waitFor([&]() { return !warning.isEmpty(); }));
    EXPECT_TRUE(warning.contains(u"not the one trusted before"_s)) << warning.toStdString();
    EXPECT_NE(second.result(), QDialog::Accepted);
}

TEST_F(ConsoleTest, MainWindowBrowsesSearchesAndRunsCommands)
{
    ClientWidgets::MainWindow window(aliceSession());
    window.show();
    ClientWidgets::ArchiveBrowserPage *archive = window.archivePage();
    window.showPage(ClientWidgets::MainWindow::MyArchive);
    QTreeView *tree = archive->folders();
    // The only archive opens by itself; then open Old PC.
    ASSERT_TRUE(
        waitFor([&]() { return tree->model()->rowCount(tree->model()->index(0, 0)) == 1; }));
    const QModelIndex oldPc = tree->model()->index(0, 0, tree->model()->index(0, 0));
    tree->setCurrentIndex(oldPc);
    QTableView *list = archive->messages();
    ASSERT_TRUE(waitFor([&]() { return list->model()->rowCount() == 4; }));
    list->setCurrentIndex(list->model()->index(0, 0));
    auto *preview = archive->findChild<ClientWidgets::MessagePreview *>();
    ASSERT_NE(preview, nullptr);
    ASSERT_TRUE(waitFor([&]() { return !preview->raw().isEmpty(); }));
    EXPECT_TRUE(preview->raw().contains("Subject:")) << "the archived bytes, as archived";
    // Attachments saved as they were sent.
    list->setCurrentIndex(list->model()->index(1, 0)); // "Attachments", newest but one
    ASSERT_TRUE(waitFor([&]() { return preview->attachmentList()->count() == 2; }));
    QTemporaryDir saved;
    ASSERT_TRUE(preview->saveAttachment(1, saved.filePath(u"table.csv"_s)));
    QFile table(saved.filePath(u"table.csv"_s));
    ASSERT_TRUE(table.open(QIODevice::ReadOnly));
    EXPECT_EQ(table.readAll(), QByteArray("name;value\nalpha;1\nbeta;2"));

    window.showPage(ClientWidgets::MainWindow::SearchEmail);
    window.searchPage()->search(QString());
    ASSERT_TRUE(waitFor([&]() { return window.searchPage()->resultModel()->total() == 5; }));

    window.showPage(ClientWidgets::MainWindow::CommandPrompt);
    window.promptPage()->runCommand(u"GetServerInfo"_s);
    QPlainTextEdit *transcript = window.promptPage()->transcript();
    ASSERT_TRUE(waitFor([&]() { return transcript->toPlainText().contains(u"\"version\""_s); }))
        << transcript->toPlainText().toStdString();
}

TEST_F(ConsoleTest, DeletingIsOfferedOnlyToThoseWhoMayDelete)
{
    const auto offersDelete = [](ClientWidgets::MainWindow &window) {
        const QList<QAction *> actions = window.archivePage()->findChildren<QAction *>();
        return std::any_of(actions.cbegin(), actions.cend(),
                           [](QAction *action) { return action->text() == u"Delete…"_s; });
    };
    ClientWidgets::MainWindow alice(aliceSession());
    EXPECT_FALSE(offersDelete(alice)) << "alice has no delete privilege";

    auto session = adminSession();
    ASSERT_TRUE(session->isAdmin());
    ClientWidgets::MainWindow administrator(std::move(session));
    EXPECT_TRUE(offersDelete(administrator));
}

TEST_F(ConsoleTest, MessagesMoveIntoAFolderPickedFromTheTree)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    ASSERT_EQ(status(call(admin, u"SetUserPrivileges"_s,
                          {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"login,delete"_s}})),
              u"succeeded"_s);
    ASSERT_EQ(status(call(admin, u"SetUserPrivilegesOnFolder"_s,
                          {{u"userName"_s, u"alice"_s},
                           {u"folder"_s, u"alice"_s},
                           {u"privileges"_s, u"read,write,delete"_s}})),
              u"succeeded"_s);
    ClientWidgets::MainWindow window(aliceSession());
    window.show();
    ClientWidgets::ArchiveBrowserPage *archive = window.archivePage();
    window.showPage(ClientWidgets::MainWindow::MyArchive);
    QTreeView *tree = archive->folders();
    ASSERT_TRUE(
        waitFor([&]() { return tree->model()->rowCount(tree->model()->index(0, 0)) == 1; }));
    tree->setCurrentIndex(tree->model()->index(0, 0, tree->model()->index(0, 0)));
    QTableView *list = archive->messages();
    ASSERT_TRUE(waitFor([&]() { return list->model()->rowCount() == 4; }));
    list->selectRow(0);
    const QString moved =
        list->model()->index(0, 0).data(ClientCore::MessageTableModel::IdRole).toString();

    // The picker opens Old PC, chooses Projects and confirms.
    bool picked = false;
    QTimer picker;
    QObject::connect(&picker, &QTimer::timeout, [&]() {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<ClientWidgets::FolderPickerDialog *>(widget);
            if (!dialog || !dialog->isVisible())
                continue;
            QAbstractItemModel *folders = dialog->tree()->model();
            const QModelIndex oldPc = folders->index(0, 0, folders->index(0, 0));
            if (!oldPc.isValid())
                return;
            dialog->tree()->expand(oldPc);
            const QModelIndex projects = folders->index(0, 0, oldPc);
            if (!projects.isValid())
                return;
            dialog->tree()->setCurrentIndex(projects);
            picked = dialog->selectedFolder() == u"alice/Old PC/Projects"_s;
            dialog->accept();
        }
    });
    picker.start(50);
    const QList<QAction *> actions = archive->findChildren<QAction *>();
    auto move = std::find_if(actions.cbegin(), actions.cend(),
                             [](QAction *action) { return action->text() == u"Move to…"_s; });
    ASSERT_NE(move, actions.cend()) << "alice may delete, so she may move";
    (*move)->trigger();
    EXPECT_TRUE(picked);
    ASSERT_TRUE(waitFor([&]() { return list->model()->rowCount() == 3; }));
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    QStringList ids;
    for (const QJsonValue &row :
         call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Old PC/Projects"_s}})[u"result"_s]
             .toArray())
        ids << row[u"id"_s].toString();
    EXPECT_TRUE(ids.contains(moved));
    EXPECT_EQ(ids.size(), 2);
}

TEST_F(ConsoleTest, AProfileRunsFromTheArchiveEmailPage)
{
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    const QJsonObject profile{{u"name"_s, u"Old PC again"_s},
                              {u"type"_s, u"emlFolder"_s},
                              {u"userName"_s, u"alice"_s},
                              {u"targetFolder"_s, u"Again"_s},
                              {u"path"_s, m_mail.path()}};
    const QJsonObject created =
        call(admin, u"CreateProfile"_s,
             {{u"properties"_s,
               QString::fromUtf8(QJsonDocument(profile).toJson(QJsonDocument::Compact))}});
    ASSERT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();

    auto session = adminSession();
    ClientWidgets::MainWindow window(std::move(session));
    window.show();
    window.showPage(ClientWidgets::MainWindow::ArchiveEmail);

    ClientWidgets::ServerListPage *page = nullptr;
    ASSERT_TRUE(waitFor([&]() {
        for (auto *candidate : window.findChildren<ClientWidgets::ServerListPage *>()) {
            if (candidate->list()->topLevelItemCount() == 1 &&
                candidate->list()->topLevelItem(0)->text(1) == u"Old PC again"_s)
                page = candidate;
        }
        return page != nullptr;
    }));
    EXPECT_EQ(page->list()->topLevelItem(0)->text(4), u"File"_s) << "the protocol column";
    QPushButton *run = nullptr;
    for (QPushButton *button : page->findChildren<QPushButton *>()) {
        if (button->text() == u"Run now"_s)
            run = button;
    }
    ASSERT_NE(run, nullptr);
    EXPECT_FALSE(run->isEnabled()) << "nothing selected yet";
    page->list()->setCurrentItem(page->list()->topLevelItem(0));
    ASSERT_TRUE(run->isEnabled());
    run->click();
    const auto outcomeShown = [&]() {
        for (QLabel *label : page->findChildren<QLabel *>()) {
            if (label->text() == u"Run now: done."_s && label->isVisible())
                return true;
        }
        return false;
    };
    ASSERT_TRUE(waitFor(outcomeShown));
    // The list reloads after the run; the outcome must outlast that reload.
    ASSERT_TRUE(waitFor([&]() {
        for (QLabel *label : page->findChildren<QLabel *>()) {
            if (label->text() == u"Loading…"_s)
                return false;
        }
        return page->list()->topLevelItemCount() == 1;
    }));
    EXPECT_TRUE(outcomeShown());

    const QJsonArray results =
        call(admin, u"GetWorkerResults"_s,
             {{u"fromIncluding"_s, u"2000-01-01T00:00:00"_s},
              {u"toExcluding"_s, u"2100-01-01T00:00:00"_s},
              {u"timeZoneID"_s, u"UTC"_s},
              {u"profileID"_s,
               QString::number(created[u"result"_s][u"id"_s].toInteger())}})[u"result"_s]
            .toArray();
    ASSERT_EQ(results.size(), 1);
    EXPECT_EQ(results.at(0)[u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(results.at(0)[u"itemsArchived"_s].toInt(), 5);
}

TEST_F(ConsoleTest, TheDashboardNamesProfilesThatStillUseEws)
{
    createMicrosoft365Profiles({u"microsoft365EwsMailbox"_s, u"microsoft365EwsMailbox"_s,
                                u"microsoft365EwsPublicFolders"_s});
    auto session = adminSession();
    ClientWidgets::DashboardPage dashboard(*session);
    ASSERT_TRUE(waitFor([&]() { return !dashboard.warnings().filter(u"EWS"_s).isEmpty(); }));
    ASSERT_TRUE(waitFor([&]() { return dashboard.warnings().filter(u"EWS"_s).size() == 2; }))
        << dashboard.warnings().join(u'\n').toStdString();
    const QStringList lines = dashboard.warnings().filter(u"EWS"_s);
    const QString days = QString::number(QDate::currentDate().daysTo(QDate(2027, 4, 1)));
    EXPECT_TRUE(lines.filter(u"conversion tool"_s).value(0).startsWith(u"2 "_s))
        << lines.join(u'\n').toStdString();
    EXPECT_TRUE(lines.filter(u"conversion tool"_s).value(0).contains(days));
    EXPECT_TRUE(lines.filter(u"public folders"_s).value(0).startsWith(u"1 "_s));
}

TEST(MessageBrowserTest, ShowsHtmlWithoutScriptsOrOutsideResources)
{
    EXPECT_EQ(ClientWidgets::MessageBrowser::sanitised(
                  u"<p onclick=\"steal()\" class=x>Hi</p><SCRIPT type=x>alert(1)</script >"_s),
              u"<p class=x>Hi</p>"_s);

    QImage pixel(4, 4, QImage::Format_RGB32);
    pixel.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    pixel.save(&buffer, "PNG");
    Mime::ParsedMessage message;
    message.html =
        u"<p>Logo <img src=\"cid:logo@x\"> and <img src=\"https://tracker.example/p.gif\">"
        "<img src=\"file:///etc/hostname\"></p><script>alert('x')</script>"_s;
    Mime::AttachmentInfo logo;
    logo.contentId = u"logo@x"_s;
    logo.content = png;
    message.attachments << logo;

    // The resource hook is what QTextDocument asks for every image.
    ClientWidgets::MessageBrowser browser;
    browser.showMessage(message);
    EXPECT_TRUE(browser.toPlainText().contains(u"Logo"_s));
    EXPECT_FALSE(browser.toPlainText().contains(u"alert"_s));
    EXPECT_FALSE(browser.loadResource(QTextDocument::ImageResource, QUrl(u"cid:logo@x"_s))
                     .value<QImage>()
                     .isNull());
    EXPECT_FALSE(
        browser.loadResource(QTextDocument::ImageResource, QUrl(u"https://tracker.example/p.gif"_s))
            .isValid());
    EXPECT_FALSE(browser.loadResource(QTextDocument::ImageResource, QUrl(u"file:///etc/hostname"_s))
                     .isValid());
}

TEST_F(ConsoleTest, ALostConnectionShowsABannerAndComesBack)
{
    TcpRelay relay(m_port);
    ASSERT_TRUE(relay.start());
    Api::ServerAddress address = aliceAddress();
    address.port = relay.port();
    auto session = std::make_unique<ClientCore::ConsoleSession>(address);
    bool signedIn = false;
    QObject context;
    session->signIn(&context, [&](const Api::CallResult &) { signedIn = true; });
    ASSERT_TRUE(waitFor([&]() { return signedIn; }));
    ClientCore::ConsoleSession *observed = session.get();
    ClientWidgets::MainWindow window(std::move(session));
    window.show();
    auto *banner = window.findChild<QLabel *>(u"connectionBanner"_s);
    ASSERT_NE(banner, nullptr);
    waitFor([]() { return false; }, 500); // the pages' first calls
    EXPECT_FALSE(banner->isVisible());

    relay.cut();
    window.dashboardPage()->refresh(); // any call finds the server gone
    ASSERT_TRUE(waitFor([&]() { return observed->connectionLost(); }));
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(u"lost"_s)) << banner->text().toStdString();

    ASSERT_TRUE(relay.restore());
    // The session tries again by itself every few seconds.
    ASSERT_TRUE(waitFor([&]() { return !observed->connectionLost(); }, 15000));
    EXPECT_FALSE(banner->isVisible());
}

TEST_F(ConsoleTest, AChangedPasswordIsAskedForAgainOnTheSamePage)
{
    ClientWidgets::MainWindow window(aliceSession());
    window.show();
    window.showPage(ClientWidgets::MainWindow::SearchEmail);
    waitFor([]() { return false; }, 500);
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    ASSERT_EQ(status(call(admin, u"SetUserPassword"_s,
                          {{u"userName"_s, u"alice"_s}, {u"password"_s, u"new-Pa55word"_s}})),
              u"succeeded"_s);
    // Answer the password question when it comes.
    bool asked = false;
    QTimer answer;
    QObject::connect(&answer, &QTimer::timeout, [&]() {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *dialog = qobject_cast<QInputDialog *>(widget);
            if (dialog && dialog->isVisible()) {
                asked = true;
                dialog->setTextValue(u"new-Pa55word"_s);
                dialog->accept();
            }
        }
    });
    answer.start(50);
    window.searchPage()->search(QString());
    ASSERT_TRUE(waitFor([&]() { return asked; }));
    // The page is still the search page, and searching works with the new password.
    window.searchPage()->search(QString());
    ASSERT_TRUE(waitFor([&]() { return window.searchPage()->resultModel()->total() == 5; }));
}

TEST_F(ConsoleTest, ALongCallShowsProgressAndCancelStopsTheServerTask)
{
    std::unique_ptr<ClientCore::ConsoleSession> session = aliceSession();
    QWidget parent;
    parent.show();
    bool finished = false;
    Api::StatusCode outcome = Api::StatusCode::Running;
    ClientWidgets::runLongCall(*session, &parent, u"Gate"_s, u"TestGate"_s, {},
                               [&](const Api::CallResult &result) {
                                   finished = true;
                                   outcome = result.envelope.statusCode;
                               });
    QProgressDialog *progress = nullptr;
    ASSERT_TRUE(waitFor([&]() {
        progress = parent.findChild<QProgressDialog *>(u"longCallProgress"_s);
        return progress && progress->labelText() == u"Waiting at the gate"_s;
    })) << "the server's status text is shown";
    EXPECT_EQ(progress->value(), 10);
    auto *cancel = progress->findChild<QPushButton *>();
    ASSERT_NE(cancel, nullptr);
    cancel->click(); // as the user does
    ASSERT_TRUE(waitFor([&]() { return finished; }));

    EXPECT_EQ(outcome, Api::StatusCode::Cancelled);
    EXPECT_TRUE(m_gateSawCancel) << "the server task was asked to stop";
}

TEST(ConsoleTranslationTest, EnglishHasItsPluralForms)
{
    QTranslator english;
    ASSERT_TRUE(english.load(u":/i18n/mailkeep_en.qm"_s));
    QApplication::installTranslator(&english);
    const char *context = "Mailkeep::ClientWidgets::SearchPage";
    EXPECT_EQ(QApplication::translate(context, "%n message(s) found", nullptr, 1),
              u"1 message found"_s);
    EXPECT_EQ(QApplication::translate(context, "%n message(s) found", nullptr, 3),
              u"3 messages found"_s);
    QApplication::removeTranslator(&english);
}

TEST_F(ConsoleTest, TheDashboardWarnsOfACredentialAboutToExpire)
{
    Core::CredentialSettings settings;
    settings.description = u"Contoso"_s;
    settings.tenantId = u"contoso.onmicrosoft.com"_s;
    settings.applicationId = u"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"_s;
    ASSERT_TRUE(m_microsoft365->credentials().create(u"Office365_Modern"_s, settings).ok());
    auto session = adminSession();
    ClientWidgets::DashboardPage fresh(*session);
    ASSERT_TRUE(waitFor([&]() { return !fresh.warnings().isEmpty(); }));
    EXPECT_TRUE(fresh.warnings().filter(u"Contoso"_s).isEmpty()) << "3750 days: no warning";

    // A certificate that ends in ten days, in place of the one the server made.
    Crypto::SelfSignedRequest request;
    request.commonName = u"expiring"_s;
    request.key = Crypto::SelfSignedRequest::Key::Rsa2048;
    request.validDays = 10;
    const Crypto::CertificateAndKey soon =
        Crypto::CertificateFactory::createSelfSigned(request).value();
    ASSERT_TRUE(connection()
                    .exec(u"UPDATE credentials SET certificate = $1"_s,
                          {QString::fromLatin1(soon.certificatePem)})
                    .ok());
    ClientWidgets::DashboardPage dashboard(*session);
    ASSERT_TRUE(waitFor([&]() { return !dashboard.warnings().filter(u"Contoso"_s).isEmpty(); }))
        << dashboard.warnings().join(u'\n').toStdString();
    const QString line = dashboard.warnings().filter(u"Contoso"_s).first();
    EXPECT_TRUE(line.contains(u"in 10 day"_s) || line.contains(u"in 9 day"_s))
        << line.toStdString();
    EXPECT_TRUE(line.contains(u"upload it to Entra ID"_s)) << line.toStdString();
}
