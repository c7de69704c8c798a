#pragma once

#include "core/ConsoleSession.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;

namespace Mailkeep::ClientCore {
class MessageTableModel;
}

namespace Mailkeep::ClientWidgets {

class MessagePreview;

// Search Email: the query language in one field, quick filters that add to it, the results
// with their highlighted snippets (loaded page by page), the preview, and saving the search.
class SearchPage final : public QWidget
{
    Q_OBJECT
public:
    explicit SearchPage(ClientCore::ConsoleSession &session, QWidget *parent = nullptr);
    void search(const QString &query);
    // The query the fields make up.
    QString composedQuery() const;
    QTableView *results() const { return m_results; }
    ClientCore::MessageTableModel *resultModel() const { return m_model; }

private:
    void run();
    void saveSearch();

    ClientCore::ConsoleSession &m_session;
    QLineEdit *m_query;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QLineEdit *m_subject;
    QLineEdit *m_folder;
    QCheckBox *m_dates;
    QDateEdit *m_after;
    QDateEdit *m_before;
    QCheckBox *m_attachments;
    QLabel *m_count;
    QTextBrowser *m_snippet;
    ClientCore::MessageTableModel *m_model;
    QTableView *m_results;
    MessagePreview *m_preview;
};

} // namespace Mailkeep::ClientWidgets
