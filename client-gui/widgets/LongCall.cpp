#include "widgets/LongCall.h"

#include <QPointer>
#include <QProgressDialog>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

void runLongCall(ClientCore::ConsoleSession &session, QWidget *parent, const QString &title,
                 const QString &function, const Api::FormFields &arguments,
                 std::function<void(const Api::CallResult &)> done)
{
    auto *dialog = new QProgressDialog(parent);
    dialog->setObjectName(u"longCallProgress"_s);
    dialog->setWindowTitle(title);
    dialog->setLabelText(QProgressDialog::tr("Starting…"));
    dialog->setRange(0, 0); // busy until the server reports a percentage
    dialog->setMinimumDuration(0);
    dialog->setAutoClose(false);
    dialog->setAutoReset(false);
    dialog->setWindowModality(Qt::WindowModal);
    QPointer<QProgressDialog> progress(dialog);
    const std::shared_ptr<ClientCore::CallHandle> handle = session.call(
        function, arguments, dialog,
        [progress, done](const Api::CallResult &result) {
            if (progress) {
                progress->hide(); // gone before `done` shows anything of its own
                progress->deleteLater();
            }
            done(result);
        },
        [progress](std::optional<int> percent, const QString &text) {
            if (!progress)
                return;
            if (percent) {
                progress->setRange(0, 100);
                progress->setValue(*percent);
            }
            if (!text.isEmpty())
                progress->setLabelText(text);
        });
    QObject::connect(dialog, &QProgressDialog::canceled, dialog, [dialog, handle]() {
        handle->cancel();
        dialog->setLabelText(QProgressDialog::tr("Stopping…"));
        dialog->setCancelButton(nullptr); // once asked, the server decides when it has stopped
    });
    dialog->show();
}

void runLongCallForResult(ClientCore::ConsoleSession &session, QWidget *parent,
                          const QString &title, const QString &function,
                          const Api::FormFields &arguments,
                          std::function<void(const QJsonValue &)> done,
                          std::function<void(const QString &)> failed)
{
    runLongCall(session, parent, title, function, arguments,
                [title, done, failed](const Api::CallResult &result) {
                    if (result.failure != Api::CallFailure::None)
                        failed(result.failureMessage);
                    else if (result.envelope.statusCode == Api::StatusCode::Cancelled)
                        failed(QProgressDialog::tr("%1: stopped.").arg(title));
                    else if (result.envelope.statusCode != Api::StatusCode::Succeeded)
                        failed(result.envelope.error
                                   ? result.envelope.error->message
                                   : QProgressDialog::tr("%1 failed.").arg(title));
                    else
                        done(result.envelope.result);
                });
}

} // namespace Mailkeep::ClientWidgets
