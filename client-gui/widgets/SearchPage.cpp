#include "widgets/SearchPage.h"

#include "core/MessageTableModel.h"
#include "widgets/ArchiveBrowserPage.h"
#include "widgets/MessageExport.h"
#include "widgets/MessagePreview.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

namespace {

// A filter value as one term of the query: quoted when it has spaces.
QString term(const QString &field, const QString &value)
{
    const QString text = value.trimmed();
    if (text.isEmpty())
        return {};
    const bool quote = text.contains(u' ') && !text.startsWith(u'"');
    return field + u':' + (quote ? u'"' + QString(text).remove(u'"') + u'"' : text);
}

} // namespace

SearchPage::SearchPage(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_query(new QLineEdit(this))
    , m_from(new QLineEdit(this))
    , m_to(new QLineEdit(this))
    , m_subject(new QLineEdit(this))
    , m_folder(new QLineEdit(this))
    , m_dates(new QCheckBox(tr("Date from"), this))
    , m_after(new QDateEdit(QDate::currentDate().addMonths(-1), this))
    , m_before(new QDateEdit(QDate::currentDate(), this))
    , m_attachments(new QCheckBox(tr("With attachments only"), this))
    , m_count(new QLabel(this))
    , m_snippet(new QTextBrowser(this))
    , m_model(new ClientCore::MessageTableModel(session, this))
    , m_results(new QTableView(this))
    , m_preview(new MessagePreview(session, this))
{
    m_query->setPlaceholderText(tr("Words, \"a phrase\", from:name, subject:word, -excluded, "
                                   "word*, date:2026-01-01..2026-03-31"));
    m_query->setClearButtonEnabled(true);
    m_folder->setPlaceholderText(tr("every archive I may read"));
    m_after->setCalendarPopup(true);
    m_before->setCalendarPopup(true);
    m_after->setEnabled(false);
    m_before->setEnabled(false);
    connect(m_dates, &QCheckBox::toggled, m_after, &QWidget::setEnabled);
    connect(m_dates, &QCheckBox::toggled, m_before, &QWidget::setEnabled);
    auto *searchButton = new QPushButton(tr("Search"), this);
    searchButton->setDefault(true);
    auto *saveButton = new QPushButton(tr("Save search…"), this);
    auto *exportButton = new QPushButton(tr("Export results…"), this);
    connect(searchButton, &QPushButton::clicked, this, &SearchPage::run);
    connect(m_query, &QLineEdit::returnPressed, this, &SearchPage::run);
    for (QLineEdit *filter : {m_from, m_to, m_subject, m_folder})
        connect(filter, &QLineEdit::returnPressed, this, &SearchPage::run);
    connect(saveButton, &QPushButton::clicked, this, &SearchPage::saveSearch);
    connect(exportButton, &QPushButton::clicked, this, [this]() {
        QStringList ids = selectedMessageIds(m_results);
        if (ids.isEmpty()) {
            for (int row = 0; row < m_model->rowCount(); ++row)
                ids << m_model->index(row, 0)
                           .data(ClientCore::MessageTableModel::IdRole)
                           .toString();
        }
        exportMessages(m_session, ids, this);
    });

    auto *filters = new QGridLayout;
    filters->addWidget(new QLabel(tr("From:"), this), 0, 0);
    filters->addWidget(m_from, 0, 1);
    filters->addWidget(new QLabel(tr("To:"), this), 0, 2);
    filters->addWidget(m_to, 0, 3);
    filters->addWidget(new QLabel(tr("Subject:"), this), 1, 0);
    filters->addWidget(m_subject, 1, 1);
    filters->addWidget(new QLabel(tr("Folder:"), this), 1, 2);
    filters->addWidget(m_folder, 1, 3);
    auto *dates = new QHBoxLayout;
    dates->addWidget(m_dates);
    dates->addWidget(m_after);
    dates->addWidget(new QLabel(tr("to"), this));
    dates->addWidget(m_before);
    dates->addSpacing(16);
    dates->addWidget(m_attachments);
    dates->addStretch();
    filters->addLayout(dates, 2, 0, 1, 4);

    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_query, 1);
    queryRow->addWidget(searchButton);
    queryRow->addWidget(saveButton);
    queryRow->addWidget(exportButton);

    m_results->setModel(m_model);
    setUpMessageTable(m_results);
    m_snippet->setMaximumHeight(m_snippet->fontMetrics().height() * 4);
    m_snippet->setOpenLinks(false);
    connect(
        m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) {
            if (!current.isValid())
                return;
            // The server marks the hits with <mark>, which Qt's rich text does not know;
            // everything else is escaped text.
            QString snippet = current.data(ClientCore::MessageTableModel::SnippetRole).toString();
            snippet.replace(u"<mark>"_s,
                            u"<span style='background-color:#ffe27a;font-weight:600'>"_s);
            snippet.replace(u"</mark>"_s, u"</span>"_s);
            m_snippet->setHtml(snippet);
            m_preview->showMessage(current.data(ClientCore::MessageTableModel::IdRole).toString());
        });
    const auto showCount = [this]() {
        m_count->setText(m_model->total() < 0 ? QString()
                                              : tr("%n message(s) found", nullptr,
                                                   static_cast<int>(m_model->total())));
    };
    connect(m_model, &ClientCore::MessageTableModel::pageLoaded, this, showCount);
    connect(m_model, &ClientCore::MessageTableModel::loadFailed, m_count, &QLabel::setText);

    auto *bottom = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_results, 1);
    topLayout->addWidget(m_snippet);
    bottom->addWidget(top);
    bottom->addWidget(m_preview);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(queryRow);
    layout->addLayout(filters);
    layout->addWidget(m_count);
    layout->addWidget(bottom, 1);
}

QString SearchPage::composedQuery() const
{
    QStringList parts;
    if (!m_query->text().trimmed().isEmpty())
        parts << m_query->text().trimmed();
    parts << term(u"from"_s, m_from->text()) << term(u"to"_s, m_to->text())
          << term(u"subject"_s, m_subject->text());
    if (m_dates->isChecked())
        parts << u"date:%1..%2"_s.arg(m_after->date().toString(Qt::ISODate),
                                      m_before->date().toString(Qt::ISODate));
    if (m_attachments->isChecked())
        parts << u"has:attachment"_s;
    parts.removeAll(QString());
    return parts.join(u' ');
}

void SearchPage::search(const QString &query)
{
    m_query->setText(query);
    run();
}

void SearchPage::run()
{
    m_preview->clear();
    m_snippet->clear();
    m_count->setText(tr("Searching…"));
    m_model->showSearch(composedQuery(), m_folder->text().trimmed());
}

void SearchPage::saveSearch()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save search"), tr("Name:"),
                                               QLineEdit::Normal, m_query->text(), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    Api::FormFields arguments{{u"name"_s, name.trimmed()}, {u"query"_s, composedQuery()}};
    if (!m_folder->text().trimmed().isEmpty())
        arguments.append({u"folder"_s, m_folder->text().trimmed()});
    m_session.call(u"SaveSearch"_s, arguments, this, [this](const Api::CallResult &result) {
        if (result.failure != Api::CallFailure::None ||
            result.envelope.statusCode != Api::StatusCode::Succeeded)
            QMessageBox::warning(this, tr("Save search"),
                                 result.failure != Api::CallFailure::None
                                     ? result.failureMessage
                                     : result.envelope.error->message);
    });
}

} // namespace Mailkeep::ClientWidgets
