#pragma once

#include "core/ConsoleSession.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace Mailkeep::ClientCore {

// The archives and folders the user may read, loaded a level at a time as they are opened
// (GetChildFolders with maxLevels=1). Qt::UserRole is a folder's full path.
class FolderTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    static constexpr int PathRole = Qt::UserRole;
    explicit FolderTreeModel(ConsoleSession &session, QObject *parent = nullptr);
    ~FolderTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void loadFailed(const QString &message);
    void levelLoaded(const QModelIndex &parent);

private:
    struct Node
    {
        QString path;
        QString name;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        bool loaded = false;
        bool loading = false;
        int row() const;
    };
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;

    ConsoleSession &m_session;
    std::unique_ptr<Node> m_root;
    QString m_lastError;
};

} // namespace Mailkeep::ClientCore
