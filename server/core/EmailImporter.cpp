#include "core/EmailImporter.h"

#include "core/FolderPaths.h"
#include "core/UserRules.h"
#include "mime/MboxReader.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

constexpr int kBatchMessages = 200;
constexpr qint64 kBatchBytes = 16 * 1024 * 1024;
constexpr qint64 kLargestMessage = 512 * 1024 * 1024;

enum class FileKind
{
    Eml,
    Mbox,
    Other,
};

FileKind kindOf(const QFileInfo &file, const QString &format)
{
    if (format == u"eml"_s)
        return FileKind::Eml;
    if (format == u"mbox"_s)
        return FileKind::Mbox;
    const QString suffix = file.suffix().toLower();
    if (suffix == u"eml"_s)
        return FileKind::Eml;
    if (suffix == u"mbox"_s || suffix == u"mbx"_s)
        return FileKind::Mbox;
    QFile probe(file.filePath());
    if (probe.open(QIODevice::ReadOnly) && Mime::MboxReader::looksLikeMbox(probe.read(4096)))
        return FileKind::Mbox;
    return FileKind::Other;
}

// Collects prepared messages and writes them in batches; counts outcomes.
class BatchWriter
{
public:
    BatchWriter(ArchiveService &archive, ArchiveService::Target target, ImportSummary &summary)
        : m_archive(archive)
        , m_target(std::move(target))
        , m_summary(summary)
    {}

    Status add(const QByteArray &raw, qint64 folderId, const QString &item)
    {
        Result<PreparedMessage> prepared = ArchiveService::prepare(raw, folderId, m_target);
        if (!prepared.ok()) {
            m_summary.failures.append({item, prepared.error().message});
            return {};
        }
        prepared->sourceId = item;
        m_pendingBytes += raw.size();
        m_pending.append(std::move(prepared).value());
        if (m_pending.size() >= kBatchMessages || m_pendingBytes >= kBatchBytes)
            return flush();
        return {};
    }

    Status flush()
    {
        if (m_pending.isEmpty())
            return {};
        Result<QList<StoreOutcome>> outcomes =
            m_archive.messages().storeBatch(m_target.store, m_pending);
        if (!outcomes.ok())
            return outcomes.error();
        for (qsizetype i = 0; i < outcomes->size(); ++i) {
            switch (outcomes->at(i)) {
            case StoreOutcome::Stored:
                ++m_summary.archived;
                if (m_pending.at(i).parseStatus != u"ok"_s)
                    ++m_summary.flagged;
                break;
            case StoreOutcome::AlreadyInFolder:
                ++m_summary.alreadyArchived;
                break;
            case StoreOutcome::DuplicateElsewhere:
                ++m_summary.duplicatesSkipped;
                break;
            }
        }
        m_pending.clear();
        m_pendingBytes = 0;
        return {};
    }

private:
    ArchiveService &m_archive;
    ArchiveService::Target m_target;
    ImportSummary &m_summary;
    QList<PreparedMessage> m_pending;
    qint64 m_pendingBytes = 0;
};

} // namespace

QJsonObject ImportSummary::toJson() const
{
    QJsonArray failureList;
    for (const auto &[item, reason] : failures)
        failureList.append(QJsonObject{{u"item"_s, item}, {u"reason"_s, reason}});
    return QJsonObject{{u"targetFolder"_s, targetFolder},
                       {u"archived"_s, archived},
                       {u"alreadyArchived"_s, alreadyArchived},
                       {u"duplicatesSkipped"_s, duplicatesSkipped},
                       {u"flagged"_s, flagged},
                       {u"skippedFiles"_s, skippedFiles},
                       {u"failed"_s, static_cast<int>(failures.size())},
                       {u"failures"_s, failureList}};
}

EmailImporter::EmailImporter(ArchiveService &archive)
    : m_archive(archive)
{}

Result<ImportSummary> EmailImporter::run(const ImportRequest &request, TaskProgress &progress)
{
    Result<QString> user = UserRules::normaliseUserName(request.userName);
    if (!user.ok())
        return user.error();
    const QString format = request.format.isEmpty() ? u"auto"_s : request.format.toLower();
    if (format != u"auto"_s && format != u"eml"_s && format != u"mbox"_s)
        return Error(ErrorCode::InvalidArgument, u"format must be auto, eml or mbox."_s);
    const QFileInfo root(request.path);
    if (request.path.isEmpty() || !root.exists())
        return Error(ErrorCode::NotFound, u"%1 does not exist."_s.arg(request.path));
    if (!root.isReadable() || (root.isDir() && !QDir(root.filePath()).isReadable()))
        return Error(ErrorCode::PermissionDenied,
                     u"The server may not read %1."_s.arg(request.path));
    Result<QStringList> target = folderSegments(
        *user + u'/' +
        (request.targetFolder.trimmed().isEmpty() ? u"Imported"_s : request.targetFolder));
    if (!target.ok())
        return target.error();

    Result<ArchiveService::Target> destination = m_archive.currentTarget();
    if (!destination.ok())
        return destination.error();

    // The files, each with the archive folder it goes to.
    QList<std::pair<QFileInfo, QStringList>> files;
    qint64 totalBytes = 0;
    const auto addFile = [&](const QFileInfo &file, QStringList folder) {
        files.append({file, std::move(folder)});
        totalBytes += file.size();
    };
    ImportSummary summary;
    summary.targetFolder = folderPath(target.value());
    if (root.isDir()) {
        QDirIterator it(root.filePath(), QDir::Files | QDir::Readable | QDir::Hidden,
                        QDirIterator::Subdirectories);
        QList<QFileInfo> found;
        while (it.hasNext()) {
            it.next();
            found.append(it.fileInfo());
        }
        std::sort(found.begin(), found.end(), [](const QFileInfo &a, const QFileInfo &b) {
            return a.filePath() < b.filePath();
        });
        for (const QFileInfo &file : found) {
            QStringList folder = target.value();
            const QString relative = QDir(root.filePath()).relativeFilePath(file.absolutePath());
            if (relative != u"."_s)
                folder += relative.split(u'/', Qt::SkipEmptyParts);
            addFile(file, folder);
        }
    } else {
        addFile(root, target.value());
    }

    BatchWriter writer(m_archive, destination.value(), summary);
    qint64 doneBytes = 0;
    for (const auto &[file, baseFolder] : files) {
        if (progress.isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"The import was cancelled."_s);
        FileKind kind = kindOf(file, format);
        if (kind == FileKind::Other && !root.isDir())
            kind = FileKind::Eml; // a single file given by name is taken as a message
        if (kind == FileKind::Other) {
            ++summary.skippedFiles;
            doneBytes += file.size();
            continue;
        }
        QStringList folder = baseFolder;
        if (kind == FileKind::Mbox && root.isDir())
            folder << file.completeBaseName();
        Result<FolderRecord> archiveFolder = m_archive.folders().ensureFolder(folder);
        if (!archiveFolder.ok())
            return archiveFolder.error();

        if (kind == FileKind::Mbox) {
            Mime::MboxReader reader;
            if (Status opened = reader.open(file.filePath()); !opened.ok()) {
                summary.failures.append({file.filePath(), opened.error().message});
                continue;
            }
            for (;;) {
                if (progress.isCancellationRequested())
                    return Error(ErrorCode::Cancelled, u"The import was cancelled."_s);
                Result<std::optional<Mime::MboxMessage>> next = reader.next();
                if (!next.ok()) {
                    summary.failures.append({file.filePath(), next.error().message});
                    break;
                }
                if (!next->has_value())
                    break;
                const QString item = file.filePath() + u"@"_s + QString::number((*next)->offset);
                if (Status added = writer.add((*next)->raw, archiveFolder->id, item); !added.ok())
                    return added.error();
                progress.report(static_cast<int>(100 * (doneBytes + (*next)->endOffset) /
                                                 std::max<qint64>(totalBytes, 1)),
                                u"Importing %1"_s.arg(file.fileName()));
            }
        } else {
            QFile input(file.filePath());
            if (file.size() == 0) {
                summary.failures.append({file.filePath(), u"The file is empty."_s});
            } else if (file.size() > kLargestMessage) {
                summary.failures.append({file.filePath(), u"The file is larger than 512 MB."_s});
            } else if (!input.open(QIODevice::ReadOnly)) {
                summary.failures.append({file.filePath(), input.errorString()});
            } else if (Status added =
                           writer.add(input.readAll(), archiveFolder->id, file.filePath());
                       !added.ok()) {
                return added.error();
            }
        }
        doneBytes += file.size();
        progress.report(static_cast<int>(100 * doneBytes / std::max<qint64>(totalBytes, 1)),
                        u"Importing %1"_s.arg(file.fileName()));
    }
    if (Status flushed = writer.flush(); !flushed.ok())
        return flushed.error();
    return summary;
}

} // namespace Mailkeep::Core
