#include "core/MessageTableModel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientCore {

MessageTableModel::MessageTableModel(ConsoleSession &session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
{}

void MessageTableModel::showFolder(const QString &folder)
{
    m_source = Source::Folder;
    m_folder = folder;
    m_query.clear();
    restart();
}

void MessageTableModel::showSearch(const QString &query, const QString &folder)
{
    m_source = Source::Search;
    m_folder = folder;
    m_query = query;
    restart();
}

void MessageTableModel::clear()
{
    m_source = Source::None;
    restart();
}

void MessageTableModel::restart()
{
    beginResetModel();
    m_rows.clear();
    m_total = -1;
    m_exhausted = m_source == Source::None;
    m_loading = false;
    ++m_generation;
    endResetModel();
    if (!m_exhausted)
        fetchMore({});
}

QJsonObject MessageTableModel::message(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row) : QJsonObject();
}

int MessageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MessageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const QJsonObject &row = m_rows.at(index.row());
    switch (role) {
    case IdRole:
        return row[u"id"_s].toString();
    case SnippetRole:
        return row[u"snippet"_s].toString();
    case MessageRole:
        return row;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == SubjectColumn)
            return row[u"subject"_s].toString();
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case DateColumn: {
        const QDateTime date =
            QDateTime::fromString(row[u"date"_s].toString(), Qt::ISODate).toLocalTime();
        return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
    }
    case FromColumn:
        return row[u"from"_s].toString();
    case ToColumn:
        return row[u"to"_s].toString();
    case SubjectColumn:
        return row[u"subject"_s].toString();
    case SizeColumn:
        return QLocale().formattedDataSize(row[u"size"_s].toInteger(), 1,
                                           QLocale::DataSizeTraditionalFormat);
    case AttachmentColumn:
        return row[u"hasAttachments"_s].toBool() ? tr("yes") : QString();
    default:
        return {};
    }
}

QVariant MessageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case SubjectColumn:
        return tr("Subject");
    case SizeColumn:
        return tr("Size");
    case AttachmentColumn:
        return tr("Attachment");
    default:
        return {};
    }
}

bool MessageTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_exhausted && !m_loading;
}

void MessageTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    const QString offset = QString::number(m_rows.size());
    const QString limit = QString::number(kPageSize);
    Api::FormFields arguments{{u"sort"_s, m_sort},
                              {u"descending"_s, m_descending ? u"true"_s : u"false"_s},
                              {u"offset"_s, offset},
                              {u"limit"_s, limit}};
    QString function;
    if (m_source == Source::Folder) {
        function = u"GetMessages"_s;
        arguments.append({u"folder"_s, m_folder});
    } else {
        function = u"SearchMessages"_s;
        arguments.append({u"query"_s, m_query});
        if (!m_folder.isEmpty())
            arguments.append({u"folder"_s, m_folder});
    }
    const int generation = m_generation;
    m_session.call(function, arguments, this, [this, generation](const Api::CallResult &r) {
        if (generation != m_generation)
            return;
        // Still "loading" while the rows go in: a view (or the model tester) asking for more
        // from inside the insertion must not fetch the same page again.
        const auto loaded = qScopeGuard([this]() { m_loading = false; });
        if (r.failure
 != Api::CallFailure::None ||
            r.envelope.statusCode != Api::StatusCode::Succeeded) {
            m_exhausted = true;
            Q_EMIT loadFailed(r.failure != Api::CallFailure::None
                                  ? r.failureMessage
                                  : (r.envelope.error ? r.envelope.error->message : QString()));
            return;
        }
        const QJsonValue result = r.envelope.result;
        const QJsonArray page =
            m_source == Source::Search ? result[u"results"_s].toArray() : result.toArray();
        if (m_source == Source::Search)
            m_total = result[u"total"_s].toInteger();
        if (!page.isEmpty()) {
            beginInsertRows({}, static_cast<int>(m_rows.size()),
                            static_cast<int>(m_rows.size() + page.size()) - 1);
            for (const QJsonValue &row : page)
                m_rows.append(row.toObject());
            endInsertRows();
        }
        m_exhausted =
            page.size() < kPageSize || (m_source == Source::Search && m_rows.size() >= m_total);
        if (m_source == Source::Folder && m_exhausted)
            m_total = m_rows.size();
        Q_EMIT pageLoaded();
    });
}

void MessageTableModel::sort(int column, Qt::SortOrder order)
{
    QString sort;
    switch (column) {
    case DateColumn:
        sort = u"date"_s;
        break;
    case FromColumn:
        sort = u"sender"_s;
        break;
    case SubjectColumn:
        sort = u"subject"_s;
        break;
    case SizeColumn:
        sort = u"size"_s;
        break;
    default:
        return; // the server sorts by these only
    }
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_sort && descending == m_descending)
        return;
    m_sort = sort;
    m_descending = descending;
    if (m_source != Source::None)
        restart();
}

} // namespace Mailkeep::ClientCore
