// The Microsoft 365 Profile Conversion Tool in the console, against the real server and the
// fake Microsoft 365: the categories, a failed test with its fix, a refused and then a
// confirmed conversion, and the pre-flight report.
#include "Microsoft365ConsoleFixture.h"
#include "widgets/DashboardPage.h"
#include "widgets/MainWindow.h"
#include "widgets/ProfileConversionPage.h"

#include <QApplication>
#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class ConversionPageTest : public Microsoft365ConsoleFixture
{
protected:
    // Clicks the page's button with this text, which must be enabled.
    static void click(ClientWidgets::ProfileConversionPage &page, const QString &text)
    {
        for (QPushButton *button : page.findChildren<QPushButton *>()) {
            if (button->text() == text) {
                ASSERT_TRUE(button->isEnabled()) << text.toStdString();
                button->click();
                return;
            }
        }
        FAIL() << "no button " << text.toStdString();
    }
};

} // namespace

TEST_F(ConversionPageTest, ListsTestsAndConvertsWithConfirmation)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({})).ok());
    const qint64 ews = createProfile(u"Ada over EWS"_s, u"microsoft365EwsMailbox"_s);
    createProfile(u"Ada's public folders"_s, u"microsoft365EwsPublicFolders"_s);
    createProfile(u"Ada over Graph"_s, u"microsoft365Mailbox"_s);

    auto session = adminSession();
    ClientWidgets::ProfileConversionPage page(*session);
    page.resize(1100, 700);
    page.show();
    page.refresh();
    QTreeWidget *list = page.profiles();
    ASSERT_TRUE(waitFor([&]() { return list->topLevelItemCount() == 3; }));
    EXPECT_EQ(row(list, u"Ada over EWS"_s)->text(4), u"Converted automatically"_s);
    EXPECT_EQ(row(list, u"Ada over EWS"_s)->text(5), u"Microsoft 365 mailbox"_s);
    EXPECT_EQ(row(list, u"Ada's public folders"_s)->text(4), u"Stops working"_s);
    EXPECT_EQ(row(list, u"Ada over Graph"_s)->text(4), u"Not needed"_s);
    const QString days = QString::number(QDate::currentDate().daysTo(QDate(2027, 4, 1)));
    EXPECT_TRUE(page.summary().contains(u"in %1 day"_s.arg(days))) << page.summary().toStdString();
    EXPECT_TRUE(page.summary().contains(u"1 profile still uses EWS"_s) ||
                page.summary().contains(u"1 profile(s) still use EWS"_s))
        << page.summary().toStdString();

    // Only what the tool converts can be tested.
    list->setCurrentItem(row(list, u"Ada's public folders"_s));
    for (QPushButton *button : page.findChildren<QPushButton *>()) {
        if (button->text() != u"Refresh"_s) {
            EXPECT_FALSE(button->isEnabled()) << button->text().toStdString();
        }
    }
    list->setCurrentItem(row(list, u"Ada over EWS"_s));

    // Without Mail.ReadWrite: the failed check says what to grant, and nothing is saved.
    click(page, u"Test conversion"_s);
    ASSERT_TRUE(waitFor([&]() { return !page.outcome().isEmpty(); }));
    EXPECT_TRUE(page.outcome().contains(u"Nothing was saved"_s)) << page.outcome().toStdString();
    QTreeWidgetItem *permission = check(page.details(), u"permission Mail.ReadWrite"_s);
    ASSERT_NE(permission, nullptr);
    EXPECT_EQ(permission->text(1), u"Failed"_s);
    EXPECT_TRUE(permission->text(3).contains(u"admin consent"_s))
        << permission->text(3).toStdString();
    ASSERT_NE(check(page.details(), u"sign-in"_s), nullptr);
    EXPECT_EQ(check(page.details(), u"sign-in"_s)->text(1), u"Passed"_s);

    // Convert runs the test first and, failing, asks nothing and changes nothing.
    int questions = 0;
    QTimer answer;
    answer.setInterval(50);
    QObject::connect(&answer, &QTimer::timeout, [&]() {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            ++questions;
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer.start();
    click(page, u"Convert…"_s);
    ASSERT_TRUE(waitFor([&]() { return page.outcome().contains(u"was not converted"_s); }));
    EXPECT_EQ(questions, 0);
    EXPECT_EQ(typeOf(ews), u"microsoft365EwsMailbox"_s);

    // With the permission granted: every check passes, the question comes, Yes converts.
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    click(page, u"Convert…"_s);
    ASSERT_TRUE(waitFor([&]() { return page.outcome().contains(u"now uses"_s); }))
        << page.outcome().toStdString();
    EXPECT_EQ(questions, 1);
    EXPECT_EQ(typeOf(ews), u"microsoft365Mailbox"_s);
    EXPECT_EQ(check(page.details(), u"permission Mail.ReadWrite"_s)->text(1), u"Passed"_s);
    // The list follows: the profile needs nothing more.
    ASSERT_TRUE(waitFor([&]() {
        QTreeWidgetItem *converted = row(list, u"Ada over EWS"_s);
        return converted && converted->text(4) == u"Not needed"_s;
    }));
}

TEST_F(ConversionPageTest, ThePreflightShowsBothSidesAndWhatGraphMisses)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    createProfile(u"Ada over EWS"_s, u"microsoft365EwsMailbox"_s);
    auto session = adminSession();
    ClientWidgets::ProfileConversionPage page(*session);
    page.show();
    page.refresh();
    ASSERT_TRUE(waitFor([&]() { return page.profiles()->topLevelItemCount() == 1; }));
    page.profiles()->setCurrentItem(page.profiles()->topLevelItem(0));
    click(page, u"Pre-flight report"_s);
    ASSERT_TRUE(waitFor([&]() { return !page.outcome().isEmpty(); }));
    EXPECT_TRUE(page.outcome().contains(u"1 folder"_s)) << page.outcome().toStdString();
    QTreeWidgetItem *mailbox = row(page.details(), kAda);
    ASSERT_NE(mailbox, nullptr);
    QHash<QString, QStringList> folders;
    for (int i = 0; i < mailbox->childCount(); ++i)
        folders.insert(
            mailbox->child(i)->text(0),
            {mailbox->child(i)->text(1), mailbox->child(i)->text(2), mailbox->child(i)->text(3)});
    EXPECT_EQ(folders.value(u"Inbox"_s).mid(0, 2), (QStringList{u"4"_s, u"4"_s}));
    EXPECT_EQ(folders.value(u"Inbox/Projects"_s).mid(0, 2), (QStringList{u"2"_s, u"2"_s}));
    // Columns: items via EWS, items via Graph, note.
    EXPECT_EQ(folders.value(u"Legacy"_s).value(0), u"1"_s);
    EXPECT_EQ(folders.value(u"Legacy"_s).value(1), u"not seen"_s);
    EXPECT_TRUE(folders.value(u"Legacy"_s).value(2).contains(u"does not reach"_s));
    EXPECT_TRUE(folders.value(u"Inbox"_s).value(2).isEmpty());
}

TEST_F(ConversionPageTest, TheDashboardWarningOpensTheTool)
{
    createProfile(u"Ada over EWS"_s, u"microsoft365EwsMailbox"_s);
    ClientWidgets::MainWindow window(adminSession());
    window.show();
    QPushButton *open = nullptr;
    ASSERT_TRUE(waitFor([&]() {
        open = window.dashboardPage()->findChild<QPushButton *>(u"warningAction"_s);
        return open != nullptr;
    }));
    open->click();
    ASSERT_NE(window.conversionPage(), nullptr);
    EXPECT_TRUE(window.conversionPage()->isVisible());
    ASSERT_TRUE(
        waitFor([&]() { return window.conversionPage()->profiles()->topLevelItemCount() == 1; }));
}
