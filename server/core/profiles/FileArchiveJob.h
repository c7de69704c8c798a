#pragma once

#include "core/ArchiveService.h"
#include "core/UserStore.h"
#include "core/profiles/ProfileJob.h"

namespace Mailkeep::Core {

// Archiving profiles that read files on the server through the EmailImporter:
//  - emlFolder: a folder of .eml files (sub-folders become archive folders) into userName's
//    archive below targetFolder;
//  - mboxFile: one mbox file, likewise;
//  - bulkImport: rootPath holds one sub-folder per Mailkeep user, named like the user; each
//    is imported into that user's archive, reading only files of `format` (eml or mbox: one
//    type per run). A sub-folder without a user of its name is a failed item, the rest goes on.
class FileArchiveJob final : public ProfileJob
{
public:
    FileArchiveJob(ArchiveService &archive, UserStore &users);
    Status run(const ProfileRunContext &context, ProfileRunReport &report) override;

private:
    Status bulkImport(const ProfileRunContext &context, ProfileRunReport &report);

    ArchiveService &m_archive;
    UserStore &m_users;
};

} // namespace Mailkeep::Core
