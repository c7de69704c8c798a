#include "core/profiles/ProfileTypes.h"

#include "core/profiles/ProfileStore.h"

#include <QDir>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

const QList<ProfileTypeInfo> &catalogue()
{
    static const QList<ProfileTypeInfo> types{
        {ProfileType::EmlFolder,
         ProfileKind::Archive,
         ProfileProtocol::File,
         true,
         {u"path"_s, u"userName"_s},
         {}},
        {ProfileType::MboxFile,
         ProfileKind::Archive,
         ProfileProtocol::File,
         true,
         {u"path"_s, u"userName"_s},
         {}},
        {ProfileType::BulkImport,
         ProfileKind::Archive,
         ProfileProtocol::File,
         true,
         {u"rootPath"_s},
         {}},
        {ProfileType::ImapMailbox,
         ProfileKind::Archive,
         ProfileProtocol::Imap,
         false,
         {u"host"_s, u"userName"_s},
         {u"password"_s}},
        {ProfileType::ImapMultiple,
         ProfileKind::Archive,
         ProfileProtocol::Imap,
         true,
         {u"host"_s, u"mailboxes"_s},
         {u"masterPassword"_s, u"mailboxPasswords"_s}},
        {ProfileType::ImapJournal,
         ProfileKind::Archive,
         ProfileProtocol::Imap,
         true,
         {u"host"_s, u"imapUserName"_s},
         {u"password"_s}},
        // Application permissions reach every mailbox of the tenant: administrators only.
        {ProfileType::Microsoft365Mailbox,
         ProfileKind::Archive,
         ProfileProtocol::Graph,
         true,
         {u"credentialId"_s, u"mailbox"_s, u"userName"_s},
         {}},
        {ProfileType::Microsoft365Multiple,
         ProfileKind::Archive,
         ProfileProtocol::Graph,
         true,
         {u"credentialId"_s},
         {}},
        {ProfileType::EwsMailbox,
         ProfileKind::Archive,
         ProfileProtocol::Ews,
         true,
         {u"credentialId"_s, u"mailbox"_s, u"userName"_s},
         {}},
        {ProfileType::EwsMultiple,
         ProfileKind::Archive,
         ProfileProtocol::Ews,
         true,
         {u"credentialId"_s},
         {}},
        {ProfileType::EwsArchiveMailbox,
         ProfileKind::Archive,
         ProfileProtocol::Ews,
         true,
         {u"credentialId"_s, u"mailbox"_s, u"userName"_s},
         {}},
        {ProfileType::EwsMultipleArchive,
         ProfileKind::Archive,
         ProfileProtocol::Ews,
         true,
         {u"credentialId"_s},
         {}},
        // mailbox: a user with Read items and Delete all on the public folder root.
        {ProfileType::EwsPublicFolders,
         ProfileKind::Archive,
         ProfileProtocol::Ews,
         true,
         {u"credentialId"_s, u"mailbox"_s, u"userName"_s},
         {}},
        {ProfileType::ExportDirectory,
         ProfileKind::Export,
         ProfileProtocol::File,
         true,
         {u"path"_s},
         {}},
        {ProfileType::ExportMbox,
         ProfileKind::Export,
         ProfileProtocol::File,
         true,
         {u"path"_s},
         {}},
        {ProfileType::ExportImap,
         ProfileKind::Export,
         ProfileProtocol::Imap,
         false,
         {u"host"_s, u"imapUserName"_s},
         {u"password"_s}},
        // Application permissions reach every mailbox of the tenant: administrators only.
        {ProfileType::Microsoft365Export,
         ProfileKind::Export,
         ProfileProtocol::Imap,
         true,
         {u"credentialId"_s, u"mailbox"_s},
         {}},
        {ProfileType::EwsExport,
         ProfileKind::Export,
         ProfileProtocol::Ews,
         true,
         {u"credentialId"_s, u"mailbox"_s},
         {}},
    };
    return types;
}

Status expectString(const QJsonObject &properties, const QString &name)
{
    if (properties.contains(name) && !properties.value(name).isString())
        return Error(ErrorCode::InvalidArgument, u"The property %1 must be text."_s.arg(name));
    return {};
}

Status expectBool(const QJsonObject &properties, const QString &name)
{
    if (properties.contains(name) && !properties.value(name).isBool())
        return Error(ErrorCode::InvalidArgument,
                     u"The property %1 must be true or false."_s.arg(name));
    return {};
}

Status expectAbsolutePath(const QJsonObject &properties, const QString &name)
{
    if (Status text = expectString(properties, name); !text.ok())
        return text;
    const QString path = properties.value(name).toString();
    if (properties.contains(name) && !QDir::isAbsolutePath(path))
        return Error(ErrorCode::InvalidArgument,
                     u"The property %1 must be an absolute path on the server (%2 is not)."_s.arg(
                         name, path));
    return {};
}

} // namespace

std::optional<ProfileTypeInfo> ProfileTypes::find(const QString &type)
{
    for (const ProfileTypeInfo &info : catalogue()) {
        if (info.type == type)
            return info;
    }
    return std::nullopt;
}

QStringList ProfileTypes::names()
{
    QStringList names;
    for (const ProfileTypeInfo &info : catalogue())
        names << info.type;
    return names;
}

Status ProfileTypes::validate(const ProfileTypeInfo &type, const QJsonObject &properties)
{
    for (const QString &name : type.required) {
        const QJsonValue value = properties.value(name);
        if (value.isUndefined() || value.isNull() ||
            (value.isString() && value.toString().trimmed().isEmpty()))
            return Error(ErrorCode::InvalidArgument,
                         u"A %1 profile needs the property %2."_s.arg(type.type, name));
    }
    for (const QString &name : {u"path"_s, u"rootPath"_s}) {
        if (Status checked = expectAbsolutePath(properties, name); !checked.ok())
            return checked;
    }
    for (const QString &name :
         {u"userName"_s, u"targetFolder"_s, u"sourceFolder"_s, u"savedSearch"_s, u"format"_s}) {
        if (Status checked = expectString(properties, name); !checked.ok())
            return checked;
    }

    for (const QString &name : {u"retainFolderStructure"_s, u"updateExisting"_s, u"sign"_s}) {

        if (Status checked = expectBool(properties, name); !checked.ok())
            return checked;
    }
    for (const QString &name : {u"host"_s, u"imapUserName"_s, u"security"_s, u"mailbox"_s}) {
        if (Status checked = expectString(properties, name); !checked.ok())
            return checked;
    }
    for (const QString &name :
         {u"ignoreCertificateErrors"_s, u"onlyRead"_s, u"deleteAfterArchiving"_s}) {
        if (Status checked = expectBool(properties, name); !checked.ok())
            return checked;
    }
    for (const QString &name : {u"port"_s, u"timeoutSeconds"_s, u"maxSizeBytes"_s,
                                u"olderThanDays"_s, u"deleteOlderThanDays"_s}) {
        if (properties.contains(name) &&
            (!properties.value(name).isDouble() || properties.value(name).toDouble() < 0))
            return Error(ErrorCode::InvalidArgument,
                         u"The property %1 must be a number of at least 0."_s.arg(name));
    }
    for (const QString &name : {u"includeFolders"_s, u"excludeFolders"_s}) {
        if (properties.contains(name) && !properties.value(name).isArray())
            return Error(ErrorCode::InvalidArgument,
                         u"The property %1 must be a list of folder names."_s.arg(name));
    }
    for (const QString &name : {u"includeUsers"_s, u"excludeUsers"_s}) {
        if (properties.contains(name) && !properties.value(name).isArray())
            return Error(ErrorCode::InvalidArgument,
                         u"The property %1 must be a list of user names."_s.arg(name));
    }
    if (properties.contains(u"parallelMailboxes"_s)) {
        const QJsonValue parallel = properties.value(u"parallelMailboxes"_s);
        if (!parallel.isDouble() || parallel.toDouble() < 1 || parallel.toDouble() > 16)
            return Error(ErrorCode::InvalidArgument,
                         u"parallelMailboxes is how many mailboxes are archived at once: 1 to "
                         "16."_s);
    }
    if (properties.contains(u"credentialId"_s) &&
        (!properties.value(u"credentialId"_s).isDouble() ||
         properties.value(u"credentialId"_s).toInteger() <= 0))
        return Error(ErrorCode::InvalidArgument,
                     u"credentialId is the id of a credential (GetCredentials)."_s);
    if (type.type == ProfileType::ImapMultiple) {
        const QJsonValue mailboxes = properties.value(u"mailboxes"_s);
        if (!mailboxes.isArray() || mailboxes.toArray().isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         u"mailboxes lists the mailboxes: [{\"userName\": \"alice\", "
                         "\"imapUserName\": \"alice@example.org\"}]."_s);
        for (const QJsonValue &mailbox : mailboxes.toArray()) {
            if (mailbox.toObject().value(u"userName"_s).toString().trimmed().isEmpty())
                return Error(ErrorCode::InvalidArgument,
                             u"Every entry of mailboxes needs the userName whose archive it "
                             "fills."_s);
        }
    }
    if (type.type == ProfileType::ImapJournal) {
        const QString unknown = properties.value(u"unknownAddresses"_s).toString(u"catchAll"_s);
        if (unknown != u"catchAll"_s && unknown != u"doNotArchive"_s)
            return Error(ErrorCode::InvalidArgument,
                         u"unknownAddresses is catchAll (with catchAllUser) or doNotArchive."_s);
        if (unknown == u"catchAll"_s &&
            properties.value(u"catchAllUser"_s).toString().trimmed().isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         u"Mail for unknown addresses goes to the catch-all user: name one "
                         "(catchAllUser), or set unknownAddresses to doNotArchive."_s);
    }
    if (type.type == ProfileType::ImapMailbox || type.type == ProfileType::ImapMultiple ||
        type.type == ProfileType::ImapJournal || type.type == ProfileType::ExportImap) {
        const QString security = properties.value(u"security"_s).toString(u"tls"_s).toLower();
        if (security != u"tls"_s && security != u"starttls"_s && security != u"none"_s)
            return Error(ErrorCode::InvalidArgument,
                         u"security is tls (port 993), starttls (port 143) or none."_s);
    }
    if (type.type == ProfileType::BulkImport) {
        const QString format = properties.value(u"format"_s).toString(u"eml"_s);
        if (format != u"eml"_s && format != u"mbox"_s)
            return Error(ErrorCode::InvalidArgument,
                         u"A bulk import reads one type of file per run: format must be eml or "
                         "mbox."_s);
    }
    if (type.kind == ProfileKind::Export) {
        const bool folder = !properties.value(u"sourceFolder"_s).toString().trimmed().isEmpty();
        const bool search = !properties.value(u"savedSearch"_s).toString().trimmed().isEmpty();
        if (folder == search)
            return Error(ErrorCode::InvalidArgument,
                         u"An export profile exports either an archive folder (sourceFolder) or "
                         "a saved search (savedSearch)."_s);
    }
    return {};
}

} // namespace Mailkeep::Core
