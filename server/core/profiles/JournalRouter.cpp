#include "core/profiles/JournalRouter.h"

#include "core/FolderPaths.h"
#include "mime/EmbeddedMessages.h"
#include "mime/MessageParser.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QStringList addressesIn(const QString &text)
{
    static const QRegularExpression address(u"[^\\s,;<>\"()]+@[^\\s,;<>\"()]+"_s);
    QStringList found;
    for (auto it = address.globalMatch(text); it.hasNext();)
        found << it.next().captured(0).toLower();
    return found;
}

QStringList addressesOf(const QList<Mime::Address> &list)
{
    QStringList found;
    for (const Mime::Address &entry : list) {
        if (!entry.address.isEmpty())
            found << entry.address.toLower();
    }
    return found;
}

// Header fields by name from a raw header block (unfolded), for the fields the parser does not
// keep (X-MS-Journal-Report, Delivered-To, X-Original-To).
QStringList headerValues(const QByteArray &headers, const QByteArray &name)
{
    QStringList values;
    const QList<QByteArray> lines = headers.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.size() <= name.size() || line.at(name.size()) != ':' ||
            qstrnicmp(line.constData(), name.constData(), name.size()) != 0)
            continue;
        QByteArray value = line.mid(name.size() + 1);
        while (i + 1 < lines.size() && !lines.at(i + 1).isEmpty() &&
               (lines.at(i + 1).at(0) == ' ' || lines.at(i + 1).at(0) == '\t'))
            value += lines.at(++i);
        values << QString::fromUtf8(value).trimmed();
    }
    return values;
}

} // namespace

JournalRouter::JournalRouter(ArchiveService &archive, QHash<QString, QString> userByAddress,
                             QString catchAllUser)
    : m_archive(archive)
    , m_userByAddress(std::move(userByAddress))
    , m_catchAllUser(std::move(catchAllUser))
{}

Result<std::unique_ptr<MessageRouter>>
JournalRouter::make(ArchiveService &archive, UserStore &users, const QJsonObject &properties)
{
    Result<QList<UserRecord>> all = users.listUsers();
    if (!all.ok())
        return all.error();
    QHash<QString, QString> byAddress;
    for (const UserRecord &user : all.value()) {
        for (const QString &address : user.emailAddresses)
            byAddress.insert(address.trimmed().toLower(), user.userName);
    }
    const QString unknown = properties.value(u"unknownAddresses"_s).toString(u"catchAll"_s);
    QString catchAll;
    if (unknown == u"catchAll"_s) {
        catchAll = properties.value(u"catchAllUser"_s).toString().trimmed().toLower();
        const bool known =
            std::any_of(all->cbegin(), all->cend(),
                        [&catchAll](const UserRecord &u) { return u.userName == catchAll; });
        if (!known)
            return Error(ErrorCode::InvalidArgument,
                         u"Mail for unknown addresses goes to the catch-all user: name an existing "
                         "one (catchAllUser), or set unknownAddresses to doNotArchive."_s);
    } else if (unknown != u"doNotArchive"_s) {
        return Error(ErrorCode::InvalidArgument,
                     u"unknownAddresses is catchAll or doNotArchive."_s);
    }
    return std::unique_ptr<MessageRouter>(
        new JournalRouter(archive, std::move(byAddress), std::move(catchAll)));
}

Result<MessageRouter::Destination> JournalRouter::beginFolder(const MailboxFolder &)
{
    return Destination{u"journal"_s, u"by address"_s};
}

Result<qint64> JournalRouter::folderOf(const QString &user, const QString &name)
{
    const QString path = user + u'/' + name;
    if (auto cached = m_folders.constFind(path); cached != m_folders.cend())
        return cached.value();
    Result<QStringList> segments = folderSegments(path);
    if (!segments.ok())
        return segments.error();
    Result<FolderRecord> folder = m_archive.folders().ensureFolder(segments.value());
    if (!folder.ok())
        return folder.error();
    m_folders.insert(path, folder->id);
    return folder->id;
}

JournalRouter::Envelope JournalRouter::envelopeOf(const QString &reportText)
{
    static const QRegularExpression field(
        u"^\\s*(Sender|From|On-Behalf-Of|To|Cc|Bcc|Recipient)\\s*:\\s*(.*)$"_s,
        QRegularExpression::CaseInsensitiveOption);
    Envelope envelope;
    const QStringList lines = reportText.split(u'\n');
    // The envelope leads the report; the original's own text may follow it.
    for (qsizetype i = 0; i < std::min<qsizetype>(lines.size(), 200); ++i) {
        const QRegularExpressionMatch match = field.match(lines.at(i));
        if (!match.hasMatch())
            continue;
        const QString name = match.captured(1).toLower();
        const QStringList addresses = addressesIn(match.captured(2));
        if (name == u"sender"_s || name == u"from"_s || name == u"on-behalf-of"_s)
            envelope.senders += addresses;
        else
            envelope.recipients += addresses;
    }
    return envelope;
}

Result<QList<MessageRouter::Route>> JournalRouter::route(const QByteArray &raw)
{
    const Mime::ParsedMessage parsed = Mime::MessageParser::parse(raw);
    QByteArray archived = raw;
    QStringList senders;
    QStringList recipients;
    const bool journalReport = !headerValues(parsed.headerBlock, "X-MS-Journal-Report").isEmpty();
    QByteArray original;
    if (journalReport) {
        const QList<QByteArray> attached = Mime::embeddedMessages(raw);
        if (!attached.isEmpty())
            original = attached.first();
    }
    if (journalReport && !original.isEmpty()) {
        const Envelope envelope = envelopeOf(parsed.bodyText);
        senders = envelope.senders;
        recipients = envelope.recipients;
        archived = original;
        if (senders.isEmpty() && recipients.isEmpty()) {
            const Mime::ParsedMessage inner = Mime::MessageParser::parse(original);
            senders = addressesOf(inner.from);
            recipients = addressesOf(inner.to) + addressesOf(inner.cc) + addressesOf(inner.bcc);
        }
    } else {
        // Multidrop mail, or a report without its original (kept whole: nothing is lost).
        senders = addressesOf(parsed.from) + addressesOf(parsed.sender);
        recipients = addressesOf(parsed.to) + addressesOf(parsed.cc) + addressesOf(parsed.bcc);
        for (const QByteArray &name : {QByteArray("Delivered-To"), QByteArray("X-Original-To")}) {
            for (const QString &value : headerValues(parsed.headerBlock, name))
                recipients += addressesIn(value);
        }
    }

    QList<Route> routes;
    QSet<QString> filed;
    const auto file = [&](const QString &user, const QString &folder) -> Status {
        if (filed.contains(user + u'/' + folder))
            return {};
        Result<qint64> id = folderOf(user, folder);
        if (!id.ok())
            return id.error();
        filed.insert(user + u'/' + folder);
        routes.append({archived, id.value()});
        return {};
    };
    for (const QString &address : std::as_const(senders)) {
        if (const QString user = m_userByAddress.value(address); !user.isEmpty()) {
            if (Status filedOut = file(user, kOutgoing); !filedOut.ok())
                return filedOut.error();
        }
    }
    for (const QString &address : std::as_const(recipients)) {
        if (const QString user = m_userByAddress.value(address); !user.isEmpty()) {
            if (Status filedIn = file(user, kIncoming); !filedIn.ok())
                return filedIn.error();
        }
    }
    if (routes.isEmpty() && !m_catchAllUser.isEmpty()) {
        if (Status caught = file(m_catchAllUser, kIncoming); !caught.ok())
            return caught.error();
    }
    return routes;
}

} // namespace Mailkeep::Core
