// The console's Microsoft 365 credentials, against the real server and the fake Microsoft 365:
// the list with thumbprint and expiry, a new credential, the certificate saved in both forms,
// the sign-in test naming what is missing, a new certificate, and deletion.
#include "widgets/CredentialsPage.h"

#include "Microsoft365ConsoleFixture.h"

#include <QApplication>
#include <QDate>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeWidget>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class CredentialsPageTest : public Microsoft365ConsoleFixture
{
protected:
    QJsonObject credential(qint64 id)
    {
        return call(*m_admin, u"GetCredential"_s, {{u"id"_s, QString::number(id)}})[u"result"_s]
            .toObject();
    }
    // Answers every question box with Yes while it runs.
    void sayYes()
    {
        m_yes.setInterval(50);
        QObject::connect(&m_yes, &QTimer::timeout, [this]() {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                ++m_questions;
                box->button(QMessageBox::Yes)->click();
            }
        });
        m_yes.start();
    }
    QTimer m_yes;
    int m_questions = 0;
};

} // namespace

TEST_F(CredentialsPageTest, ListsCreatesSavesTestsRenewsAndDeletes)
{
    // The application knows the certificate and has Mail.ReadWrite, not Directory.Read.All.
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    auto session = adminSession();
    ClientWidgets::CredentialsPage page(*session);
    page.show();
    page.refresh();
    QTreeWidget *list = page.list();
    ASSERT_TRUE(waitFor([&]() { return list->topLevelItemCount() == 1; }));
    const QJsonObject contoso = credential(m_credentialId);
    QTreeWidgetItem *row = list->topLevelItem(0);
    EXPECT_EQ(row->text(0), u"Contoso"_s);
    EXPECT_EQ(row->text(2), kTenant);
    EXPECT_EQ(row->text(4), contoso[u"certificate"_s][u"thumbprint"_s].toString());
    EXPECT_EQ(row->text(5),
              QLocale().toString(QDate::currentDate().addDays(3750), QLocale::ShortFormat))
        << "valid 3750 days";
    EXPECT_TRUE(row->icon(5).isNull()) << "no expiry warning for a new certificate";

    // A new one, through the dialog's path.
    page.create({u"Fabrikam"_s, u"fabrikam.onmicrosoft.com"_s, kApp, u"china"_s});
    ASSERT_TRUE(waitFor([&]() { return list->topLevelItemCount() == 2; }));
    EXPECT_TRUE(page.outcome().contains(u"Fabrikam"_s)) << page.outcome().toStdString();
    QTreeWidgetItem *fabrikam = list->findItems(u"Fabrikam"_s, Qt::MatchExactly).value(0);
    ASSERT_NE(fabrikam, nullptr);
    EXPECT_EQ(fabrikam->text(1), u"21Vianet"_s);

    // The certificate as DER (.cer) and PEM, the bytes the server gives.
    list->setCurrentItem(list->findItems(u"Contoso"_s, Qt::MatchExactly).value(0));
    QTemporaryDir folder;
    const QString cer = folder.filePath(u"contoso.cer"_s);
    page.saveCertificate(cer);
    ASSERT_TRUE(waitFor([&]() { return page.outcome().contains(u"Saved to"_s); }));
    QFile der(cer);
    ASSERT_TRUE(der.open(QIODevice::ReadOnly));
    const QJsonObject derAnswer =
        call(*m_admin, u"GetCredentialCertificate"_s,
             {{u"id"_s, QString::number(m_credentialId)}, {u"format"_s, u"der"_s}})[u"result"_s]
            .toObject();
    EXPECT_EQ(der.readAll(),
              QByteArray::fromBase64(derAnswer[u"certificate"_s].toString().toLatin1()));
    const QString pemPath = folder.filePath(u"contoso.pem"_s);
    page.saveCertificate(pemPath);
    ASSERT_TRUE(waitFor([&]() { return page.outcome().contains(u"contoso.pem"_s); }));
    QFile pem(pemPath);
    ASSERT_TRUE(pem.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromLatin1(pem.readAll()), m_certificate);

    // The sign-in test names what is missing.
    page.testSelected();
    ASSERT_TRUE(waitFor([&]() { return page.outcome().contains(u"Microsoft Graph"_s); }));
    EXPECT_TRUE(page.outcome().contains(u"does not have everything"_s))
        << page.outcome().toStdString();
    EXPECT_TRUE(page.outcome().contains(u"Directory.Read.All"_s)) << page.outcome().toStdString();

    // A new certificate, once confirmed: another thumbprint.
    sayYes();
    const QString before = list->currentItem()->text(4);
    page.renewSelected();
    ASSERT_TRUE(waitFor([&]() {
        QTreeWidgetItem *current = list->findItems(u"Contoso"_s, Qt::MatchExactly).value(0);
        return current && current->text(4) != before;
    }));
    EXPECT_EQ(list->findItems(u"Contoso"_s, Qt::MatchExactly).value(0)->text(4),
              credential(m_credentialId)[u"certificate"_s][u"thumbprint"_s].toString());

    // A credential a profile uses stays, with the reason; an unused one goes.
    createProfile(u"Ada over Graph"_s, u"microsoft365Mailbox"_s);
    page.refresh();
    ASSERT_TRUE(waitFor([&]() {
        QTreeWidgetItem *current = list->findItems(u"Contoso"_s, Qt::MatchExactly).value(0);
        return current && current->text(6).startsWith(u"1 "_s);
    }));
    list->setCurrentItem(list->findItems(u"Contoso"_s, Qt::MatchExactly).value(0));
    const QString renewed = page.outcome();
    page.deleteSelected();
    ASSERT_TRUE(waitFor([&]() { return page.outcome() != renewed; }));
    EXPECT_TRUE(page.outcome().contains(u"is used by the profiles"_s))
        << page.outcome().toStdString();
    EXPECT_FALSE(credential(m_credentialId).isEmpty()) << "still there";
    list->setCurrentItem(list->findItems(u"Fabrikam"_s, Qt::MatchExactly).value(0));
    page.deleteSelected();
    ASSERT_TRUE(waitFor([&]() { return list->topLevelItemCount() == 1; }));
    EXPECT_EQ(m_questions, 3);
}
