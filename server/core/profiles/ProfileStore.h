#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Mailkeep::Core {

namespace ProfileKind {
inline const QString Archive = QStringLiteral("archive");
inline const QString Export = QStringLiteral("export");
} // namespace ProfileKind

// When the server runs a profile by itself (SetProfileServerSideExecution).
struct ServerSideExecution
{
    bool automatic = false;
    int pauseSeconds = 0;       // after the end of one run until the next starts
    QString maintenanceWindows; // "22:00-04:00" (comma-separated; empty: all day)
};

struct ProfileRecord
{
    qint64 id = 0;
    QString uid; // binds the sealed secrets to this profile
    int version = 0;
    QString name;
    QString owner; // the user who created it
    QString kind;  // ProfileKind
    QString type;  // ProfileTypes
    QJsonObject properties;
    QByteArray sealedSecrets; // empty: none
    ServerSideExecution execution;
    QDateTime createdAt;
    QDateTime updatedAt;
    QDateTime lastRunStarted;
    QDateTime lastRunEnded;
};

struct ProfileHistoryEntry
{
    QDateTime at;
    QString event; // created, changed, converted, serverSideExecution
    QString userName;
    QJsonObject details;
};

// Profiles and their history; implemented by Mailkeep::Storage. Blocking.
class ProfileStore
{
public:
    virtual ~ProfileStore() = default;
    // Returns the new profile (id, version 1, dates).
    virtual Result<ProfileRecord> create(const ProfileRecord &profile) = 0;
    // Replaces name, type, properties and secrets when the stored version is
    // `profile.version`; returns the record with its new version, or nullopt when the version
    // did not match (someone changed it meanwhile) or the profile is gone.
    virtual Result<std::optional<ProfileRecord>> update(const ProfileRecord &profile) = 0;
    virtual Result<bool> remove(qint64 id) = 0;
    virtual Result<std::optional<ProfileRecord>> profile(qint64 id) = 0;
    virtual Result<QList<ProfileRecord>> profiles() = 0; // by id
    virtual Status setExecution(qint64 id, const ServerSideExecution &execution) = 0;
    virtual Status setRunStarted(qint64 id, const QDateTime &at) = 0;
    virtual Status setRunEnded(qint64 id, const QDateTime &at) = 0;
    virtual Status addHistory(qint64 id, const ProfileHistoryEntry &entry) = 0;
    virtual Result<QList<ProfileHistoryEntry>> history(qint64 id) = 0; // oldest first
};

} // namespace Mailkeep::Core
