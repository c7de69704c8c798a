#include "widgets/ListPages.h"

#include "widgets/LongCall.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

ServerListPage::ServerListPage(ClientCore::ConsoleSession &session, QString title, QString function,
                               Api::FormFields arguments, QList<Column> columns, QString emptyText,
                               QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_function(std::move(function))
    , m_arguments(std::move(arguments))
    , m_columns(std::move(columns))
    , m_emptyText(std::move(emptyText))
    , m_status(new QLabel(this))
    , m_outcome(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    QStringList headers;
    for (const Column &column : m_columns)
        headers << column.title;
    m_list->setHeaderLabels(headers);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(0, Qt::AscendingOrder);
    m_list->header()->setStretchLastSection(true);
    m_status->setWordWrap(true);
    m_outcome->setWordWrap(true);
    m_outcome->hide();
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &ServerListPage::refresh);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(u"<h2>%1</h2>"_s.arg(title.toHtmlEscaped()), this), 1);
    m_buttons = new QHBoxLayout;
    top->addLayout(m_buttons);
    top->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_outcome);
    layout->addWidget(m_status);
    layout->addWidget(m_list, 1);
}

namespace {

constexpr int kRowRole = Qt::UserRole;

QJsonValue fieldOf(const QJsonObject &row, const QString &field)
{
    QJsonValue value = row;
    for (const QString &name : field.split(u'.'))
        value = value.toObject().value(name);
    return value;
}

} // namespace

void ServerListPage::addLongAction(const QString &label, const QString &function,
                                   Api::FormFields arguments)
{
    auto *button = new QPushButton(label, this);
    m_buttons->addWidget(button);
    connect(button, &QPushButton::clicked, this,
            [this, label, function, arguments]() { runLong(label, function, arguments); });
}

void ServerListPage::addRowAction(const QString &label, const QString &function,
                                  const QString &argument, const QString &field)
{
    auto *button = new QPushButton(label, this);
    button->setEnabled(false);
    m_buttons->addWidget(button);
    connect(m_list, &QTreeWidget::currentItemChanged, button,
            [button](QTreeWidgetItem *current) { button->setEnabled(current != nullptr); });
    connect(button, &QPushButton::clicked, this, [this, label, function, argument, field]() {
        const QTreeWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        const QJsonValue value = fieldOf(item->data(0, kRowRole).toJsonObject(), field);
        runLong(
            label, function,
            {{argument, value.isDouble() ? QString::number(value.toInteger()) : value.toString()}});
    });
}

void ServerListPage::runLong(const QString &label, const QString &function,
                             const Api::FormFields &arguments)
{
    const auto show = [this](const QString &text) {
        m_outcome->setText(text);
        m_outcome->setVisible(!text.isEmpty());
        refresh();
    };
    runLongCallForResult(
        m_session, this, label, function, arguments,
        [label, show](const QJsonValue &) { show(tr("%1: done.").arg(label)); }, show);
}

QString ServerListPage::plainText(const QJsonValue &cell)
{
    if (cell.isDouble())
        return QString::number(cell.toDouble(), 'f', 0);
    if (cell.isBool())
        return cell.toBool() ? tr("yes") : tr("no");
    const QString text = cell.toString();
    // Times come as ISO 8601 in UTC; people read them in their own zone and format.
    if (text.size() >= 19 && text.at(10) == u'T') {
        const QDateTime time = QDateTime::fromString(text, Qt::ISODate);
        if (time.isValid())
            return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
    }
    return text;
}

void ServerListPage::refresh()
{
    if (!m_session.serverHas(m_function)) {
        m_list->clear();
        m_status->setText(m_emptyText);
        return;
    }
    m_status->setText(tr("Loading…"));
    m_session.call(m_function, m_arguments, this, [this](const Api::CallResult &r) {
        m_list->clear();
        if (r.failure != Api::CallFailure::None ||
            r.envelope.statusCode != Api::StatusCode::Succeeded) {
            m_status->setText(r.failure != Api::CallFailure::None ? r.failureMessage
                                                                  : r.envelope.error->message);
            return;
        }
        for (const QJsonValue &value : r.envelope.result.toArray()) {
            const QJsonObject row = value.toObject();
            if (m_filter && !m_filter(row))
                continue;
            QStringList cells;
            for (const Column &column : m_columns) {
                const QJsonValue cell = fieldOf(row, column.field);
                cells << (column.format ? column.format(cell) : plainText(cell));
            }
            auto *item = new QTreeWidgetItem(m_list, cells);
            item->setData(0, kRowRole, row);
        }
        m_status->setText(m_list->topLevelItemCount() == 0 ? m_emptyText : QString());
        for (int i = 0; i < m_columns.size(); ++i)
            m_list->resizeColumnToContents(i);
    });
}

} // namespace Mailkeep::ClientWidgets
