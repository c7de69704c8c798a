#pragma once

#include "core/ConsoleSession.h"

#include <QWidget>

class QLabel;
class QTableView;
class QTreeView;

namespace Mailkeep::ClientCore {
class FolderTreeModel;
class MessageTableModel;
} // namespace Mailkeep::ClientCore

namespace Mailkeep::ClientWidgets {

class MessagePreview;

// My Archive: the folder tree of every archive the user may read, the folder's messages
// (loaded page by page as the list scrolls) and the selected message.
class ArchiveBrowserPage final : public QWidget
{
    Q_OBJECT
public:
    explicit ArchiveBrowserPage(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    QTreeView *folders() const { return m_tree; }
    QTableView *messages() const { return m_list; }
    ClientCore::MessageTableModel *messageModel() const { return m_messages; }

private:
    void exportSelected();
    void copySelected();
    void deleteSelected();
    void moveSelected();

    ClientCore::ConsoleSession &m_session;
    ClientCore::FolderTreeModel *m_folderModel;
    ClientCore::MessageTableModel *m_messages;
    QTreeView *m_tree;
    QTableView *m_list;
    QLabel *m_count;
    MessagePreview *m_preview;
};

// The message table as both pages show it.
void setUpMessageTable(QTableView *view);
QStringList selectedMessageIds(QTableView *view);

} // namespace Mailkeep::ClientWidgets
