#include "core/functions/MessageJson.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

QJsonObject messageJson(const MessageSummary &message, const QString &folder)
{
    return QJsonObject{
        {u"id"_s, u"%1:%2"_s.arg(message.storeId).arg(message.id)},
        {u"folder"_s, folder},
        {u"subject"_s, message.subject},
        {u"from"_s, message.sender},
        {u"to"_s, message.recipients},
        {u"date"_s, timeOrNull(message.messageDate)},
        {u"archivedAt"_s, timeOrNull(message.archivedAt)},
        {u"size"_s, static_cast<double>(message.size)},
        {u"hasAttachments"_s, message.hasAttachments},
        {u"messageId"_s, message.messageId},
        {u"parseStatus"_s, message.parseStatus},
        {u"defects"_s, QJsonArray::fromStringList(message.defects)},
        {u"sha256"_s, QString::fromLatin1(message.sha256.toHex())},
    };
}

} // namespace Mailkeep::Core
