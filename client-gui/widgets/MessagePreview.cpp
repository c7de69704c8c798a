#include "widgets/MessagePreview.h"

#include "mime/MessageParser.h"
#include "widgets/MessageBrowser.h"

#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

namespace {

QString addresses(const QList<Mime::Address> &list)
{
    QStringList parts;
    for (const Mime::Address &address : list)
        parts << (address.name.isEmpty() ? address.address
                                         : u"%1 <%2>"_s.arg(address.name, address.address));
    return parts.join(u", "_s);
}

} // namespace

MessagePreview::MessagePreview(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_headers(new QLabel(this))
    , m_text(new MessageBrowser(this))
    , m_attachments(new QListWidget(this))
    , m_source(new QToolButton(this))
{
    m_headers->setTextFormat(Qt::RichText);
    m_headers->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_headers->setWordWrap(true);
    m_attachments->setMaximumHeight(72);
    m_attachments->setFlow(QListView::LeftToRight);
    m_attachments->setWrapping(true);
    m_attachments->hide();
    m_attachments->setContextMenuPolicy(Qt::CustomContextMenu);
    m_attachments->setToolTip(tr("Double-click to open; right-click to save"));
    connect(m_attachments, &QListWidget::customContextMenuRequested, this,
            &MessagePreview::attachmentMenu);
    connect(m_attachments, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { openAttachment(m_attachments->row(item)); });
    m_source->setText(tr("Show source"));
    m_source->setEnabled(false);
    connect(m_source, &QToolButton::clicked, this, [this]() {
        auto *dialog = new QDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setWindowTitle(tr("Message source"));
        auto *view = new QPlainTextEdit(dialog);
        view->setReadOnly(true);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        view->setPlainText(QString::fromUtf8(m_raw));
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(view);
        dialog->resize(800, 600);
        dialog->show();
    });
    auto *top = new QHBoxLayout;
    top->addWidget(m_headers, 1);
    top->addWidget(m_source, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_attachments);
    layout->addWidget(m_text, 1);
    clear();
}

void MessagePreview::clear()
{
    m_id.clear();
    m_raw.clear();
    m_headers->setText(tr("<i>Select a message to read it.</i>"));
    m_text->clear();
    m_attachments->clear();
    m_attachments->hide();
    m_files.clear();
    m_source->setEnabled(false);
}

void MessagePreview::showMessage(const QString &id)
{
    if (id == m_id)
        return;
    clear();
    m_id = id;
    m_headers->setText(tr("<i>Loading…</i>"));
    m_session.call(
        u"GetMessageContent"_s, {{u"id"_s, id}}, this, [this, id](const Api::CallResult &result) {
            if (id != m_id)
                return;
            if (result.failure != Api::CallFailure::None ||
                result.envelope.statusCode != Api::StatusCode::Succeeded) {
                m_headers->setText(tr("The message cannot be shown: %1")
                                       .arg((result.failure != Api::CallFailure::None
                                                 ? result.failureMessage
                                                 : result.envelope.error->message)
                                                .toHtmlEscaped()));
                return;
            }
            showRaw(QByteArray::fromBase64(result.envelope.result[u"raw"_s].toString().toLatin1()));
        });
}

void MessagePreview::showRaw(const QByteArray &raw)
{
    m_raw = raw;
    m_source->setEnabled(true);
    const Mime::ParsedMessage message = Mime::MessageParser::parseWithAttachments(raw);
    const auto row = [](const QString &name, const QString &value) {
        return value.isEmpty() ? QString() : u"<b>%1</b> %2<br>"_s.arg(name, value.toHtmlEscaped());
    };
    QString headers = u"<big><b>%1</b></big><br>"_s.arg(
        (message.subject.isEmpty() ? tr("(no subject)") : message.subject).toHtmlEscaped());
    headers += row(tr("From:"), addresses(message.from));
    headers += row(tr("To:"), addresses(message.to));
    headers += row(tr("Cc:"), addresses(message.cc));
    headers +=
        row(tr("Date:"), message.date.isValid()
                             ? QLocale().toString(message.date.toLocalTime(), QLocale::LongFormat)
                             : QString());
    if (message.status != Mime::ParseStatus::Ok)
        headers += u"<span style='color:#a15c00'>%1</span>"_s.arg(
            tr("Archived with defects: %1").arg(message.defects.join(u"; "_s)).toHtmlEscaped());
    m_headers->setText(headers);
    m_text->showMessage(message);
    for (const Mime::AttachmentInfo &attachment : message.attachments) {
        if (attachment.isInline)
            continue;
        m_files.append(attachment);
        m_attachments->addItem(
            u"%1 (%2)"_s.arg(attachment.fileName.isEmpty() ? tr("unnamed") : attachment.fileName,
                             QLocale().formattedDataSize(attachment.decodedSize)));
    }
    m_attachments->setVisible(m_attachments->count() > 0);
}

bool MessagePreview::saveAttachment(int row, const QString &path) const
{
    if (row < 0 || row >= m_files.size())
        return false;
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) &&
           file.write(m_files.at(row).content) == m_files.at(row).content.size() && file.commit();
}

void MessagePreview::attachmentMenu(const QPoint &at)
{
    const int row = m_attachments->row(m_attachments->itemAt(at));
    if (row < 0)
        return;
    QMenu menu(this);
    menu.addAction(tr("Open"), this, [this, row]() { openAttachment(row); });
    menu.addAction(tr("Save as…"), this, [this, row]() {
        const QString name =
            m_files.at(row).fileName.isEmpty() ? tr("attachment") : m_files.at(row).fileName;
        const QString path = QFileDialog::getSaveFileName(this, tr("Save attachment"), name);
        if (!path.isEmpty() && !saveAttachment(row, path))
            QMessageBox::warning(this, tr("Save attachment"),
                                 tr("%1 cannot be written.").arg(path));
    });
    menu.exec(m_attachments->viewport()->mapToGlobal(at));
}

void MessagePreview::openAttachment(int row)
{
    if (row < 0 || row >= m_files.size())
        return;
    if (!m_opened)
        m_opened = std::make_unique<QTemporaryDir>();
    // Only the file name's last part: a name like ../../x must stay in the folder.
    QString name = QFileInfo(m_files.at(row).fileName).fileName();
    if (name.isEmpty() || name.startsWith(u'.'))
        name = tr("attachment") + u"-%1"_s.arg(row + 1);
    const QString path = QDir(m_opened->path()).filePath(name);
    if (saveAttachment(row, path))
        QDesktopServices::openUrl(QUrl::fromLocalFile(path));
}

} // namespace Mailkeep::ClientWidgets
