#include "core/profiles/ImapArchiveJob.h"

#include "core/FolderPaths.h"
#include "core/IngestPipeline.h"
#include "core/UserRules.h"
#include "core/profiles/FetchAhead.h"
#include "core/profiles/ImapFolderPositions.h"
#include "mime/MessageParser.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list << item.toString().trimmed();
    list.removeAll(QString());
    return list;
}

bool underAny(const QString &path, const QStringList &roots)
{
    for (const QString &root : roots) {
        if (path.compare(root, Qt::CaseInsensitive) == 0 ||
            path.startsWith(root + u'/', Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Each message into the archive folder that mirrors its mailbox folder (the inbox as "Inbox").
class MirrorRouter final : public MessageRouter
{
public:
    MirrorRouter(ArchiveService &archive, QStringList root)
        : m_archive(archive)
        , m_root(std::move(root))
    {}
    Result<Destination> beginFolder(const MailboxFolder &folder) override
    {
        QStringList path = m_root;
        path += folder.path.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0
                    ? QStringList{u"Inbox"_s}
                    : folder.path.split(u'/', Qt::SkipEmptyParts);
        Result<QStringList> segments = folderSegments(path.join(u'/'));
        if (!segments.ok())
            return segments.error();
        Result<FolderRecord> archiveFolder = m_archive.folders().ensureFolder(segments.value());
        if (!archiveFolder.ok())
            return archiveFolder.error();
        m_folderId = archiveFolder->id;
        return Destination{QString::number(archiveFolder->id), archiveFolder->path};
    }
    Result<Destination> continueFolder(const MailboxFolder &folder,
                                       const QString &formerCheckpointPart) override
    {
        bool isNumber = false;
        const qint64 formerId = formerCheckpointPart.toLongLong(&isNumber);
        if (!isNumber)
            return beginFolder(folder);
        Result<std::optional<FolderRecord>> former = m_archive.folders().folderById(formerId);
        if (!former.ok())
            return former.error();
        // Only while it is still below this profile's target (not deleted, not moved away).
        if (!former->has_value() || !(*former)->path.startsWith(m_root.join(u'/') + u'/'))
            return beginFolder(folder);
        m_folderId = (*former)->id;
        return Destination{formerCheckpointPart, (*former)->path};
    }
    Result<QList<Route>> route(const QByteArray &raw) override
    {
        return QList<Route>{{raw, m_folderId}};
    }

private:
    ArchiveService &m_archive;
    QStringList m_root;
    qint64 m_folderId = 0;
};

Result<std::unique_ptr<MessageRouter>> mirrorRouter(ArchiveService &archive,
                                                    const QStringList &root)
{
    return std::unique_ptr<MessageRouter>(std::make_unique<MirrorRouter>(archive, root));
}

} // namespace

ImapArchiveJob::ImapArchiveJob(ArchiveService &archive, MailboxConnector connect,
                               RouterFactory routers)
    : m_archive(archive)
    , m_connect(std::move(connect))
    , m_routers(std::move(routers))
{}

Result<ImapAccount> ImapArchiveJob::accountFrom(const QJsonObject &properties)
{
    ImapAccount account;
    account.host = properties.value(u"host"_s).toString().trimmed();
    const QString security = properties.value(u"security"_s).toString(u"tls"_s).toLower();
    if (security == u"tls"_s)
        account.security = ImapAccount::Security::Tls;
    else if (security == u"starttls"_s)
        account.security = ImapAccount::Security::StartTls;
    else if (security == u"none"_s)
        account.security = ImapAccount::Security::None;
    else
        return Error(ErrorCode::InvalidArgument, u"security is tls, starttls or none."_s);
    const int port = properties.value(u"port"_s).toInt(0);
    if (port < 0 || port > 65535)
        return Error(ErrorCode::InvalidArgument, u"port is between 1 and 65535."_s);
    account.port = static_cast<quint16>(
        port != 0 ? port : (account.security == ImapAccount::Security::Tls ? 993 : 143));
    account.userName = properties.value(u"imapUserName"_s).toString().trimmed();
    if (account.userName.isEmpty())
        account.userName = properties.value(u"userName"_s).toString().trimmed();
    account.password = properties.value(u"password"_s).toString();
    account.ignoreCertificateErrors = properties.value(u"ignoreCertificateErrors"_s).toBool(false);
    account.timeoutSeconds = properties.value(u"timeoutSeconds"_s).toInt(60);
    if (account.timeoutSeconds < 1)
        return Error(ErrorCode::InvalidArgument, u"timeoutSeconds is at least 1."_s);
    return account;
}

QList<MailboxFolder> ImapArchiveJob::selectFolders(const QList<MailboxFolder> &folders,
                                                   const QJsonObject &properties)
{
    const QStringList include = stringList(properties.value(u"includeFolders"_s));
    const QStringList exclude = stringList(properties.value(u"excludeFolders"_s));
    static const QStringList skippedRoles{u"trash"_s, u"junk"_s, u"drafts"_s};
    QList<MailboxFolder> selected;
    for (const MailboxFolder &folder : folders) {
        if (!folder.selectable || underAny(folder.path, exclude))
            continue;
        const bool named = underAny(folder.path, include);
        if (!include.isEmpty() && !named)
            continue;
        if (skippedRoles.contains(folder.role) && !named)
            continue;
        selected.append(folder);
    }
    // The inbox first, then by name: runs and their reports always go the same way.
    std::sort(selected.begin(), selected.end(), [](const MailboxFolder &a, const MailboxFolder &b) {
        const bool aInbox = a.path.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0;
        const bool bInbox = b.path.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0;
        if (aInbox != bInbox)
            return aInbox;
        return a.path < b.path;
    });
    return selected;
}

Status ImapArchiveJob::run(const ProfileRunContext &context, ProfileRunReport &report)
{
    const QJsonObject &properties = context.properties;
    Result<ImapAccount> account = accountFrom(properties);
    if (!account.ok())
        return account.error();
    // Mirrored folders go below the user's archive; a router of its own files by itself.
    QStringList root;
    if (!m_routers) {
        Result<QString> user =
            UserRules::normaliseUserName(properties.value(u"userName"_s).toString());
        if (!user.ok())
            return user.error();
        // Parsed whole: the first segment of a path is an archive's (user's) name.
        const QString targetFolder = properties.value(u"targetFolder"_s).toString().trimmed();
        Result<QStringList> rootSegments =
            folderSegments(targetFolder.isEmpty() ? *user : *user + u'/' + targetFolder);
        if (!rootSegments.ok())
            return rootSegments.error();
        root = rootSegments.value();
    }
    const bool onlyRead = properties.value(u"onlyRead"_s).toBool(false);
    const qint64 maxSize = properties.value(u"maxSizeBytes"_s).toInteger(0);
    const int olderThanDays = properties.value(u"olderThanDays"_s).toInt(0);
    const bool deleteAfter = properties.value(u"deleteAfterArchiving"_s).toBool(false);
    const int deleteOlderThanDays = properties.value(u"deleteOlderThanDays"_s).toInt(0);
    TaskProgress &progress = context.progress;

    progress.report(0, u"Connecting to %1"_s.arg(account->host));
    Result<std::unique_ptr<MailboxConnection>> connected =
        m_connect(*account, [&progress] { return progress.isCancellationRequested(); });
    if (!connected.ok())
        return connected.error();
    MailboxConnection &mailbox = **connected;
    Result<QList<MailboxFolder>> listed = mailbox.folders();
    if (!listed.ok())
        return listed.error();
    const QList<MailboxFolder> folders = selectFolders(*listed, properties);
    Result<ArchiveService::Target> target = m_archive.currentTarget();
    if (!target.ok())
        return target.error();
    IngestPipeline pipeline(m_archive, target.value(), report);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Result<std::unique_ptr<MessageRouter>> made =
        m_routers ? m_routers(properties) : mirrorRouter(m_archive, root);
    if (!made.ok())
        return made.error();
    const std::unique_ptr<MessageRouter> router = std::move(made.value());
    Result<ImapFolderPositions> positions = ImapFolderPositions::load(
        m_archive.messages(),
        u"imap:%1:%2:%3"_s.arg(account->host).arg(account->port).arg(account->userName.toLower()),
        *listed);
    if (!positions.ok())
        return positions.error();

    QJsonArray folderReports;
    for (qsizetype f = 0; f < folders.size(); ++f) {
        const MailboxFolder &folder = folders.at(f);
        progress.report(static_cast<int>(f * 100 / std::max<qsizetype>(1, folders.size())),
                        u"Archiving %1"_s.arg(folder.path));
        Result<MailboxFolderState> state = mailbox.openFolder(folder.path);
        if (!state.ok()) {
            if (state.error().code == ErrorCode::Cancelled || !mailbox.connected())
                return state.error();
            // A folder deleted during the run: the others go on.
            report.failures.append({folder.path, state.error().message});
            continue;
        }
        const std::optional<ImapFolderPositions::Continuation> before =
            positions->continuation(folder.path, state->uidValidity);
        Result<MessageRouter::Destination> destination =
            before ? router->continueFolder(folder, before->checkpointPart)
                   : router->beginFolder(folder);
        if (!destination.ok()) {
            report.failures.append({folder.path, destination.error().message});
            continue;
        }
        const QString key = positions->key(folder.path, destination->checkpointPart);
        const bool continued = before && before->checkpointPart == destination->checkpointPart;
        const std::optional<ImapFolderPositions::Position> position =
            continued ? std::optional(before->position)
                      : positions->position(folder.path, destination->checkpointPart);
        const bool sameValidity = position && position->uidValidity == state->uidValidity;
        const quint32 firstUid = sameValidity ? position->lastUid + 1 : 1;
        Result<QList<MailboxMessageInfo>> messages = mailbox.messagesFrom(firstUid);
        if (!messages.ok()) {
            if (messages.error().code == ErrorCode::Cancelled || !mailbox.connected())
                return messages.error();
            report.failures.append({folder.path, messages.error().message});
            continue;
        }

        const int archivedBefore = report.archived;
        const qsizetype failuresBefore = report.failures.size();
        int lookedAt = 0;
        int skippedByRule = 0;
        bool held = false;                        // a failure holds the checkpoint before it
        QList<std::pair<quint32, QString>> added; // uid, source id: for the deletion rule
        QSet<quint32> tooYoungToDelete;
        // The filters that need no bytes first; the rest is fetched ahead of the archiving.
        QList<quint32> wanted;
        quint32 firstHeld = std::numeric_limits<quint32>::max();
        for (const MailboxMessageInfo &message : std::as_const(*messages)) {
            if (maxSize > 0 && message.size > maxSize)
                continue;
            if (onlyRead && !message.seen) {
                // Archived by a later run, once it has been read: the position stays before it.
                firstHeld = std::min(firstHeld, message.uid);
                continue;
            }
            wanted.append(message.uid);
        }
        std::optional<FetchAhead> fetcher;
        fetcher.emplace(mailbox, wanted,
                        [&progress] { return progress.isCancellationRequested(); });
        while (std::optional<FetchAhead::Item> fetched = fetcher->next()) {
            if (progress.isCancellationRequested()) {
                if (Status flushed = pipeline.flush(); !flushed.ok())
                    return flushed;
                return Error(ErrorCode::Cancelled, u"The run was cancelled."_s);
            }
            const quint32 uid = fetched->uid;
            held = held || uid > firstHeld;
            const QString sourceId = u"%1/%2"_s.arg(folder.path).arg(uid);
            Result<QByteArray> &raw = fetched->raw;
            if (!raw.ok()) {
                if (raw.error().code == ErrorCode::Cancelled || fetched->connectionLost) {
                    // The connection is gone: what was added is still committed.
                    (void)pipeline.flush();
                    return raw.error();
                }
                report.failures.append({sourceId, raw.error().message});
                held = true;
                continue;
            }
            ++lookedAt;
            if (olderThanDays > 0 || deleteOlderThanDays > 0) {
                const QDateTime date = Mime::MessageParser::parse(raw.value()).date;
                if (olderThanDays > 0 && date.isValid() && date.daysTo(now) < olderThanDays)
                    continue; // archived by a later run, once it is old enough
                if (deleteOlderThanDays > 0 &&
                    (!date.isValid() || date.daysTo(now) < deleteOlderThanDays))
                    tooYoungToDelete.insert(uid);
            }
            Result<QList<MessageRouter::Route>> routes = router->route(raw.value());
            if (!routes.ok()) {
                report.failures.append({sourceId, routes.error().message});
                held = true;
                continue;
            }
            std::optional<SourceCheckpoint> after;
            if (!held && olderThanDays == 0)
                after = SourceCheckpoint{
                    key, ImapFolderPositions::positionText({state->uidValidity, uid})};
            if (routes->isEmpty()) {
                ++skippedByRule; // not archived on purpose: not deleted either
                continue;
            }
            // The checkpoint goes with the last copy: all of them are in or none.
            for (qsizetype r = 0; r < routes->size(); ++r) {
                const MessageRouter::Route &route = routes->at(r);
                if (Status queued = pipeline.add(route.raw, route.folderId,
                                                 {sourceId, context.profile.name, folder.path, {}},
                                                 r + 1 == routes->size() ? after : std::nullopt);
                    !queued.ok())
                    return queued;
            }
            added.append({uid, sourceId});
        }
        fetcher.reset(); // the connection is this thread's again
        if (Status flushed = pipeline.flush(); !flushed.ok())
            return flushed;

        int deleted = 0;
        if (deleteAfter && !added.isEmpty()) {
            QSet<QString> failed;
            for (qsizetype i = failuresBefore; i < report.failures.size(); ++i)
                failed.insert(report.failures.at(i).first);
            QList<quint32> doomed;
            for (const auto &[uid, sourceId] : std::as_const(added)) {
                if (!failed.contains(sourceId) && !tooYoungToDelete.contains(uid))
                    doomed.append(uid);
            }
            if (Status removed = mailbox.remove(doomed); !removed.ok())
                report.failures.append({folder.path, u"Archived, but not deleted from the "
                                                     "server: "_s +
                                                         removed.error().message});
            else
                deleted = static_cast<int>(doomed.size());
        }
        QJsonObject folderReport{{u"folder"_s, folder.path},
                                 {u"archiveFolder"_s, destination->name},
                                 {u"onServer"_s, static_cast<double>(state->messages)},
                                 {u"new"_s, static_cast<int>(messages->size())},
                                 {u"fetched"_s, lookedAt},
                                 {u"archived"_s, report.archived - archivedBefore},
                                 {u"deleted"_s, deleted},
                                 {u"notArchived"_s, skippedByRule},
                                 {u"rescanned"_s, position.has_value() && !sameValidity}};
        if (continued && !before->formerPath.isEmpty())
            folderReport.insert(u"renamedFrom"_s, before->formerPath);
        folderReports.append(folderReport);
    }
    report.details = QJsonObject{{u"host"_s, account->host},
                                 {u"imapUserName"_s, account->userName},
                                 {u"folders"_s, folderReports}};
    return {};
}

} // namespace Mailkeep::Core
