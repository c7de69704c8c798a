#include "widgets/MessageExport.h"

#include "mime/MboxWriter.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

namespace {

// Fetches the messages one after another and hands each to `write`.
struct ExportRun : QObject
{
    ClientCore::ConsoleSession &session;
    QStringList ids;
    std::function<bool(int index, const QByteArray &raw)> write;
    QProgressDialog *progress = nullptr;
    int next = 0;
    QStringList failures;

    ExportRun(ClientCore::ConsoleSession &s, QStringList list, QWidget *parent)
        : session(s)
        , ids(std::move(list))
    {
        progress = new QProgressDialog(ClientCore::ConsoleSession::tr("Exporting messages…"),
                                       ClientCore::ConsoleSession::tr("Cancel"), 0,
                                       static_cast<int>(ids.size()), parent);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(300);
        setParent(progress);
    }
    void step()
    {
        if (progress->wasCanceled() || next >= ids.size()) {
            finish();
            return;
        }
        const QString id = ids.at(next);
        session.call(
            u"GetMessageContent"_s, {{u"id"_s, id}}, this,
            [this, id](const Api::CallResult &result) {
                if (result.failure == Api::CallFailure::None &&
                    result.envelope.statusCode == Api::StatusCode::Succeeded) {
                    if (!write(next, QByteArray::fromBase64(
                                         result.envelope.result[u"raw"_s].toString().toLatin1())))
                        failures << id;
                } else {
                    failures << id;
                }
                progress->setValue(++next);
                step();
            });
    }
    void finish()
    {
        QWidget *parent = progress->parentWidget();
        const int done = next - static_cast<int>(failures.size());
        progress->deleteLater();
        if (!failures.isEmpty())
            QMessageBox::warning(parent, ClientCore::ConsoleSession::tr("Export"),
                                 ClientCore::ConsoleSession::tr(
                                     "%1 messages exported; %2 could not be read or written.")
                                     .arg(done)
                                     .arg(failures.size()));
    }
};

} // namespace

void exportMessages(ClientCore::ConsoleSession &session, const QStringList &ids, QWidget *parent)
{
    if (ids.isEmpty())
        return;
    QMessageBox choice(
        QMessageBox::Question, QObject::tr("Export"),
        QObject::tr("Export %n message(s) as:", nullptr, static_cast<int>(ids.size())),
        QMessageBox::Cancel, parent);
    QPushButton *eml = choice.addButton(QObject::tr("EML files…"), QMessageBox::AcceptRole);
    QPushButton *mbox = choice.addButton(QObject::tr("One MBOX file…"), QMessageBox::AcceptRole);
    choice.exec();
    auto *run = new ExportRun(session, ids, parent);
    if (choice.clickedButton() == eml) {
        const QString folder =
            QFileDialog::getExistingDirectory(parent, QObject::tr("Export to folder"));
        if (folder.isEmpty()) {
            run->progress->deleteLater();
            return;
        }
        run->write = [folder](int index, const QByteArray &raw) {
            QFile file(
                QDir(folder).filePath(u"message-%1.eml"_s.arg(index + 1, 5, 10, QChar(u'0'))));
            return file.open(QIODevice::WriteOnly) && file.write(raw) == raw.size();
        };
    } else if (choice.clickedButton() == mbox) {
        const QString path =
            QFileDialog::getSaveFileName(parent, QObject::tr("Export to MBOX file"),
                                         u"export.mbox"_s, QObject::tr("MBOX files (*.mbox)"));
        if (path.isEmpty()) {
            run->progress->deleteLater();
            return;
        }
        auto file = std::make_shared<QFile>(path);
        if (!file->open(QIODevice::WriteOnly)) {
            QMessageBox::warning(parent, QObject::tr("Export"),
                                 QObject::tr("%1 cannot be written.").arg(path));
            run->progress->deleteLater();
            return;
        }
        run->write = [file](int, const QByteArray &raw) {
            const QByteArray entry = Mime::mboxrdEntry(raw);
            return file->write(entry) == entry.size();
        };
    } else {
        run->progress->deleteLater();
        return;
    }
    run->step();
}

} // namespace Mailkeep::ClientWidgets
