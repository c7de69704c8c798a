#pragma once

#include "mime/ParsedMessage.h"

#include <QTextBrowser>

namespace Mailkeep::ClientWidgets {

// Shows a message's HTML without anything that could reach out: no remote or local file is
// loaded (only cid: images from the message itself), scripts are removed, links are not
// followed on a click. Plain-text mail is shown as it is.
class MessageBrowser final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit MessageBrowser(QWidget *parent = nullptr);
    void showMessage(const Mime::ParsedMessage &message);
    // The HTML as shown: scripts and event handlers gone.
    static QString sanitised(const QString &html);
    // What the document may load: cid: images of the message, nothing else.
    QVariant loadResource(int type, const QUrl &name) override;

private:
    QList<Mime::AttachmentInfo> m_inline;
};

} // namespace Mailkeep::ClientWidgets
