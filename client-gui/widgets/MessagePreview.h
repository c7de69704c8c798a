#pragma once

#include "core/ConsoleSession.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTextBrowser;
class QToolButton;

namespace Mailkeep::ClientWidgets {

// One archived message: its headers, its text, its attachments; "Show source" shows the
// archived bytes as they are. The text is shown as plain text (HTML mail as its text), so
// nothing remote is loaded and nothing runs.
class MessagePreview final : public QWidget
{
    Q_OBJECT
public:
    explicit MessagePreview(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    void showMessage(const QString &id);
    void clear();
    QByteArray raw() const { return m_raw; }

private:
    void showRaw(const QByteArray &raw);

    ClientCore::ConsoleSession &m_session;
    QLabel *m_headers;
    QTextBrowser *m_text;
    QListWidget *m_attachments;
    QToolButton *m_source;
    QString m_id;
    QByteArray m_raw;
};

} // namespace Mailkeep::ClientWidgets
