#pragma once

#include "core/ConsoleSession.h"

#include <QDialog>

class QDialogButtonBox;
class QTreeView;

namespace Mailkeep::ClientCore {
class FolderTreeModel;
}

namespace Mailkeep::ClientWidgets {

// Asks for an archive folder (of the archives the user may read), e.g. where to move
// messages. The tree loads lazily like the archive browser's.
class FolderPickerDialog final : public QDialog
{
    Q_OBJECT
public:
    FolderPickerDialog(ClientCore::ConsoleSession &session, const QString &title,
                       const QString &prompt, QWidget *parent = nullptr);
    QString selectedFolder() const;
    QTreeView *tree() const { return m_tree; }

private:
    ClientCore::FolderTreeModel *m_model;
    QTreeView *m_tree;
    QDialogButtonBox *m_buttons;
};

} // namespace Mailkeep::ClientWidgets
