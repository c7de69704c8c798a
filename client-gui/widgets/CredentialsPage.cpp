#include "widgets/CredentialsPage.h"

#include "widgets/LongCall.h"
#include "widgets/OutcomeLabel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

namespace {

constexpr int kRowRole = Qt::UserRole;

QString localDate(const QString &iso)
{
    const QDateTime time = QDateTime::fromString(iso, Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat)
                          : iso;
}

} // namespace

CredentialsPage::CredentialsPage(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_status(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_save(new QPushButton(tr("Save certificate…"), this))
    , m_test(new QPushButton(tr("Test sign-in"), this))
    , m_renew(new QPushButton(tr("New certificate…"), this))
    , m_delete(new QPushButton(tr("Delete…"), this))
    , m_outcome(new OutcomeLabel(this))
{
    m_list->setHeaderLabels({tr("Credential"), tr("Cloud"), tr("Tenant"), tr("Application"),
                             tr("Certificate thumbprint"), tr("Valid until"), tr("Used by")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_status->setWordWrap(true);
    m_outcome->setObjectName(u"credentialOutcome"_s);

    auto *create = new QPushButton(tr("New credential…"), this);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    m_save->setToolTip(tr("Saves the certificate to upload to the application in Entra ID "
                          "(Certificates & secrets)."));
    m_renew->setToolTip(tr("Makes a new key pair and certificate; the application signs in "
                           "again only once the new certificate is uploaded."));
    connect(create, &QPushButton::clicked, this, &CredentialsPage::askForNewCredential);
    connect(m_save, &QPushButton::clicked, this, &CredentialsPage::askWhereToSave);
    connect(m_test, &QPushButton::clicked, this, &CredentialsPage::testSelected);
    connect(m_renew, &QPushButton::clicked, this, &CredentialsPage::renewSelected);
    connect(m_delete, &QPushButton::clicked, this, &CredentialsPage::deleteSelected);
    connect(refreshButton, &QPushButton::clicked, this, &CredentialsPage::refresh);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &CredentialsPage::updateButtons);

    auto *top = new QHBoxLayout;
    top->addWidget(
        new QLabel(u"<h2>%1</h2>"_s.arg(tr("Microsoft 365 Credentials").toHtmlEscaped()), this), 1);
    top->addWidget(create);
    top->addWidget(refreshButton);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_save, m_test, m_renew, m_delete})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_outcome);
    updateButtons();
}

QString CredentialsPage::outcome() const
{
    return m_outcome->shown();
}

void CredentialsPage::setOutcome(const QString &text, bool good)
{
    m_outcome->showOutcome(text, good);
}

QJsonObject CredentialsPage::selected() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    return item ? item->data(0, kRowRole).toJsonObject() : QJsonObject();
}

void CredentialsPage::updateButtons()
{
    const bool any = !selected().isEmpty();
    for (QPushButton *button : {m_save, m_test, m_renew, m_delete})
        button->setEnabled(any);
}

void CredentialsPage::call(const QString &title, const QString &function,
                           const Api::FormFields &arguments,
                           std::function<void(const QJsonValue &)> done)
{
    runLongCallForResult(m_session, this, title, function, arguments, std::move(done),
                         [this](const QString &reason) { setOutcome(reason, false); });
}

void CredentialsPage::refresh()
{
    m_status->setText(tr("Loading…"));
    m_session.call(u"GetCredentials"_s, {}, this, [this](const Api::CallResult &r) {
        const qint64 selectedId = selected().value(u"id"_s).toInteger();
        m_list->clear();
        if (r.failure != Api::CallFailure::None ||
            r.envelope.statusCode != Api::StatusCode::Succeeded) {
            m_status->setText(r.failure != Api::CallFailure::None ? r.failureMessage
                              : r.envelope.error                  ? r.envelope.error->message
                                                 : tr("The server did not list the credentials."));
            updateButtons();
            return;
        }
        QStyle *look = style();
        for (const QJsonValue &value : r.envelope.result.toArray()) {
            const QJsonObject row = value.toObject();
            const int days = row[u"expiresInDays"_s].toInt();
            const int users = static_cast<int>(row[u"usedByProfiles"_s].toArray().size());
            auto *item = new QTreeWidgetItem(
                m_list, {row[u"description"_s].toString(),
                         row[u"cloud"_s].toString() == u"china"_s ? tr("21Vianet") : tr("Global"),
                         row[u"tenantId"_s].toString(), row[u"applicationId"_s].toString(),
                         row[u"certificate"_s][u"thumbprint"_s].toString(),
                         localDate(row[u"expirationDate"_s].toString()),
                         tr("%n profile(s)", nullptr, users)});
            item->setData(0, kRowRole, row);
            if (row[u"expiryWarning"_s].toBool()) {
                item->setIcon(5, look->standardIcon(days < 0 ? QStyle::SP_MessageBoxCritical
                                                             : QStyle::SP_MessageBoxWarning));
                item->setToolTip(
                    5, days < 0 ? tr("The certificate has expired.")
                                : tr("The certificate expires in %n day(s).", nullptr, days));
            }
            if (row[u"id"_s].toInteger() == selectedId)
                m_list->setCurrentItem(item);
        }
        m_status->setText(m_list->topLevelItemCount() == 0
                              ? tr("There are no credentials yet. Register an application in "
                                   "Entra ID, then add it here with New credential.")
                              : QString());
        for (int column = 0; column < 6; ++column)
            m_list->resizeColumnToContents(column);
        updateButtons();
    });
}

void CredentialsPage::askForNewCredential()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New Microsoft 365 credential"));
    auto *description = new QLineEdit(&dialog);
    auto *tenant = new QLineEdit(&dialog);
    auto *application = new QLineEdit(&dialog);
    auto *cloud = new QComboBox(&dialog);
    description->setPlaceholderText(tr("e.g. the organisation's name"));
    tenant->setPlaceholderText(tr("Directory (tenant) ID or a verified domain"));
    application->setPlaceholderText(tr("Application (client) ID"));
    cloud->addItem(tr("Global"), u"global"_s);
    cloud->addItem(tr("21Vianet (China)"), u"china"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), description);
    form->addRow(tr("Tenant:"), tenant);
    form->addRow(tr("Application:"), application);
    form->addRow(tr("Cloud:"), cloud);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("The server makes a key pair and a certificate valid for "
                                    "3750 days; upload the certificate to the application in "
                                    "Entra ID afterwards."),
                                 &dialog));
    layout->addLayout(form);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    create({description->text().trimmed(), tenant->text().trimmed(), application->text().trimmed(),
            cloud->currentData().toString()});
}

void CredentialsPage::create(const NewCredential &credential)
{
    call(tr("New credential"), u"CreateCredential"_s,
         {{u"type"_s, u"Office365_Modern"_s},
          {u"description"_s, credential.description},
          {u"tenantId"_s, credential.tenantId},
          {u"applicationId"_s, credential.applicationId},
          {u"cloud"_s, credential.cloud}},
         [this](const QJsonValue &made) {
             setOutcome(tr("Credential \"%1\" created. Save its certificate and upload it to the "
                           "application in Entra ID, then test the sign-in.")
                            .arg(made[u"description"_s].toString()),
                        true);
             refresh();
         });
}

void CredentialsPage::askWhereToSave()
{
    const QJsonObject row = selected();
    if (row.isEmpty())
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save certificate"), u"mailkeep-credential-%1.cer"_s.arg(row[u"id"_s].toInteger()),
        tr("Certificate (*.cer);;PEM certificate (*.pem)"));
    if (!path.isEmpty())
        saveCertificate(path);
}

void CredentialsPage::saveCertificate(const QString &path)
{
    const QJsonObject row = selected();
    if (row.isEmpty())
        return;
    // Entra ID takes either; .cer is the binary (DER) form Windows tools expect.
    const bool pem = path.endsWith(u".pem"_s, Qt::CaseInsensitive);
    call(tr("Save certificate"), u"GetCredentialCertificate"_s,
         {{u"id"_s, QString::number(row[u"id"_s].toInteger())},
          {u"format"_s, pem ? u"pem"_s : u"der"_s}},
         [this, path, pem](const QJsonValue &answer) {
             const QString certificate = answer[u"certificate"_s].toString();
             const QByteArray bytes =
                 pem ? certificate.toLatin1() : QByteArray::fromBase64(certificate.toLatin1());
             QFile file(path);
             if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
                 setOutcome(tr("%1 cannot be written: %2").arg(path, file.errorString()), false);
                 return;
             }
             setOutcome(tr("Saved to %1. Upload it in Entra ID: App registrations > the "
                           "application > Certificates & secrets > Certificates.")
                            .arg(path),
                        true);
         });
}

void CredentialsPage::testSelected()
{
    const QJsonObject row = selected();
    if (row.isEmpty())
        return;
    const QString name = row[u"description"_s].toString();
    call(tr("Test sign-in"), u"TestCredential"_s,
         {{u"id"_s, QString::number(row[u"id"_s].toInteger())}},
         [this, name](const QJsonValue &tested) { showTest(name, tested.toObject()); });
}

void CredentialsPage::showTest(const QString &name, const QJsonObject &tested)
{
    QStringList lines;
    const std::pair<const char *, QString> services[] = {{"graph", tr("Microsoft Graph")},
                                                         {"exchange", tr("Exchange Online")}};
    for (const auto &[key, label] : services) {
        const QJsonObject service = tested[QLatin1StringView(key)].toObject();
        if (!service[u"signedIn"_s].toBool()) {
            lines << tr("%1: not signed in. %2").arg(label, service[u"message"_s].toString());
            continue;
        }
        QStringList roles;
        for (const QJsonValue &role : service[u"roles"_s].toArray())
            roles << role.toString();
        QStringList missing;
        for (const QJsonValue &role : service[u"missing"_s].toArray())
            missing << role.toString();
        lines << (missing.isEmpty()
                      ? tr("%1: signed in with %2.").arg(label, roles.join(u", "_s))
                      : tr("%1: signed in, but without %2.").arg(label, missing.join(u", "_s)));
    }
    for (const QJsonValue &advice : tested[u"advice"_s].toArray())
        lines << advice.toString();
    const bool good = tested[u"ok"_s].toBool();
    lines.prepend(good ? tr("%1 signs in with every permission Mailkeep uses.").arg(name)
                       : tr("%1 does not have everything Mailkeep uses yet:").arg(name));
    setOutcome(lines.join(u'\n'), good);
}

void CredentialsPage::renewSelected()
{
    const QJsonObject row = selected();
    if (row.isEmpty())
        return;
    const QString name = row[u"description"_s].toString();
    if (QMessageBox::question(this, tr("New certificate"),
                              tr("Make a new certificate for %1? Its profiles cannot sign in "
                                 "until the new certificate is uploaded to Entra ID.")
                                  .arg(name)) != QMessageBox::Yes)
        return;
    call(tr("New certificate"), u"SetCredentialSettings"_s,
         {{u"id"_s, QString::number(row[u"id"_s].toInteger())},
          {u"createNewCertificate"_s, u"true"_s}},
         [this, name](const QJsonValue &) {
             setOutcome(
                 tr("%1 has a new certificate: save it and upload it to Entra ID.").arg(name),
                 true);
             refresh();
         });
}

void CredentialsPage::deleteSelected()
{
    const QJsonObject row = selected();
    if (row.isEmpty())
        return;
    const QString name = row[u"description"_s].toString();
    if (QMessageBox::question(
            this, tr("Delete credential"),
            tr("Delete the credential %1? Its key is gone for good.").arg(name)) !=
        QMessageBox::Yes)
        return;
    call(tr("Delete credential"), u"DeleteCredential"_s,
         {{u"id"_s, QString::number(row[u"id"_s].toInteger())}}, [this, name](const QJsonValue &) {
             setOutcome(tr("%1 was deleted.").arg(name), true);
             refresh();
         });
}

} // namespace Mailkeep::ClientWidgets
