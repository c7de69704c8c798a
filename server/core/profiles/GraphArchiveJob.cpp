#include "core/profiles/GraphArchiveJob.h"

#include "core/FolderPaths.h"
#include "core/GlobalProperties.h"
#include "core/IngestPipeline.h"
#include "core/UserRules.h"
#include "core/profiles/ImapArchiveJob.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

// How far a folder is archived: the link to ask next, and messages to try again.
struct FolderPosition
{
    QString link;
    QStringList retry;
};

FolderPosition positionFrom(const QString &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    FolderPosition position{json.value(u"link"_s).toString(), {}};
    for (const QJsonValue &id : json.value(u"retry"_s).toArray())
        position.retry << id.toString();
    return position;
}

QString positionText(const FolderPosition &position)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"link"_s, position.link},
                                  {u"retry"_s, QJsonArray::fromStringList(position.retry)}})
            .toJson(QJsonDocument::Compact));
}

struct Filters
{
    bool onlyRead = false;
    int olderThanDays = 0;
    qint64 maxSize = 0;
    bool deleteAfter = false;
    int deleteOlderThanDays = 0;
    QDateTime now;
};

// The archive folder for a mailbox folder: the one it went to before (by the folder's Graph
// id, so a rename changes nothing) while that is still below the target, or the mirrored path.
Result<FolderRecord> archiveFolderFor(ArchiveService &archive, const QStringList &root,
                                      const GraphFolder &folder, const QString &prefix)
{
    Result<QList<SourceCheckpoint>> before = archive.messages().checkpointsWithPrefix(prefix);
    if (!before.ok())
        return before.error();
    const QString rootPath = root.join(u'/') + u'/';
    for (const SourceCheckpoint &checkpoint : std::as_const(before.value())) {
        bool number = false;
        const qint64 id = checkpoint.key.mid(prefix.size()).toLongLong(&number);
        if (!number)
            continue;
        Result<std::optional<FolderRecord>> found = archive.folders().folderById(id);
        if (!found.ok())
            return found.error();
        if (found->has_value() && (*found)->path.startsWith(rootPath))
            return found->value();
    }
    Result<QStringList> segments =
        folderSegments((root + folder.path.split(u'/', Qt::SkipEmptyParts)).join(u'/'));
    if (!segments.ok())
        return segments.error();
    return archive.folders().ensureFolder(segments.value());
}

} // namespace

GraphArchiveJob::GraphArchiveJob(ArchiveService &archive, PropertyStore &globalProperties,
                                 GraphConnector connect, QString source)
    : m_archive(archive)
    , m_globalProperties(globalProperties)
    , m_connect(std::move(connect))
    , m_source(std::move(source))
{}

Status GraphArchiveJob::run(const ProfileRunContext &context, ProfileRunReport &report)
{
    const QJsonObject &properties = context.properties;
    const qint64 credentialId = properties.value(u"credentialId"_s).toInteger();
    const QString mailboxName = properties.value(u"mailbox"_s).toString().trimmed();
    Result<QString> user = UserRules::normaliseUserName(properties.value(u"userName"_s).toString());
    if (!user.ok())
        return user.error();
    const QString targetFolder = properties.value(u"targetFolder"_s).toString().trimmed();
    Result<QStringList> root =
        folderSegments(targetFolder.isEmpty() ? *user : *user + u'/' + targetFolder);
    if (!root.ok())
        return root.error();
    const Filters filters{properties.value(u"onlyRead"_s).toBool(false),
                          properties.value(u"olderThanDays"_s).toInt(0),
                          properties.value(u"maxSizeBytes"_s).toInteger(0),
                          properties.value(u"deleteAfterArchiving"_s).toBool(false),
                          properties.value(u"deleteOlderThanDays"_s).toInt(0),
                          QDateTime::currentDateTimeUtc()};
    // Which single-message failures the administrator does not count as errors.
    QSet<QString> skipped;
    for (const QString &name : GlobalProperty::names()) {
        Result<bool> on = GlobalProperty::value(m_globalProperties, name);
        if (!on.ok())
            return on.error();
        if (on.value())
            skipped.insert(name);
    }
    TaskProgress &progress = context.progress;
    const auto cancelled = [&progress] { return progress.isCancellationRequested(); };

    progress.report(0, u"Signing in to Microsoft 365 for %1"_s.arg(mailboxName));
    Result<std::unique_ptr<GraphMailbox>> connected =
        m_connect(credentialId, mailboxName, cancelled);
    if (!connected.ok())
        return connected.error();
    GraphMailbox &mailbox = **connected;
    Result<QList<GraphFolder>> listed = mailbox.folders();
    if (!listed.ok())
        return listed.error();
    // The folder choice of every mailbox profile, on Graph's folders.
    QList<MailboxFolder> asMailbox;
    QHash<QString, GraphFolder> byPath;
    for (const GraphFolder &folder : std::as_const(listed.value())) {
        asMailbox.append({folder.path, folder.role, true});
        byPath.insert(folder.path, folder);
    }
    const QList<MailboxFolder> chosen = ImapArchiveJob::selectFolders(asMailbox, properties);
    Result<ArchiveService::Target> target = m_archive.currentTarget();
    if (!target.ok())
        return target.error();
    IngestPipeline pipeline(m_archive, target.value(), report);

    // Progress and an estimate of the time left, from the folders' item counts and the pace
    // so far (which throttling sets).
    qint64 total = 0;
    for (const MailboxFolder &chosenFolder : chosen)
        total += byPath.value(chosenFolder.path).items;
    qint64 done = 0;
    QElapsedTimer clock;
    clock.start();
    const auto tell = [&](const QString &path) {
        const int percent =
            total > 0 ? static_cast<int>(std::min<qint64>(99, done * 100 / total)) : 0;
        QString text = u"Archiving %1: %2 of about %3 messages"_s.arg(path).arg(done).arg(total);
        if (done > 0 && total > done) {
            const qint64 left = clock.elapsed() / 1000 * (total - done) / done;
            text += u", about %1 min left"_s.arg(std::max<qint64>(1, (left + 59) / 60));
        }
        progress.report(percent, text);
    };

    QJsonArray folderReports;
    int conversionSkipped = 0;
    for (qsizetype f = 0; f < chosen.size(); ++f) {
        const GraphFolder folder = byPath.value(chosen.at(f).path);
        tell(folder.path);
        const QString prefix =
            u"%1:%2:%3:%4:"_s.arg(m_source).arg(credentialId).arg(mailboxName.toLower(), folder.id);
        Result<FolderRecord> archiveFolder =
            archiveFolderFor(m_archive, root.value(), folder, prefix);
        if (!archiveFolder.ok()) {
            report.failures.append({folder.path, archiveFolder.error().message});
            continue;
        }
        const QString key = prefix + QString::number(archiveFolder->id);
        Result<std::optional<QString>> saved = m_archive.messages().checkpoint(key);
        if (!saved.ok())
            return saved.error();
        FolderPosition position = saved.value() ? positionFrom(**saved) : FolderPosition{};
        const int archivedBefore = report.archived;
        const qsizetype failuresBefore = report.failures.size();
        int fetched = 0;
        int failed = 0;
        bool rescanned = false;
        QList<std::pair<QString, QDateTime>> added; // for the deletion rule
        QStringList retryIds = position.retry;      // tried first, with the first page
        QString link = position.link;
        std::optional<Result<GraphDeltaPage>> fetchedAhead;
        for (;;) {
            if (progress.isCancellationRequested()) {
                (void)pipeline.flush();
                return Error(ErrorCode::Cancelled, u"The run was cancelled."_s);
            }
            Result<GraphDeltaPage> page =
                fetchedAhead ? std::move(*fetchedAhead) : mailbox.delta(folder.id, link);
            fetchedAhead.reset();
            if (!page.ok()) {
                if (page.error().code == ErrorCode::Cancelled)
                    return page.error();
                report.failures.append({folder.path, page.error().message});
                break;
            }
            if (page->syncStateLost) {
                if (link.isEmpty())
                    return Error(
                        ErrorCode::Unavailable,
                        u"Microsoft Graph lost the state of a new round of %1."_s.arg(folder.path));
                rescanned = true; // a full round; the duplicate check keeps it harmless
                link.clear();
                continue;
            }
            QList<QString> ids = std::exchange(retryIds, {});
            QHash<QString, QDateTime> received;
            for (const GraphChange &change : std::as_const(page->changes)) {
                if (change.removed || (filters.onlyRead && !change.read))
                    continue;
                if (filters.olderThanDays > 0 && change.received.isValid() &&
                    change.received.daysTo(filters.now) < filters.olderThanDays)
                    continue;
                if (!ids.contains(change.id))
                    ids.append(change.id);
                received.insert(change.id, change.received);
            }
            QStringList stillFailing;
            Status stopped;
            const auto archiveOne = [&](qsizetype index, Result<QByteArray> raw) {
                const QString id = ids.at(index);
                const QString sourceId = u"%1/%2"_s.arg(folder.path, id);
                if (!raw.ok()) {
                    if (raw.error().code == ErrorCode::NotFound)
                        return; // deleted in the mailbox meanwhile
                    // Cancelled, or no sign-in any more: the run ends (what is in stays).
                    if (raw.error().code == ErrorCode::Cancelled ||
                        raw.error().code == ErrorCode::Unauthenticated) {
                        stopped = raw.error();
                        return;
                    }
                    stillFailing << id;
                    if (skipped.contains(mailbox.skipPropertyFor(raw.error()))) {
                        ++conversionSkipped;
                        return;
                    }
                    ++failed;
                    report.failures.append({sourceId, raw.error().message});
                    return;
                }
                ++fetched;
                if (filters.maxSize > 0 && raw->size() > filters.maxSize)
                    return;
                if (Status queued = pipeline.add(std::move(raw).value(), archiveFolder->id,
                                                 {sourceId, context.profile.name, folder.path, {}});
                    !queued.ok()) {
                    stopped = queued;
                    return;
                }
                added.append({id, received.value(id)});
            };
            // The next page comes along with this page's messages.
            if (!page->nextLink.isEmpty())
                fetchedAhead = mailbox.fetchAndNextPage(ids, page->nextLink, archiveOne);
            else
                mailbox.fetch(ids, archiveOne);
            if (!stopped.ok())
                return stopped;
            done += ids.size();
            tell(folder.path);
            link = !page->nextLink.isEmpty() ? page->nextLink : page->deltaLink;
            pipeline.advance({key, positionText({link, stillFailing})});
            if (!page->deltaLink.isEmpty() || link.isEmpty())
                break;
        }
        if (Status flushed = pipeline.flush(); !flushed.ok())
            return flushed;

        int deleted = 0;
        if (filters.deleteAfter && !added.isEmpty()) {
            // Not what the pipeline could not store: it stays in the mailbox.
            QSet<QString> notStored;
            for (qsizetype i = failuresBefore; i < report.failures.size(); ++i)
                notStored.insert(report.failures.at(i).first);
            QStringList doomed;
            for (const auto &[id, when] : std::as_const(added)) {
                if (notStored.contains(u"%1/%2"_s.arg(folder.path, id)))
                    continue;
                if (filters.deleteOlderThanDays > 0 &&
                    (!when.isValid() || when.daysTo(filters.now) < filters.deleteOlderThanDays))
                    continue;
                doomed << id;
            }
            if (Status removed = mailbox.remove(doomed); !removed.ok())
                report.failures.append(
                    {folder.path,
                     u"Archived, but not deleted from the mailbox: "_s + removed.error().message});
            else
                deleted = static_cast<int>(doomed.size());
        }
        folderReports.append(QJsonObject{{u"folder"_s, folder.path},
                                         {u"archiveFolder"_s, archiveFolder->path},
                                         {u"onServer"_s, folder.items},
                                         {u"fetched"_s, fetched},
                                         {u"archived"_s, report.archived - archivedBefore},
                                         {u"failed"_s, failed},
                                         {u"deleted"_s, deleted},
                                         {u"rescanned"_s, rescanned}});
    }
    report.details = QJsonObject{{u"mailbox"_s, mailboxName},
                                 {u"folders"_s, folderReports},
                                 {u"conversionFailuresSkipped"_s, conversionSkipped},
                                 {m_source.section(u'-', 0, 0), mailbox.statistics()}};
    return {};
}

} // namespace Mailkeep::Core
