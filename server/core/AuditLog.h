#pragma once

#include "model/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mailkeep::Core {

// Event names as the product we follow spells them ("FileGroup" is its old word for a store).
namespace AuditEvent {
inline const QString MessageDelete = QStringLiteral("MessageDelete");
inline const QString MessageMove = QStringLiteral("MessageMove");
inline const QString ComplianceChangeSettings = QStringLiteral("ComplianceChangeSettings");
inline const QString FileGroupAttach = QStringLiteral("FileGroupAttach");
inline const QString FileGroupCreate = QStringLiteral("FileGroupCreate");
inline const QString FileGroupDetach = QStringLiteral("FileGroupDetach");
inline const QString FileGroupRename = QStringLiteral("FileGroupRename");
inline const QString FileGroupSetProperties = QStringLiteral("FileGroupSetProperties");
inline const QString FileGroupSetRequestedState = QStringLiteral("FileGroupSetRequestedState");
inline const QString FileGroupMerge = QStringLiteral("FileGroupMerge");
inline const QString FileGroupTransfer = QStringLiteral("FileGroupTransfer");
inline const QString FileGroupCompact = QStringLiteral("FileGroupCompact");
inline const QString GlobalPropertyChange = QStringLiteral("GlobalPropertyChange");
inline const QString CredentialCreate = QStringLiteral("CredentialCreate");
inline const QString CredentialChange = QStringLiteral("CredentialChange");
inline const QString CredentialDelete = QStringLiteral("CredentialDelete");
inline const QString DirectoryServicesChangeSettings =
    QStringLiteral("DirectoryServicesChangeSettings");
inline const QString DirectoryServicesSync = QStringLiteral("DirectoryServicesSync");
inline const QString ProfileConvert = QStringLiteral("ProfileConvert");

} // namespace AuditEvent

struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    QString event;
    QString userName;
    QString clientAddress;
    QJsonObject details;
};

// The audit log; implemented by Mailkeep::Storage. Blocking.
class AuditLog
{
public:
    virtual ~AuditLog() = default;
    virtual Status record(const AuditEntry &entry) = 0;
    // [from, to), oldest first.
    virtual Result<QList<AuditEntry>> entries(const QDateTime &from, const QDateTime &to) = 0;
};

} // namespace Mailkeep::Core
