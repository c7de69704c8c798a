#pragma once

#include "core/FolderStore.h"
#include "core/Identity.h"
#include "core/KeyRing.h"
#include "core/SavedSearchStore.h"
#include "core/UserStore.h"
#include "core/profiles/ProfileStore.h"
#include "core/profiles/ProfileTypes.h"

namespace Mailkeep::Core {

// Profiles as the API sees them: one flat JSON document per profile (id, version, name,
// kind, type, protocol, owner, serverSideExecution and the type's properties), checked
// against the caller's privileges on the server. Secrets (passwords) are write-only: sealed
// with the master key when saved, left out of every answer (storedSecrets names them), and
// kept when a changed document leaves them out.
//
// Who may do what:
//  - administrators: everything;
//  - others: their own profiles only, of types that do not touch the server's files, filling
//    their own archive; creating and changing needs modifyArchiveProfiles/modifyExportProfiles,
//    running needs archive/export.
class ProfileService
{
public:
    ProfileService(ProfileStore &profiles, UserStore &users, FolderStore &folders,
                   SavedSearchStore &savedSearches, KeyRing &keys);

    // Creates a profile, or changes one when the document has its id and current version.
    Result<ProfileRecord> save(const Identity &caller, const QJsonObject &document);
    // A profile that is not saved (RunTemporaryProfile): checked like one, secrets kept in the
    // returned record's properties.
    Result<ProfileRecord> temporary(const Identity &caller, const QJsonObject &document);
    Result<QList<ProfileRecord>> visible(const Identity &caller);
    // NotFound for a profile the caller may not see, as for a missing one.
    Result<ProfileRecord> visibleProfile(const Identity &caller, qint64 id);
    Status remove(const Identity &caller, qint64 id);
    Status setExecution(const Identity &caller, qint64 id, const ServerSideExecution &execution);
    Status mayRun(const Identity &caller, const ProfileRecord &profile);
    // The properties with the secrets opened and put back: what a run works with.
    Result<QJsonObject> runProperties(const ProfileRecord &profile);

    static QJsonObject toJson(const ProfileRecord &profile);
    ProfileStore &store() { return m_profiles; }

private:
    Result<ProfileRecord> fromDocument(const Identity &caller, const QJsonObject &document,
                                       ProfileTypeInfo &type, QJsonObject &secrets);
    Status checkTarget(const Identity &caller, const ProfileRecord &profile);
    // fromDocument, then checkTarget.
    Result<ProfileRecord> checkedDocument(const Identity &caller, const QJsonObject &document,
                                          QJsonObject &secrets);
    Result<QByteArray> seal(const QString &uid, const QJsonObject &secrets);
    Result<QJsonObject> open(const ProfileRecord &profile);

    ProfileStore &m_profiles;
    UserStore &m_users;
    FolderStore &m_folders;
    SavedSearchStore &m_savedSearches;
    KeyRing &m_keys;
};

} // namespace Mailkeep::Core
