#include "widgets/DashboardPage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDate>
#include <QDialog>
#include <QFrame>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

namespace {

constexpr int kDays = 30;

QChartView *chartView(QWidget *parent)
{
    auto *view = new QChartView(parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    return view;
}

QJsonValue resultOf(const Api::CallResult &result)
{
    if (result.failure != Api::CallFailure::None ||
        result.envelope.statusCode != Api::StatusCode::Succeeded)
        return {};
    return result.envelope.result;
}

// A bar chart of one or more sets over named categories.
QChart *barChart(const QString &title, const QStringList &categories,
                 const QList<std::pair<QString, QList<double>>> &sets, bool horizontal = false)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    auto *series = new QBarSeries;
    double highest = 1;
    for (const auto &[name, values] : sets) {
        auto *set = new QBarSet(name);
        for (const double value : values) {
            *set << value;
            highest = std::max(highest, value);
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto *names = new QBarCategoryAxis;
    names->append(categories);
    auto *values = new QValueAxis;
    values->setRange(0, std::max(4.0, highest));
    values->applyNiceNumbers(); // 0, 5, 10 rather than 0, 1.2, 2.4
    values->setLabelFormat(u"%.0f"_s);
    chart->addAxis(names, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(names);
    series->attachAxis(values);
    chart->legend()->setVisible(sets.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

} // namespace

DashboardPage::DashboardPage(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_totals(new QLabel(this))
    , m_perDay(chartView(this))
    , m_perStore(chartView(this))
    , m_results(new QTreeWidget(this))
    , m_warnings(new QFrame(this))
    , m_warningRows(new QVBoxLayout(m_warnings))
{
    m_totals->setTextFormat(Qt::RichText);
    m_totals->setWordWrap(true);
    m_results->setHeaderLabels(
        {tr("Run"), tr("User"), tr("Started"), tr("Archived"), tr("Failed")});
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    connect(m_results, &QTreeWidget::itemActivated, this, &DashboardPage::openReport);
    m_warnings->setFrameShape(QFrame::StyledPanel);
    m_warnings->setBackgroundRole(QPalette::Base);
    m_warnings->setAutoFillBackground(true);
    m_warningRows->setContentsMargins(6, 4, 6, 4);
    m_warningRows->setSpacing(4);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);

    auto *heading = new QLabel(tr("<h2>Dashboard</h2>"), this);
    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    top->addWidget(refreshButton);
    auto *grid = new QGridLayout;
    grid->addWidget(m_perDay, 0, 0);
    grid->addWidget(m_perStore, 0, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_totals);
    layout->addWidget(m_warnings);
    layout->addLayout(grid, 3);
    layout->addWidget(new QLabel(tr("Latest archiving runs (double-click for the report):"), this));
    layout->addWidget(m_results, 2);
    refresh();
}

void DashboardPage::addWarning(const QString &text, const QString &actionText,
                               void (DashboardPage::*action)())
{
    auto *row = new QHBoxLayout;
    auto *icon = new QLabel(m_warnings);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(16, 16));
    icon->setAlignment(Qt::AlignTop);
    auto *sentence = new QLabel(text, m_warnings);
    sentence->setObjectName(u"warning"_s);
    sentence->setWordWrap(true);
    sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row->addWidget(icon);
    row->addWidget(sentence, 1);
    if (action) {
        auto *button = new QPushButton(actionText, m_warnings);
        button->setObjectName(u"warningAction"_s);
        connect(button, &QPushButton::clicked, this, action);
        row->addWidget(button, 0, Qt::AlignTop);
    }
    m_warningRows->addLayout(row);
    m_warnings->show();
}

QStringList DashboardPage::warnings() const
{
    QStringList lines;
    for (const QLabel *sentence : m_warnings->findChildren<QLabel *>(u"warning"_s))
        lines << sentence->text();
    return lines;
}

void DashboardPage::refresh()
{
    while (QLayoutItem *row = m_warningRows->takeAt(0)) {
        while (QLayoutItem *part = row->layout()->takeAt(0)) {
            delete part->widget();
            delete part;
        }
        delete row;
    }
    m_warnings->hide();
    const bool admin = m_session.isAdmin();
    m_perStore->setVisible(admin);
    if (admin) {
        m_session.call(u"GetStores"_s, {{u"includeSize"_s, u"true"_s}}, this,
                       [this](const Api::CallResult &r) { showStores(resultOf(r).toArray()); });
        m_session.call(u"GetGlobalProperties"_s, {}, this, [this](const Api::CallResult &r) {
            // Backups come with a later version; until then the warning says so.
            if (!resultOf(r)[u"public.backup.hideNotDetectedWarningMessage"_s].toBool())
                addWarning(tr("No backup of the archive was found. (Hide this warning with "
                              "store-setprop --name=public.backup.hideNotDetectedWarningMessage "
                              "--value=true.)"));
        });
        m_session.call(u"GetCredentials"_s, {}, this, [this](const Api::CallResult &r) {
            showCredentialExpiry(resultOf(r).toArray());
        });
        if (m_session.serverHas(u"GetMicrosoft365ProfileConversions"_s))
            m_session.call(
                u"GetMicrosoft365ProfileConversions"_s, {}, this,
                [this](const Api::CallResult &r) { showEwsProfiles(resultOf(r).toObject()); });

    } else {
        m_totals->setText(tr("Signed in as <b>%1</b>.").arg(m_session.userName().toHtmlEscaped()));
    }
    m_session.call(u"GetArchiveStatistics"_s, {{u"days"_s, QString::number(kDays)}}, this,
                   [this](const Api::CallResult &r) {
                       showPerDay(resultOf(r)[u"archivedPerDay"_s].toArray());
                   });
    const QDate today = QDate::currentDate();
    m_session.call(u"GetWorkerResults"_s,
                   {{u"fromIncluding"_s, today.addDays(-(kDays - 1)).toString(Qt::ISODate)},
                    {u"toExcluding"_s, today.addDays(1).toString(Qt::ISODate)},
                    {u"timeZoneID"_s, u"$Local"_s}},
                   this, [this](const Api::CallResult &r) { showResults(resultOf(r).toArray()); });
}

// From 28 days before a Microsoft 365 credential's certificate expires (the server says when).
void DashboardPage::showCredentialExpiry(const QJsonArray &credentials)
{
    for (const QJsonValue &credential : credentials) {
        if (!credential[u"expiryWarning"_s].toBool())
            continue;
        const QString name = credential[u"description"_s].toString();
        const int days = credential[u"expiresInDays"_s].toInt();
        if (days < 0)
            addWarning(tr("The certificate of the Microsoft 365 credential \"%1\" has expired: "
                          "create a new certificate and upload it to Entra ID.")
                           .arg(name));
        else
            addWarning(tr("The certificate of the Microsoft 365 credential \"%1\" expires in %n "
                          "day(s): create a new certificate and upload it to Entra ID.",
                          nullptr, days)
                           .arg(name));
    }
}

// Microsoft ends EWS: profiles that still use it are converted, or stop working.
void DashboardPage::showEwsProfiles(const QJsonObject &conversions)
{
    const QJsonObject counts = conversions[u"counts"_s].toObject();
    const int days = conversions[u"daysUntilEwsEnds"_s].toInt();
    if (const int convertible = counts[u"automatic"_s].toInt(); convertible > 0)
        addWarning(tr("%n Microsoft 365 profile(s) still use EWS, which Microsoft switches off "
                      "in %1 days: convert them to Microsoft Graph with the Microsoft 365 profile "
                      "conversion tool.",
                      nullptr, convertible)
                       .arg(days),
                   tr("Open the conversion tool"), &DashboardPage::conversionToolRequested);
    if (const int unsupported = counts[u"notSupported"_s].toInt(); unsupported > 0)
        addWarning(tr("%n Microsoft 365 profile(s) archive archive mailboxes or public folders "
                      "over EWS; Microsoft Graph cannot reach them, so they stop working when "
                      "EWS ends (in %1 days, or sooner where the tenant blocks EWS).",
                      nullptr, unsupported)
                       .arg(days));
}

void DashboardPage::showStores(const QJsonArray &stores)
{
    double messages = 0, raw = 0, stored = 0;
    QStringList names;
    QList<double> rawMb, storedMb;
    for (const QJsonValue &store : stores) {
        messages += store[u"messageCount"_s].toDouble();
        raw += store[u"rawSize"_s].toDouble();
        stored += store[u"size"_s].toDouble(store[u"storedSize"_s].toDouble());
        names << store[u"name"_s].toString();
        rawMb << store[u"rawSize"_s].toDouble() / (1024.0 * 1024.0);
        storedMb << store[u"size"_s].toDouble(store[u"storedSize"_s].toDouble()) /
                        (1024.0 * 1024.0);
        const QString status = store[u"status"_s].toString();
        if (status == u"error"_s || status == u"locked"_s || status == u"disabled"_s)
            addWarning(tr("Archive store %1 is %2.")
                           .arg(store[u"name"_s].toString(), status == u"error"_s ? tr("in error")
                                                             : status == u"locked"_s
                                                                 ? tr("locked")
                                                                 : tr("disabled")));
    }
    const QLocale locale;
    m_totals->setText(
        tr("<b>%1</b> messages in %n archive store(s): <b>%2</b> of mail take <b>%3</b> on disk.",
           nullptr, static_cast<int>(stores.size()))
            .arg(locale.toString(static_cast<qint64>(messages)),
                 locale.formattedDataSize(static_cast<qint64>(raw)),
                 locale.formattedDataSize(static_cast<qint64>(stored))));
    static_cast<QChartView *>(m_perStore)
        ->setChart(barChart(tr("Storage per store (MB)"), names,
                            {{tr("Original mail"), rawMb}, {tr("On disk"), storedMb}}));
}

void DashboardPage::showResults(const QJsonArray &results)
{
    m_results->clear();
    for (const QJsonValue &run : results) {
        const QDateTime started =
            QDateTime::fromString(run[u"startTime"_s].toString(), Qt::ISODate);
        if (m_results->topLevelItemCount() >= 50)
            break;
        auto *item = new QTreeWidgetItem(
            m_results, {run[u"profileName"_s].toString(), run[u"userName"_s].toString(),
                        QLocale().toString(started.toLocalTime(), QLocale::ShortFormat),
                        QString::number(run[u"itemsArchived"_s].toInteger()),
                        QString::number(run[u"itemsFailed"_s].toInteger())});
        const QString outcome = run[u"result"_s].toString();
        item->setIcon(0,
                      style()->standardIcon(outcome == u"succeeded"_s ? QStyle::SP_DialogApplyButton
                                            : outcome == u"completedWithWarnings"_s
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxCritical));
        item->setToolTip(0, outcome);
        item->setData(0, Qt::UserRole, run[u"id"_s].toInteger());
    }
    for (int column = 1; column < m_results->columnCount(); ++column)
        m_results->resizeColumnToContents(column);
}

void DashboardPage::showPerDay(const QJsonArray &perDay)
{
    QList<double> counts;
    QStringList days;
    for (qsizetype i = 0; i < perDay.size(); ++i) {
        const QDate day = QDate::fromString(perDay[i][u"date"_s].toString(), Qt::ISODate);
        counts << perDay[i][u"archived"_s].toDouble();
        // The day of the month, every fifth day (category names must differ: blanks of
        // different length for the others).
        days << (i % 5 == 0 ? QString::number(day.day()) : QString(i + 1, u' '));
    }
    if (perDay.isEmpty())
        return;
    const QDate first = QDate::fromString(perDay.first()[u"date"_s].toString(), Qt::ISODate);
    const QDate last = QDate::fromString(perDay.last()[u"date"_s].toString(), Qt::ISODate);
    static_cast<QChartView *>(m_perDay)->setChart(barChart(
        tr("Messages archived per day, %1 to %2")
            .arg(QLocale().toString(first, u"d MMM"_s), QLocale().toString(last, u"d MMM"_s)),
        days, {{tr("Archived"), counts}}));
}

void DashboardPage::openReport(QTreeWidgetItem *item)
{
    const QString id = QString::number(item->data(0, Qt::UserRole).toLongLong());
    m_session.call(
        u"GetWorkerResultReport"_s, {{u"id"_s, id}}, this, [this](const Api::CallResult &r) {
            auto *dialog = new QDialog(this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->setWindowTitle(tr("Archiving report"));
            auto *text = new QPlainTextEdit(dialog);
            text->setReadOnly(true);
            const QJsonValue report = resultOf(r);
            text->setPlainText(report.isObject()
                                   ? QString::fromUtf8(QJsonDocument(report.toObject()).toJson())
                                   : tr("The report cannot be read."));
            auto *layout = new QVBoxLayout(dialog);
            layout->addWidget(text);
            dialog->resize(600, 500);
            dialog->show();
        });
}

} // namespace Mailkeep::ClientWidgets
