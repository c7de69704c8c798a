#pragma once

#include "core/ArchiveService.h"
#include "core/IngestPipeline.h"
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

struct ImportSummary : IngestCounts
{
    QString targetFolder;
    int skippedFiles = 0; // files in a folder that are neither EML nor mbox
    // mbox files continued from the checkpoint an interrupted run left (the part before it
    // is archived already and not read again).
    QList<std::pair<QString, qint64>> resumed;

    QJsonObject toJson() const;
};

// Imports EML and mbox files into a user's archive. Folders below the imported folder become
// archive folders; an mbox file becomes a folder named after it. Messages are written in
// batches through the IngestPipeline, each in one transaction; importing the same files again
// adds nothing, and an mbox file's checkpoint (committed with each batch) lets a run
// interrupted by a crash continue where the committed mail ends. Memory stays bounded: mbox
// files are streamed.
class EmailImporter
{
public:
    explicit EmailImporter(ArchiveService &archive);
    // Fills `summary` as it goes, so a run that fails or is cancelled still tells what it did.
    Status run(const ImportRequest &request, TaskProgress &progress, ImportSummary &summary);

private:
    ArchiveService &m_archive;
};

} // namespace Mailkeep::Core
