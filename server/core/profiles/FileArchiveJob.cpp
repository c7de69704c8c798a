#include "core/profiles/FileArchiveJob.h"

#include "core/EmailImporter.h"
#include "core/profiles/ProfileTypes.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

void addCounts(ProfileRunReport &report, const ImportSummary &summary)
{
    report.archived += summary.archived;
    report.alreadyArchived += summary.alreadyArchived;
    report.duplicatesSkipped += summary.duplicatesSkipped;
    report.flagged += summary.flagged;
    report.failures.append(summary.failures);
}

} // namespace

FileArchiveJob::FileArchiveJob(ArchiveService &archive, UserStore &users)
    : m_archive(archive)
    , m_users(users)
{}

Status FileArchiveJob::run(const ProfileRunContext &context, ProfileRunReport &report)
{
    if (context.profile.type == ProfileType::BulkImport)
        return bulkImport(context, report);
    const QJsonObject &properties = context.properties;
    ImportRequest request{properties.value(u"userName"_s).toString(),
                          properties.value(u"path"_s).toString(),
                          properties.value(u"targetFolder"_s).toString(),
                          context.profile.type == ProfileType::MboxFile ? u"mbox"_s : u"eml"_s};
    if (context.profile.type == ProfileType::MboxFile && QFileInfo(request.path).isDir())
        return Error(ErrorCode::InvalidArgument,
                     u"%1 is a folder; an mbox profile reads one mbox file."_s.arg(request.path));
    if (context.profile.type == ProfileType::EmlFolder && !QFileInfo(request.path).isDir())
        return Error(ErrorCode::NotFound, u"There is no folder %1."_s.arg(request.path));
    ImportSummary summary;
    const Status imported = EmailImporter(m_archive).run(request, context.progress, summary);
    addCounts(report, summary);
    report.details = summary.toJson();
    return imported;
}

Status FileArchiveJob::bulkImport(const ProfileRunContext &context, ProfileRunReport &report)
{
    const QString root = context.properties.value(u"rootPath"_s).toString();
    const QString format = context.properties.value(u"format"_s).toString(u"eml"_s);
    const QDir rootDir(root);
    if (!rootDir.exists())
        return Error(ErrorCode::NotFound, u"There is no folder %1."_s.arg(root));
    const QStringList folders = rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QJsonArray users;
    for (qsizetype i = 0; i < folders.size(); ++i) {
        const QString &folder = folders.at(i);
        if (context.progress.isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"Cancelled."_s);
        context.progress.report(static_cast<int>(i * 100 / folders.size()),
                                u"Importing the files of %1"_s.arg(folder));
        Result<std::optional<UserRecord>> user = m_users.findUser(folder.toLower());
        if (!user.ok())
            return user.error();
        if (!user->has_value()) {
            report.failures.append(
                {rootDir.filePath(folder),
                 u"There is no user %1: create the user or rename the folder."_s.arg(folder)});
            continue;
        }
        ImportSummary summary;
        // Every file of the other type is skipped: one type per run.
        const Status imported = EmailImporter(m_archive).run(
            {(*user)->userName, rootDir.filePath(folder),
             context.properties.value(u"targetFolder"_s).toString(), format},
            context.progress, summary);
        addCounts(report, summary);
        QJsonObject entry = summary.toJson();
        entry.insert(u"userName"_s, (*user)->userName);
        if (!imported.ok()) {
            if (imported.error().code == ErrorCode::Cancelled)
                return imported;
            entry.insert(u"error"_s, imported.error().message);
            report.failures.append({rootDir.filePath(folder), imported.error().message});
        }
        users.append(entry);
    }
    report.details = QJsonObject{{u"rootPath"_s, root}, {u"format"_s, format}, {u"users"_s, users}};
    return {};
}

} // namespace Mailkeep::Core
