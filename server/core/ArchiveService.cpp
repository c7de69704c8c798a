#include "core/ArchiveService.h"

#include "core/ContentCodec.h"
#include "core/IndexDocuments.h"
#include "crypto/AeadCipher.h"
#include "crypto/Sha256.h"
#include "mime/MessageParser.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

// Enough text for a search result's snippet, sealed with the envelope so that a result page
// needs no message content.
constexpr qsizetype kPreviewCharacters = 1500;

QString addressList(const QList<Mime::Address> &addresses)
{
    QStringList parts;
    for (const Mime::Address &address : addresses) {
        parts << (address.name.isEmpty() ? address.address
                                         : address.name + u" <"_s + address.address + u'>');
    }
    return parts.join(u", "_s);
}

QString statusName(Mime::ParseStatus status)
{
    switch (status) {
    case Mime::ParseStatus::Ok:
        return u"ok"_s;
    case Mime::ParseStatus::Defective:
        return u"defective"_s;
    case Mime::ParseStatus::Unparseable:
        return u"unparseable"_s;
    }
    return u"unparseable"_s;
}

} // namespace

ArchiveService::ArchiveService(StoreService &stores, FolderStore &folders, MessageStore &messages,
                               SearchIndex &index)
    : m_stores(stores)
    , m_folders(folders)
    , m_messages(messages)
    , m_index(index)
{}

Result<ArchiveService::Target> ArchiveService::currentTarget()
{
    if (!m_stores.keys().isUnlocked())
        return Error(ErrorCode::PermissionDenied,
                     u"The archive is locked: unlock it with the recovery key (UnlockStore)."_s);
    if (Result<std::optional<StoreRecord>> rolled = m_stores.rollOverIfDue(); !rolled.ok())
        return rolled.error();
    Result<QList<StoreRecord>> list = m_stores.catalog().listStores(false);
    if (!list.ok())
        return list.error();
    std::optional<StoreRecord> current;
    for (const StoreRecord &store : list.value()) {
        if (store.state == StoreState::Disabled) {
            return Error(ErrorCode::Conflict,
                         u"Archiving is suspended while the archive store %1 is disabled."_s.arg(
                             store.name));
        }
        if (const QString failure = m_stores.openError(store.id); !failure.isEmpty()) {
            return Error(ErrorCode::Conflict,
                         u"Archiving is suspended while the archive store %1 cannot be opened: "
                         "%2 Fix it, then call RetryOpenStores."_s.arg(store.name, failure));
        }
        if (store.state == StoreState::Current)
            current = store;
    }
    if (!current)
        return Error(ErrorCode::NotFound, u"No archive store is set to receive new mail."_s);
    Result<QByteArray> key = m_stores.dataKey(*current);
    if (!key.ok())
        return key.error();
    return Target{*current, key.value(), list.value()};
}

QByteArray ArchiveService::contentBinding(const StoreRecord &store, const QByteArray &sha256)
{
    return "content:" + store.uid.toLatin1() + ':' + sha256.toHex();
}

Result<QByteArray> ArchiveService::sealEnvelope(const QJsonObject &envelope, const Target &target,
                                                const QByteArray &sha256)
{
    return Crypto::AeadCipher::seal(target.dataKey,
                                    QJsonDocument(envelope).toJson(QJsonDocument::Compact),
                                    "envelope:" + contentBinding(target.store, sha256));
}

Status ArchiveService::openEnvelope(MessageSummary &message, const StoreRecord &store,
                                    const QByteArray &dataKey)
{
    Result<QByteArray> opened = Crypto::AeadCipher::open(
        dataKey, message.sealedEnvelope, "envelope:" + contentBinding(store, message.sha256));
    if (!opened.ok())
        return Error(
            ErrorCode::DatabaseError,
            u"The envelope of message %1:%2 cannot be decrypted."_s.arg(store.id).arg(message.id));
    const QJsonObject envelope = QJsonDocument::fromJson(opened.value()).object();
    message.subject = envelope[u"subject"_s].toString();
    message.sender = envelope[u"from"_s].toString();
    message.recipients = envelope[u"to"_s].toString();
    message.messageId = envelope[u"messageId"_s].toString();
    message.preview = envelope[u"preview"_s].toString();
    return {};
}

Result<PreparedMessage> ArchiveService::prepare(const QByteArray &raw, qint64 folderId,
                                                const Target &target)
{
    const Mime::ParsedMessage parsed = Mime::MessageParser::parse(raw);
    PreparedMessage message;
    message.folderId = folderId;
    message.sha256 = Crypto::sha256(raw);
    message.rawSize = raw.size();
    Result<QByteArray> sealed =
        ContentCodec::encode(raw, target.dataKey, contentBinding(target.store, message.sha256));
    if (!sealed.ok())
        return sealed.error();
    message.sealed = sealed.value();
    message.messageDate = parsed.date;
    message.dateFromReceived = parsed.dateFromReceived;
    const QString sender = addressList(parsed.from);
    Result<QByteArray> envelope = sealEnvelope(
        QJsonObject{
            {u"subject"_s, parsed.subject},
            {u"from"_s, sender},
            {u"to"_s, addressList(parsed.to + parsed.cc)},
            {u"messageId"_s, parsed.messageId},
            {u"preview"_s,
             parsed.bodyText.left(kPreviewCharacters * 2).simplified().left(kPreviewCharacters)}},
        target, message.sha256);
    if (!envelope.ok())
        return envelope.error();
    message.sealedEnvelope = envelope.value();
    message.hasAttachments = parsed.hasAttachments();
    message.index = indexDocumentFor(parsed);
    message.parseStatus = statusName(parsed.status);
    message.defects = parsed.defects;
    // The same message fetched through another protocol keeps its Message-ID, Date, From,
    // Subject, text and attachments but not its transport headers. Without a Message-ID and a
    // Date that is too weak to call two messages the same: then only identical bytes are.
    QByteArray identity = message.sha256;
    if (parsed.status != Mime::ParseStatus::Unparseable && !parsed.messageId.isEmpty() &&
        parsed.date.isValid()) {
        identity = parsed.messageId.toUtf8() + '\n' + parsed.date.toString(Qt::ISODate).toUtf8() +
                   '\n' + sender.toLower().toUtf8() + '\n' + parsed.subject.toUtf8() + '\n' +
                   parsed.bodyHash.toHex();
        for (const Mime::AttachmentInfo &attachment : parsed.attachments)
            identity += '\n' + attachment.fileName.toUtf8() + ':' +
                        QByteArray::number(attachment.decodedSize);
    }
    message.duplicateKey = Crypto::sha256(identity);
    return message;
}

} // namespace Mailkeep::Core
