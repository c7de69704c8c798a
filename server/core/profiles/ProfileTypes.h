#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Core {

// The types a profile can have: what each archives from or exports to, the protocol it speaks
// (shown in summaries; the Microsoft 365 conversion tool keys on it), which of its properties
// are secrets (write-only), and how its properties are checked.
namespace ProfileType {
// Archiving from files on the server.
inline const QString EmlFolder = QStringLiteral("emlFolder");   // path: a folder of .eml files
inline const QString MboxFile = QStringLiteral("mboxFile");     // path: one mbox file
inline const QString BulkImport = QStringLiteral("bulkImport"); // rootPath: one folder per user
// Archiving from mail servers.
inline const QString ImapMailbox = QStringLiteral("imapMailbox");   // one IMAP mailbox
inline const QString ImapMultiple = QStringLiteral("imapMultiple"); // several, one server
inline const QString ImapJournal = QStringLiteral("imapJournal");   // filed by address
// Archiving from Microsoft 365 through Microsoft Graph (a credential of CredentialService).
inline const QString Microsoft365Mailbox = QStringLiteral("microsoft365Mailbox"); // one mailbox
// The mailboxes of the users synchronised with Entra ID.
inline const QString Microsoft365Multiple = QStringLiteral("microsoft365Multiple");
// Archiving from Microsoft 365 through Exchange Web Services (until Microsoft ends EWS).
inline const QString EwsMailbox = QStringLiteral("microsoft365EwsMailbox");
inline const QString EwsMultiple = QStringLiteral("microsoft365EwsMultiple");
inline const QString EwsArchiveMailbox = QStringLiteral("microsoft365EwsArchiveMailbox");
inline const QString EwsMultipleArchive = QStringLiteral("microsoft365EwsMultipleArchive");
inline const QString EwsPublicFolders = QStringLiteral("microsoft365EwsPublicFolders");
// Exporting to files on the server.
inline const QString ExportDirectory = QStringLiteral("exportDirectory"); // EML files
inline const QString ExportMbox = QStringLiteral("exportMbox");           // one mboxrd file
// Exporting to mail servers.
inline const QString ExportImap = QStringLiteral("exportImap"); // an IMAP mailbox
// Exporting to a Microsoft 365 mailbox over IMAP with OAuth (XOAUTH2).
inline const QString Microsoft365Export = QStringLiteral("microsoft365Export");
// Exporting to a Microsoft 365 mailbox over EWS (until Microsoft ends EWS).
inline const QString EwsExport = QStringLiteral("microsoft365EwsExport");
} // namespace ProfileType

namespace ProfileProtocol {
inline const QString File = QStringLiteral("File");
inline const QString Imap = QStringLiteral("IMAP");
inline const QString Graph = QStringLiteral("Graph");
inline const QString Ews = QStringLiteral("EWS");
} // namespace ProfileProtocol

struct ProfileTypeInfo
{
    QString type;
    QString kind;     // ProfileKind
    QString protocol; // ProfileProtocol
    // Reads or writes files on the server's machine: administrators only, since the server's
    // account can reach what the caller could not.
    bool administratorsOnly = false;
    QStringList required; // properties that must be given
    QStringList secrets;  // write-only properties, sealed at rest
};

class ProfileTypes
{
public:
    static std::optional<ProfileTypeInfo> find(const QString &type);
    static QStringList names();
    // Checks the type's properties (types and values); the target archive and the export
    // scope are checked by the ProfileService, which knows users and folders.
    static Status validate(const ProfileTypeInfo &type, const QJsonObject &properties);
};

} // namespace Mailkeep::Core
