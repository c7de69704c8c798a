#pragma once

#include "core/ArchiveService.h"
#include "core/TaskManager.h"

#include <QJsonObject>

namespace Mailkeep::Core {

struct ImportRequest
{
    QString userName;     // whose archive receives the mail
    QString path;         // an .eml file, an mbox file, or a folder of them (recursively)
    QString targetFolder; // below the user's archive; default "Imported"
    QString format;       // auto (default), eml or mbox
};

struct ImportSummary
{
    QString targetFolder;
    int archived = 0;
    int alreadyArchived = 0;                     // the same bytes were in that folder already
    int duplicatesSkipped = 0;                   // the same message by its normalised key
    int flagged = 0;                             // archived, but the parser found defects
    int skippedFiles = 0;                        // files in a folder that are neither EML nor mbox
    QList<std::pair<QString, QString>> failures; // item, reason

    QJsonObject toJson() const;
};

// Imports EML and mbox files into a user's archive. Folders below the imported folder become
// archive folders; an mbox file becomes a folder named after it. Messages are written in
// batches, each in one transaction; importing the same files again adds nothing, so an import
// interrupted by a crash is completed by running it again. Memory stays bounded: mbox files
// are streamed.
class EmailImporter
{
public:
    explicit EmailImporter(ArchiveService &archive);
    Result<ImportSummary> run(const ImportRequest &request, TaskProgress &progress);

private:
    ArchiveService &m_archive;
};

} // namespace Mailkeep::Core
