#include "core/FolderTreeModel.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientCore {

int FolderTreeModel::Node::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i) {
        if (parent->children[i].get() == this)
            return static_cast<int>(i);
    }
    return 0;
}

FolderTreeModel::FolderTreeModel(ConsoleSession &session, QObject *parent)
    : QAbstractItemModel(parent)
    , m_session(session)
    , m_root(std::make_unique<Node>())
{}

FolderTreeModel::~FolderTreeModel() = default;

FolderTreeModel::Node *FolderTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex FolderTreeModel::indexOf(Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row(), 0, node);
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeOf(parent)->children[static_cast<size_t>(row)].get());
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int FolderTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        return node->name;
    case Qt::ToolTipRole:
    case PathRole:
        return node->path;
    default:
        return {};
    }
}

QVariant FolderTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == 0 && orientation == Qt::Horizontal && role == Qt::DisplayRole)
        return tr("Folder");
    return {};
}

bool FolderTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    // Not loaded yet: it may have children; the view asks fetchMore when it is opened.
    return node->loaded ? !node->children.empty() : parent.column() <= 0;
}

bool FolderTreeModel::canFetchMore(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    return !node->loaded && !node->loading;
}

void FolderTreeModel::fetchMore(const QModelIndex &parent)
{
    Node *node = nodeOf(parent);
    if (node->loaded || node->loading)
        return;
    node->loading = true;
    Api::FormFields arguments{{u"maxLevels"_s, u"1"_s}};
    if (!node->path.isEmpty())
        arguments.append({u"folder"_s, node->path});
    const QString path = node->path;
    m_session.call(u"GetChildFolders"_s, arguments, this, [this, path](const Api::CallResult &r) {
        // The node may be gone (a reset); find it again by its path.
        Node *target = m_root.get();
        if (!path.isEmpty()) {
            std::function<Node *(Node *)> find = [&](Node *at) -> Node * {
                for (const auto &child : at->children) {
                    if (child->path == path)
                        return child.get();
                    if (path.startsWith(child->path + u'/'))
                        return find(child.get());
                }
                return nullptr;
            };
            target = find(m_root.get());
        }
        if (!target)
            return;
        target->loading = false;
        if (r.failure != Api::CallFailure::None ||
            r.envelope.statusCode != Api::StatusCode::Succeeded) {
            m_lastError = r.failure != Api::CallFailure::None
                              ? r.failureMessage
                              : (r.envelope.error ? r.envelope.error->message : QString());
            Q_EMIT loadFailed(m_lastError);
            return;
        }
        std::vector<std::unique_ptr<Node>> children;
        for (const QJsonValue &entry : r.envelope.result.toArray()) {
            const QString childPath = entry[u"folder"_s].toString();
            // Only the level asked for, whatever the server sent.
            if (childPath.section(u'/', 0, -2) != target->path)
                continue;
            auto child = std::make_unique<Node>();
            child->path = childPath;
            child->name = entry[u"name"_s].toString(childPath.section(u'/', -1));
            child->parent = target;
            children.push_back(std::move(child));
        }
        const QModelIndex at = indexOf(target);
        target->loaded = true;
        if (!children.empty()) {
            beginInsertRows(at, 0, static_cast<int>(children.size()) - 1);
            target->children = std::move(children);
            endInsertRows();
        } else {
            // No children after all: the expand arrow goes.
            Q_EMIT dataChanged(at, at);
        }
        Q_EMIT levelLoaded(at);
    });
}

} // namespace Mailkeep::ClientCore
