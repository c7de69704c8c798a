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

constexpr qint64 kLargestMessage = 512 * 1024 * 1024;

enum class FileKind
{
    Eml,
    Mbox,
    Other,
};

FileKind detectedKind(const QFileInfo &file)
{
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

// A file named by itself is read as the format says. In a folder, a format reads only the
// files of that type (one type per run, as a bulk import wants) and skips the rest.
FileKind kindOf(const QFileInfo &file, const QString &format, bool inFolder)
{
    const FileKind forced = format == u"eml"_s    ? FileKind::Eml
                            : format == u"mbox"_s ? FileKind::Mbox
                                                  : FileKind::Other;
    if (forced == FileKind::Other)
        return detectedKind(file);
    if (!inFolder)
        return forced;
    return detectedKind(file) == forced ? forced : FileKind::Other;
}

// Names one mbox file exactly: a checkpoint only applies to the very same file.
QString checkpointKey(qint64 folderId, const QFileInfo &file)
{
    return u"mbox:%1:%2:%3:%4"_s.arg(folderId)
        .arg(file.canonicalFilePath())
        .arg(file.size())
        .arg(file.lastModified().toMSecsSinceEpoch());
}

// What was read before the cancellation is committed, so the summary is exact and the
// checkpoint is where the next run continues.
Status cancelled(IngestPipeline &pipeline)
{
    if (Status flushed = pipeline.flush(); !flushed.ok())
        return flushed;
    return Error(ErrorCode::Cancelled, u"The import was cancelled."_s);
}

} // namespace

QJsonObject ImportSummary::toJson() const
{
    QJsonArray failureList;
    for (const auto &[item, reason] : failures)
        failureList.append(QJsonObject{{u"item"_s, item}, {u"reason"_s, reason}});
    QJsonArray resumedList;
    for (const auto &[file, offset] : resumed)
        resumedList.append(
            QJsonObject{{u"file"_s, file}, {u"offset"_s, static_cast<double>(offset)}});
    return QJsonObject{{u"targetFolder"_s, targetFolder},
                       {u"archived"_s, archived},
                       {u"alreadyArchived"_s, alreadyArchived},
                       {u"duplicatesSkipped"_s, duplicatesSkipped},
                       {u"flagged"_s, flagged},
                       {u"skippedFiles"_s, skippedFiles},
                       {u"failed"_s, static_cast<int>(failures.size())},
                       {u"failures"_s, failureList},
                       {u"resumed"_s, resumedList}};
}

EmailImporter::EmailImporter(ArchiveService &archive)
    : m_archive(archive)
{}

Status EmailImporter::run(const ImportRequest &request, TaskProgress &progress,
                          ImportSummary &summary)
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

    IngestPipeline pipeline(m_archive, destination.value(), summary);
    qint64 doneBytes = 0;
    for (const auto &[file, baseFolder] : files) {
        if (progress.isCancellationRequested())
            return cancelled(pipeline);
        FileKind kind = kindOf(file, format, root.isDir());

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
            const QString key = checkpointKey(archiveFolder->id, file);
            Result<std::optional<QString>> saved = m_archive.messages().checkpoint(key);
            if (!saved.ok())
                return saved.error();
            const qint64 start = saved->has_value() ? (*saved)->toLongLong() : 0;
            if (start > 0)
                summary.resumed.append({file.filePath(), start});
            Mime::MboxReader reader;
            if (Status opened = reader.open(file.filePath(), start); !opened.ok()) {
                summary.failures.append({file.filePath(), opened.error().message});
                continue;
            }
            for (;;) {
                if (progress.isCancellationRequested())
                    return cancelled(pipeline);
                Result<std::optional<Mime::MboxMessage>> next = reader.next();
                if (!next.ok()) {
                    summary.failures.append({file.filePath(), next.error().message});
                    break;
                }
                if (!next->has_value())
                    break;
                const QString item = file.filePath() + u"@"_s + QString::number((*next)->offset);
                const qint64 end = (*next)->endOffset;
                if (Status added =
                        pipeline.add(std::move((*next)->raw), archiveFolder->id, {item, {}, {}, {}},
                                     SourceCheckpoint{key, QString::number(end)});
                    !added.ok())
                    return added.error();
                progress.report(
                    static_cast<int>(100 * (doneBytes + end) / std::max<qint64>(totalBytes, 1)),
                    u"Importing %1"_s.arg(file.fileName()));
            }
            // The whole file is committed: a later import of it starts from the beginning
            // again (and finds every message archived).
            if (Status flushed = pipeline.flush(); !flushed.ok())
                return flushed.error();
            if (Status cleared = m_archive.messages().clearCheckpoint(key); !cleared.ok())
                return cleared.error();
        } else {
            QFile input(file.filePath());
            if (file.size() == 0) {
                summary.failures.append({file.filePath(), u"The file is empty."_s});
            } else if (file.size() > kLargestMessage) {
                summary.failures.append({file.filePath(), u"The file is larger than 512 MB."_s});
            } else if (!input.open(QIODevice::ReadOnly)) {
                summary.failures.append({file.filePath(), input.errorString()});
            } else if (Status added = pipeline.add(input.readAll(), archiveFolder->id,
                                                   {file.filePath(), {}, {}, {}});
                       !added.ok()) {
                return added.error();
            }
        }
        doneBytes += file.size();
        progress.report(static_cast<int>(100 * doneBytes / std::max<qint64>(totalBytes, 1)),
                        u"Importing %1"_s.arg(file.fileName()));
    }
    return pipeline.flush();
}

} // namespace Mailkeep::Core
