#pragma once

#include "core/ConsoleSession.h"

#include <QAbstractTableModel>
#include <QJsonObject>

namespace Mailkeep::ClientCore {

// Messages as a table (date, from, to, subject, size, attachment), fetched from the server a
// page at a time as the view scrolls (canFetchMore/fetchMore), and sorted by the server:
// a folder's messages (GetMessages) or search results (SearchMessages, with snippets).
class MessageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateColumn,
        FromColumn,
        ToColumn,
        SubjectColumn,
        SizeColumn,
        AttachmentColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole;          // "<store>:<message>"
    static constexpr int SnippetRole = Qt::UserRole + 1; // search results: highlighted text
    static constexpr int MessageRole = Qt::UserRole + 2; // the whole JSON object
    static constexpr int kPageSize = 200;

    explicit MessageTableModel(ConsoleSession &session, QObject *parent = nullptr);

    void showFolder(const QString &folder);
    void showSearch(const QString &query, const QString &folder = {});
    void clear();
    // Search results: how many there are in all (a folder: -1 until its last page came).
    qint64 total() const { return m_total; }
    bool isLoading() const { return m_loading; }
    QJsonObject message(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

Q_SIGNALS:
    void loadFailed(const QString &message);
    void pageLoaded();

private:
    enum class Source
    {
        None,
        Folder,
        Search
    };
    void restart();

    ConsoleSession &m_session;
    Source m_source = Source::None;
    QString m_folder;
    QString m_query;
    QString m_sort = QStringLiteral("date");
    bool m_descending = true;
    QList<QJsonObject> m_rows;
    qint64 m_total = -1;
    bool m_exhausted = true;
    bool m_loading = false;
    int m_generation = 0; // answers for an earlier listing are dropped
};

} // namespace Mailkeep::ClientCore
