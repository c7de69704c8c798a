#include "widgets/MessageBrowser.h"

#include <QImage>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

MessageBrowser::MessageBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
}

QString MessageBrowser::sanitised(const QString &html)
{
    static const QRegularExpression scripts(u"<script\\b[^>]*>.*?</script\\s*>"_s,
                                            QRegularExpression::CaseInsensitiveOption |
                                                QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression handlers(u"\\son[a-z]+\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+)"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    QString clean = html;
    clean.remove(scripts);
    clean.remove(handlers);
    return clean;
}

void MessageBrowser::showMessage(const Mime::ParsedMessage &message)
{
    m_inline.clear();
    for (const Mime::AttachmentInfo &attachment : message.attachments) {
        if (!attachment.contentId.isEmpty())
            m_inline.append(attachment);
    }
    if (message.html.isEmpty())
        setPlainText(message.bodyText);
    else
        setHtml(sanitised(message.html));
}

QVariant MessageBrowser::loadResource(int type, const QUrl &name)
{
    // Only what the message carries; never the network, never a local file.
    if (type == QTextDocument::ImageResource && name.scheme() == u"cid"_s) {
        const QString id = name.path();
        for (const Mime::AttachmentInfo &attachment : std::as_const(m_inline)) {
            if (attachment.contentId == id)
                return QImage::fromData(attachment.content);
        }
    }
    return {};
}

} // namespace Mailkeep::ClientWidgets
