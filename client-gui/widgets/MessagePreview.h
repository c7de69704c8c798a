#pragma once

#include "core/ConsoleSession.h"
#include "mime/ParsedMessage.h"

#include <QTemporaryDir>
#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QTextBrowser;
class QToolButton;

namespace Mailkeep::ClientWidgets {

// One archived message: its headers, its text or sanitised HTML (MessageBrowser), its
// attachments; "Show source" shows the archived bytes as they are.
class MessageBrowser;

class MessagePreview final : public QWidget
{
    Q_OBJECT
public:
    explicit MessagePreview(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    void showMessage(const QString &id);
    void clear();
    QByteArray raw() const { return m_raw; }

    QListWidget *attachmentList() const { return m_attachments; }
    // Writes the attachment at `row` of the list to `path`.
    bool saveAttachment(int row, const QString &path) const;

private:
    void showRaw(const QByteArray &raw);
    void attachmentMenu(const QPoint &at);
    void openAttachment(int row);

    ClientCore::ConsoleSession &m_session;
    QLabel *m_headers;
    MessageBrowser *m_text;
    QListWidget *m_attachments;
    QToolButton *m_source;
    QString m_id;
    QByteArray m_raw;
    QList<Mime::AttachmentInfo> m_files;     // as listed
    std::unique_ptr<QTemporaryDir> m_opened; // attachments handed to other programs
};

} // namespace Mailkeep::ClientWidgets
