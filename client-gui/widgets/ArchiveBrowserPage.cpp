#include "widgets/ArchiveBrowserPage.h"

#include "core/FolderTreeModel.h"
#include "core/MessageTableModel.h"
#include "widgets/FolderPickerDialog.h"
#include "widgets/MessageExport.h"
#include "widgets/MessagePreview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

void setUpMessageTable(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSortingEnabled(true);
    view->sortByColumn(ClientCore::MessageTableModel::DateColumn, Qt::DescendingOrder);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->setWordWrap(false);
    view->setAlternatingRowColors(true);
    view->setShowGrid(false);
    QHeaderView *header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ClientCore::MessageTableModel::SubjectColumn,
                                 QHeaderView::Stretch);
    header->resizeSection(ClientCore::MessageTableModel::DateColumn,
                          view->fontMetrics().horizontalAdvance(u"00 Mmm 0000 00:00"_s) + 24);
    header->resizeSection(ClientCore::MessageTableModel::FromColumn, 180);
    header->resizeSection(ClientCore::MessageTableModel::ToColumn, 160);
    header->resizeSection(ClientCore::MessageTableModel::SizeColumn, 80);
    header->resizeSection(ClientCore::MessageTableModel::AttachmentColumn, 80);
}

QStringList selectedMessageIds(QTableView *view)
{
    QStringList ids;
    for (const QModelIndex &row : view->selectionModel()->selectedRows())
        ids << row.data(ClientCore::MessageTableModel::IdRole).toString();
    return ids;
}

ArchiveBrowserPage::ArchiveBrowserPage(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_folderModel(new ClientCore::FolderTreeModel(session, this))
    , m_messages(new ClientCore::MessageTableModel(session, this))
    , m_tree(new QTreeView(this))
    , m_list(new QTableView(this))
    , m_count(new QLabel(this))
    , m_preview(new MessagePreview(session, this))
{
    m_tree->setModel(m_folderModel);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_list->setModel(m_messages);
    setUpMessageTable(m_list);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_preview->clear();
                const QString path = current.data(ClientCore::FolderTreeModel::PathRole).toString();
                if (!path.isEmpty())
                    m_messages->showFolder(path);
            });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    m_preview->showMessage(
                        current.data(ClientCore::MessageTableModel::IdRole).toString());
            });
    const auto showCount = [this]() {
        const int rows = m_messages->rowCount();
        m_count->setText(m_messages->total() >= 0 ? tr("%n message(s)", nullptr, rows)
                                                  : tr("%n message(s) so far", nullptr, rows));
    };
    connect(m_messages, &ClientCore::MessageTableModel::pageLoaded, this, showCount);
    connect(m_messages, &QAbstractItemModel::modelReset, this, showCount);
    connect(m_messages, &ClientCore::MessageTableModel::loadFailed, m_count, &QLabel::setText);
    connect(m_folderModel, &ClientCore::FolderTreeModel::loadFailed, m_count, &QLabel::setText);
    // The archives are there when the page opens.
    connect(m_folderModel, &ClientCore::FolderTreeModel::levelLoaded, this,
            [this](const QModelIndex &level) {
                if (!level.isValid() && m_folderModel->rowCount() == 1)

                    m_tree->expand(m_folderModel->index(0, 0));
            });
    m_folderModel->fetchMore({});

    auto *toolbar = new QToolBar(this);
    QAction *exportAction =
        toolbar->addAction(tr("Export…"), this, &ArchiveBrowserPage::exportSelected);
    exportAction->setToolTip(tr("Save the selected messages as EML files or one MBOX file"));
    QAction *copy = toolbar->addAction(tr("Copy"), this, &ArchiveBrowserPage::copySelected);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // Offered to those who may delete at all; the folder privilege, legal hold and the
    // store's state are the server's to check.
    if (m_session.hasPrivilege(u"delete"_s) || m_session.isAdmin()) {
        QAction *remove =
            toolbar->addAction(tr("Delete…"), this, &ArchiveBrowserPage::deleteSelected);
        remove->setShortcut(QKeySequence::Delete);
        remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        QAction *move = toolbar->addAction(tr("Move to…"), this, &ArchiveBrowserPage::moveSelected);
        move->setToolTip(tr("Move the selected messages into another archive folder"));
        move->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_M);
        move->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    }
    toolbar->addSeparator();
    toolbar->addWidget(m_count);

    auto *right = new QSplitter(Qt::Vertical, this);
    right->addWidget(m_list);
    right->addWidget(m_preview);
    right->setStretchFactor(0, 2);
    right->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tree);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(split, 1);
}

void ArchiveBrowserPage::exportSelected()
{
    exportMessages(m_session, selectedMessageIds(m_list), this);
}

void ArchiveBrowserPage::deleteSelected()
{
    const QStringList ids = selectedMessageIds(m_list);
    if (ids.isEmpty())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Delete messages"),
        tr("Delete %n message(s) from the archive for good? The reason is written to the audit "
           "log:",
           nullptr, static_cast<int>(ids.size())),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        QMessageBox::warning(this, tr("Delete messages"), tr("A reason is needed."));
        return;
    }
    auto remaining = std::make_shared<int>(static_cast<int>(ids.size()));
    auto refusals = std::make_shared<QStringList>();
    for (const QString &id : ids) {
        m_session.call(
            u"DeleteMessage"_s, {{u"id"_s, id}, {u"reason"_s, reason.trimmed()}}, this,
            [this, remaining, refusals](const Api::CallResult &result) {
                if (result.failure != Api::CallFailure::None)
                    *refusals << result.failureMessage;
                else if (result.envelope.statusCode != Api::StatusCode::Succeeded)
                    *refusals << result.envelope.error->message;
                if (--*remaining > 0)
                    return;
                refusals->removeDuplicates();
                if (!refusals->isEmpty())
                    QMessageBox::warning(this, tr("Delete messages"), refusals->join(u'\n'));
                m_preview->clear();
                m_messages->showFolder(
                    m_tree->currentIndex().data(ClientCore::FolderTreeModel::PathRole).toString());
            });
    }
}

void ArchiveBrowserPage::moveSelected()
{
    const QStringList ids = selectedMessageIds(m_list);
    if (ids.isEmpty())
        return;
    FolderPickerDialog picker(
        m_session, tr("Move messages"),
        tr("Move %n message(s) into this folder:", nullptr, static_cast<int>(ids.size())), this);
    if (picker.exec() != QDialog::Accepted || picker.selectedFolder().isEmpty())
        return;
    // The server takes at most 1000 messages a call.
    constexpr qsizetype kChunk = 1000;
    auto remaining = std::make_shared<int>(static_cast<int>((ids.size() + kChunk - 1) / kChunk));
    auto refusals = std::make_shared<QStringList>();
    auto alreadyThere = std::make_shared<int>(0);
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        m_session.call(
            u"MoveMessages"_s,
            {{u"ids"_s, ids.mid(start, kChunk).join(u',')},
             {u"targetFolder"_s, picker.selectedFolder()}},
            this, [this, remaining, refusals, alreadyThere](const Api::CallResult &result) {
                if (result.failure != Api::CallFailure::None)
                    *refusals << result.failureMessage;
                else if (result.envelope.statusCode != Api::StatusCode::Succeeded)
                    *refusals << result.envelope.error->message;
                else
                    *alreadyThere += static_cast<int>(
                        result.envelope.result[u"alreadyInTarget"_s].toArray().size());
                if (--*remaining > 0)
                    return;
                if (*alreadyThere > 0)
                    *refusals << tr("%n message(s) stayed where they were: the folder holds them "
                                    "already.",
                                    nullptr, *alreadyThere);
                if (!refusals->isEmpty())
                    QMessageBox::information(this, tr("Move messages"), refusals->join(u'\n'));
                m_preview->clear();
                m_messages->showFolder(
                    m_tree->currentIndex().data(ClientCore::FolderTreeModel::PathRole).toString());
            });
    }
}

void ArchiveBrowserPage::copySelected()

{
    // The rows as text: date, from, subject - what a person pastes into a note.
    QStringList lines;
    for (const QModelIndex &row : m_list->selectionModel()->selectedRows()) {
        QStringList cells;
        for (int column = 0; column < ClientCore::MessageTableModel::ColumnCount; ++column)
            cells << m_messages->index(row.row(), column).data().toString();
        lines << cells.join(u'\t');
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(u'\n'));
}

} // namespace Mailkeep::ClientWidgets
