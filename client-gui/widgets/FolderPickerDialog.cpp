#include "widgets/FolderPickerDialog.h"

#include "core/FolderTreeModel.h"

#include <QDialogButtonBox>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Mailkeep::ClientWidgets {

FolderPickerDialog::FolderPickerDialog(ClientCore::ConsoleSession &session, const QString &title,
                                       const QString &prompt, QWidget *parent)
    : QDialog(parent)
    , m_model(new ClientCore::FolderTreeModel(session, this))
    , m_tree(new QTreeView(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(title);
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    auto *failure = new QLabel(this);
    failure->setWordWrap(true);
    failure->hide();
    connect(m_model, &ClientCore::FolderTreeModel::loadFailed, this,
            [failure](const QString &message) {
                failure->setText(message);
                failure->show();
            });
    connect(m_model, &ClientCore::FolderTreeModel::levelLoaded, this,
            [this](const QModelIndex &level) {
                if (!level.isValid() && m_model->rowCount() == 1)
                    m_tree->expand(m_model->index(0, 0));
            });
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [ok](const QModelIndex &current) { ok->setEnabled(current.isValid()); });
    connect(m_tree, &QTreeView::doubleClicked, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_model->fetchMore({});

    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(prompt, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    layout->addWidget(m_tree, 1);
    layout->addWidget(failure);
    layout->addWidget(m_buttons);
    resize(420, 480);
}

QString FolderPickerDialog::selectedFolder() const
{
    return m_tree->currentIndex().data(ClientCore::FolderTreeModel::PathRole).toString();
}

} // namespace Mailkeep::ClientWidgets
