#include "widgets/ProfileConversionPage.h"

#include "widgets/LongCall.h"
#include "widgets/OutcomeLabel.h"
#include "widgets/ProfileTypeNames.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::ClientWidgets {

namespace {

constexpr int kRowRole = Qt::UserRole;
const QString kAutomatic = u"automatic"_s;
const QString kNotSupported = u"notSupported"_s;

QString durationText(double seconds)
{
    const qint64 minutes = static_cast<qint64>(std::ceil(seconds / 60));
    if (minutes < 2)
        return ProfileConversionPage::tr("about a minute");
    if (minutes < 120)
        return ProfileConversionPage::tr("about %n minute(s)", nullptr, static_cast<int>(minutes));
    return ProfileConversionPage::tr("about %n hour(s)", nullptr,
                                     static_cast<int>(std::ceil(minutes / 60.0)));
}

QString countText(const QJsonValue &count)
{
    return count.isDouble() ? QLocale().toString(count.toInteger())
                            : ProfileConversionPage::tr("not seen");
}

} // namespace

ProfileConversionPage::ProfileConversionPage(ClientCore::ConsoleSession &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_summary(new QLabel(this))
    , m_profiles(new QTreeWidget(this))
    , m_test(new QPushButton(tr("Test conversion"), this))
    , m_convert(new QPushButton(tr("Convert…"), this))
    , m_preflight(new QPushButton(tr("Pre-flight report"), this))
    , m_outcome(new OutcomeLabel(this))
    , m_details(new QTreeWidget(this))
    , m_detailText(new QLabel(this))
{
    // The selected row's texts in full: findings and fixes are often longer than a column.
    m_detailText->setObjectName(u"conversionDetail"_s);
    m_detailText->setWordWrap(true);
    m_detailText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailText->setTextFormat(Qt::RichText);
    m_detailText->hide();
    connect(m_details, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        QStringList parts;
        for (int column = 2; current && column < m_details->columnCount(); ++column) {
            if (!current->text(column).isEmpty())
                parts << u"<b>%1:</b> %2"_s.arg(
                    m_details->headerItem()->text(column).toHtmlEscaped(),
                    current->text(column).toHtmlEscaped());
        }
        m_detailText->setText(parts.join(u"<br>"_s));
        m_detailText->setVisible(!parts.isEmpty());
    });
    m_summary->setWordWrap(true);
    m_summary->setObjectName(u"conversionSummary"_s);
    m_outcome->setObjectName(u"conversionOutcome"_s);
    m_profiles->setHeaderLabels({tr("Profile"), tr("Kind"), tr("Type"), tr("Protocol"),
                                 tr("When EWS ends"), tr("Becomes"), tr("Why")});
    m_profiles->setRootIsDecorated(false);
    m_profiles->setUniformRowHeights(true);
    m_profiles->header()->setStretchLastSection(true);
    m_details->setRootIsDecorated(true);
    m_details->header()->setStretchLastSection(true);
    m_details->hide();

    m_test->setToolTip(tr("Builds the converted profile and tests it without saving anything."));
    m_convert->setToolTip(tr("Tests the conversion and, once every check has passed and you "
                             "confirm, saves the profile with its new protocol."));
    m_preflight->setToolTip(tr("Lists the folders and item counts as EWS and Microsoft Graph see "
                               "them, and estimates how long the first Graph run takes."));
    connect(m_test, &QPushButton::clicked, this, &ProfileConversionPage::testSelected);
    connect(m_convert, &QPushButton::clicked, this, &ProfileConversionPage::convertSelected);
    connect(m_preflight, &QPushButton::clicked, this, &ProfileConversionPage::preflightSelected);
    connect(m_profiles, &QTreeWidget::currentItemChanged, this,
            &ProfileConversionPage::updateButtons);
    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    connect(refreshButton, &QPushButton::clicked, this, &ProfileConversionPage::refresh);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(u"<h2>%1</h2>"_s.arg(
                                  tr("Microsoft 365 Profile Conversion Tool").toHtmlEscaped()),
                              this),
                   1);
    top->addWidget(refreshButton);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_test, m_convert, m_preflight})
        buttons->addWidget(button);
    buttons->addStretch(1);

    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(buttons);
    lowerLayout->addWidget(m_outcome);
    lowerLayout->addWidget(m_details, 1);
    lowerLayout->addWidget(m_detailText);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_profiles);
    splitter->addWidget(lower);
    // A handful of profiles above; the checks with their fixes, or a mailbox's folders, below.
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({240, 360});

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
    updateButtons();
}

QString ProfileConversionPage::summary() const
{
    return m_summary->text();
}

QString ProfileConversionPage::outcome() const
{
    return m_outcome->shown();
}

void ProfileConversionPage::refresh()
{
    if (!m_session.serverHas(u"GetMicrosoft365ProfileConversions"_s)) {
        m_profiles->clear();
        m_summary->setText(tr("This server has no conversion tool."));
        updateButtons();
        return;
    }
    m_summary->setText(tr("Loading…"));
    m_session.call(u"GetMicrosoft365ProfileConversions"_s, {}, this,
                   [this](const Api::CallResult &r) {
                       if (r.failure != Api::CallFailure::None ||
                           r.envelope.statusCode != Api::StatusCode::Succeeded) {
                           m_profiles->clear();
                           m_summary->setText(r.failure != Api::CallFailure::None ? r.failureMessage
                                              : r.envelope.error
                                                  ? r.envelope.error->message
                                                  : tr("The server did not list the profiles."));
                           updateButtons();
                           return;
                       }
                       showProfiles(r.envelope.result.toObject());
                   });
}

void ProfileConversionPage::showProfiles(const QJsonObject &overview)
{
    const qint64 selectedId = selected().value(u"id"_s).toInteger();
    m_profiles->clear();
    const QJsonObject counts = overview[u"counts"_s].toObject();
    const int automatic = counts[u"automatic"_s].toInt();
    const int unsupported = counts[u"notSupported"_s].toInt();
    const int notNeeded = counts[u"notNeeded"_s].toInt();
    const QString ends = QLocale().toString(QDate(2027, 4, 1), QLocale::LongFormat);
    QStringList lines{tr("Microsoft switches EWS off on %1, in %n day(s); tenants have been "
                         "blocking it since 1 October 2026 unless they allowed it again.",
                         nullptr, overview[u"daysUntilEwsEnds"_s].toInt())
                          .arg(ends)};
    if (automatic + unsupported + notNeeded == 0)
        lines << tr("There are no Microsoft 365 profiles: nothing to convert.");
    if (automatic > 0)
        lines << tr("%n profile(s) still use EWS and can be converted: test them, then convert.",
                    nullptr, automatic);
    if (unsupported > 0)
        lines << tr("%n profile(s) archive archive mailboxes or public folders, which Microsoft "
                    "Graph cannot reach: they stop working when EWS ends.",
                    nullptr, unsupported);
    if (notNeeded > 0)
        lines << tr("%n profile(s) already use Microsoft Graph or IMAP.", nullptr, notNeeded);
    m_summary->setText(lines.join(u'\n'));

    QStyle *look = style();
    for (const QJsonValue &value : overview[u"profiles"_s].toArray()) {
        const QJsonObject row = value.toObject();
        const QString category = row[u"category"_s].toString();
        const QString convertsTo = row[u"convertsTo"_s].toString();
        const QString fate = category == kAutomatic      ? tr("Converted automatically")
                             : category == kNotSupported ? tr("Stops working")
                                                         : tr("Not needed");
        auto *item = new QTreeWidgetItem(
            m_profiles, {row[u"name"_s].toString(),
                         row[u"kind"_s].toString() == u"export"_s ? tr("Export") : tr("Archiving"),
                         profileTypeName(row[u"type"_s].toString()), row[u"protocol"_s].toString(),
                         fate, convertsTo.isEmpty() ? QString() : profileTypeName(convertsTo),
                         row[u"reason"_s].toString()});
        item->setData(0, kRowRole, row);
        item->setToolTip(6, row[u"reason"_s].toString());
        item->setIcon(4, look->standardIcon(category == kAutomatic ? QStyle::SP_MessageBoxWarning
                                            : category == kNotSupported
                                                ? QStyle::SP_MessageBoxCritical
                                                : QStyle::SP_DialogApplyButton));
        if (row[u"id"_s].toInteger() == selectedId)
            m_profiles->setCurrentItem(item);
    }
    for (int column = 0; column < 6; ++column)
        m_profiles->resizeColumnToContents(column);
    updateButtons();
}

QJsonObject ProfileConversionPage::selected() const
{
    const QTreeWidgetItem *item = m_profiles->currentItem();
    return item ? item->data(0, kRowRole).toJsonObject() : QJsonObject();
}

void ProfileConversionPage::updateButtons()
{
    const QJsonObject row = selected();
    const bool convertible = row[u"category"_s].toString() == kAutomatic;
    m_test->setEnabled(convertible);
    m_convert->setEnabled(convertible);
    // The pre-flight compares mailbox folders; an export has none to compare.
    m_preflight->setEnabled(convertible && row[u"kind"_s].toString() != u"export"_s);
}

void ProfileConversionPage::setOutcome(const QString &text, bool good)
{
    m_outcome->showOutcome(text, good);
}

void ProfileConversionPage::callOnSelected(const QString &title, const QString &function,
                                           std::function<void(const QJsonObject &)> done)
{
    const QJsonObject row = selected();
    if (!row.isEmpty())
        callOnProfile(row[u"id"_s].toInteger(), title, function, std::move(done));
}

void ProfileConversionPage::callOnProfile(qint64 id, const QString &title, const QString &function,
                                          std::function<void(const QJsonObject &)> done)
{
    runLongCallForResult(
        m_session, this, title, function, {{u"id"_s, QString::number(id)}},
        [done](const QJsonValue &result) { done(result.toObject()); },
        [this](const QString &reason) { setOutcome(reason, false); });
}

void ProfileConversionPage::showChecks(const QJsonObject &tested)
{
    m_details->clear();
    m_detailText->hide();
    m_details->setRootIsDecorated(false);
    m_details->setHeaderLabels({tr("Check"), tr("Result"), tr("What was seen"), tr("How to fix")});
    QStyle *look = style();
    for (const QJsonValue &value : tested[u"checks"_s].toArray()) {
        const QJsonObject check = value.toObject();
        const bool passed = check[u"passed"_s].toBool();
        auto *item = new QTreeWidgetItem(
            m_details, {check[u"check"_s].toString(), passed ? tr("Passed") : tr("Failed"),
                        check[u"message"_s].toString(), check[u"fix"_s].toString()});
        item->setIcon(1, look->standardIcon(passed ? QStyle::SP_DialogApplyButton
                                                   : QStyle::SP_MessageBoxCritical));
        for (int column : {2, 3})
            item->setToolTip(column, item->text(column));
        // The first failure is what to read first.
        if (!passed && !m_details->currentItem())
            m_details->setCurrentItem(item);
    }
    for (int column = 0; column < 2; ++column)
        m_details->resizeColumnToContents(column);
    // What was seen and how to fix it share the rest; the full texts are in the tooltips.
    const int rest =
        m_details->viewport()->width() - m_details->columnWidth(0) - m_details->columnWidth(1);
    m_details->setColumnWidth(2, std::max(200, rest * 2 / 5));
    m_details->show();
}

void ProfileConversionPage::testSelected()
{
    callOnSelected(tr("Test conversion"), u"TestMicrosoft365ProfileConversion"_s,
                   [this](const QJsonObject &tested) {
                       showChecks(tested);
                       const QString to = profileTypeName(tested[u"to"_s].toString());
                       setOutcome(tested[u"passed"_s].toBool()
                                      ? tr("Every check passed: %1 can be converted to %2. "
                                           "Nothing was saved.")
                                            .arg(tested[u"name"_s].toString(), to)
                                      : tr("Not every check passed: fix what is listed below, "
                                           "then test again. Nothing was saved."),
                                  tested[u"passed"_s].toBool());
                   });
}

void ProfileConversionPage::convertSelected()
{
    // The profile chosen now, whatever a refresh meanwhile does to the list.
    const qint64 id = selected().value(u"id"_s).toInteger();
    if (id == 0)
        return;
    // The test first: the conversion is offered only when it would be accepted.
    callOnProfile(id, tr("Convert"), u"TestMicrosoft365ProfileConversion"_s,
                  [this, id](const QJsonObject &tested) {
                      showChecks(tested);
                      if (!tested[u"passed"_s].toBool()) {
                          setOutcome(tr("%1 was not converted: fix the failed checks below first.")
                                         .arg(tested[u"name"_s].toString()),
                                     false);
                          return;
                      }
                      // Asked once the test's progress dialog is gone, not inside its answer.
                      QTimer::singleShot(0, this,
                                         [this, id, tested]() { confirmAndConvert(id, tested); });
                  });
}

void ProfileConversionPage::confirmAndConvert(qint64 id, const QJsonObject &tested)
{
    const QString name = tested[u"name"_s].toString();
    const QString to = profileTypeName(tested[u"to"_s].toString());
    const auto answer = QMessageBox::question(
        this, tr("Convert profile"),
        tr("Every check passed. Convert %1 to %2?\n\nThe profile keeps its name, owner, "
           "schedule, target, folders, filters and deletion rules, and its next run goes "
           "on where EWS left off, without archiving anything twice.")
            .arg(name, to));
    if (answer != QMessageBox::Yes) {
        setOutcome(tr("%1 was not converted.").arg(name), false);
        return;
    }
    callOnProfile(id, tr("Convert"), u"ConvertMicrosoft365Profile"_s,
                  [this, name, to](const QJsonObject &converted) {
                      showChecks(converted);
                      setOutcome(tr("%1 now uses %2 (%n folder(s) handed over).", nullptr,
                                    converted[u"foldersHandedOver"_s].toInt())
                                     .arg(name, to),
                                 true);
                      refresh();
                      Q_EMIT profileConverted();
                  });
}

void ProfileConversionPage::preflightSelected()
{
    callOnSelected(tr("Pre-flight report"), u"GetMicrosoft365ConversionPreflight"_s,
                   [this](const QJsonObject &report) { showPreflight(report); });
}

void ProfileConversionPage::showPreflight(const QJsonObject &report)
{
    m_details->clear();
    m_detailText->hide();
    m_details->setRootIsDecorated(true);
    m_details->setHeaderLabels(
        {tr("Mailbox and folders"), tr("Items via EWS"), tr("Items via Graph"), tr("Note")});
    QStyle *look = style();
    int unreachable = 0;
    int unread = 0;
    for (const QJsonValue &value : report[u"mailboxes"_s].toArray()) {
        const QJsonObject mailbox = value.toObject();
        QStringList problems;
        for (const QString &key : {u"ewsError"_s, u"graphError"_s}) {
            if (mailbox.contains(key))
                problems << mailbox[key].toString();
        }
        auto *top = new QTreeWidgetItem(
            m_details,
            {mailbox[u"mailbox"_s].toString(), QString(), QString(),
             problems.isEmpty()
                 ? tr("First Graph run: %1")
                       .arg(durationText(mailbox[u"estimatedFirstRunSeconds"_s].toDouble()))
                 : problems.join(u' ')});
        if (!problems.isEmpty()) {
            top->setIcon(3, look->standardIcon(QStyle::SP_MessageBoxCritical));
            top->setToolTip(3, problems.join(u'\n'));
            ++unread;
        }
        const QJsonArray notReached = mailbox[u"notReachedByGraph"_s].toArray();
        for (const QJsonValue &folderValue : mailbox[u"folders"_s].toArray()) {
            const QJsonObject folder = folderValue.toObject();
            const bool missing = notReached.contains(folder[u"folder"_s]);
            auto *item = new QTreeWidgetItem(
                top, {folder[u"folder"_s].toString(), countText(folder[u"ewsItems"_s]),
                      countText(folder[u"graphItems"_s]),
                      missing ? tr("Microsoft Graph does not reach this folder: its mail is not "
                                   "archived after the conversion.")
                              : QString()});
            if (missing) {
                item->setIcon(3, look->standardIcon(QStyle::SP_MessageBoxWarning));
                ++unreachable;
            }
        }
        top->setExpanded(true);
    }
    for (int column = 0; column < 3; ++column)
        m_details->resizeColumnToContents(column);
    m_details->show();
    // An estimate from a mailbox that could not be read would promise too much.
    QString text =
        unread > 0
            ? tr("%n mailbox(es) could not be read through both EWS and Microsoft Graph: see the "
                 "note, fix it and run the report again.",
                 nullptr, unread)
            : tr("The first Graph run of %1 takes %2.")
                  .arg(report[u"name"_s].toString(),
                       durationText(report[u"estimatedFirstRunSeconds"_s].toDouble()));
    if (unreachable > 0)
        text += u' ' + tr("%n folder(s) are not reached by Microsoft Graph.", nullptr, unreachable);
    setOutcome(text, unread == 0 && unreachable == 0);
}

} // namespace Mailkeep::ClientWidgets
