#include "core/profiles/ImapFolderPositions.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

std::optional<ImapFolderPositions::Position> positionFrom(const QString &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    if (!json.contains(u"uidValidity"_s))
        return std::nullopt;
    return ImapFolderPositions::Position{
        static_cast<quint32>(json.value(u"uidValidity"_s).toInteger()),
        static_cast<quint32>(json.value(u"lastUid"_s).toInteger())};
}

} // namespace

Result<ImapFolderPositions> ImapFolderPositions::load(MessageStore &messages,
                                                      const QString &mailboxKey,
                                                      const QList<MailboxFolder> &onServer)
{
    ImapFolderPositions positions;
    positions.m_mailboxKey = mailboxKey;
    for (const MailboxFolder &folder : onServer)
        positions.m_onServer.insert(folder.path);
    const QString prefix = mailboxKey + u':';
    Result<QList<SourceCheckpoint>> saved = messages.checkpointsWithPrefix(prefix);
    if (!saved.ok())
        return saved.error();
    for (const SourceCheckpoint &checkpoint : std::as_const(saved.value())) {
        // The destination part never holds a colon; the folder path may.
        const QString rest = checkpoint.key.mid(prefix.size());
        const qsizetype split = rest.lastIndexOf(u':');
        const std::optional<Position> position = positionFrom(checkpoint.position);
        if (split < 0 || !position)
            continue;
        positions.m_known.append({rest.left(split), rest.mid(split + 1), *position});
    }
    return positions;
}

QString ImapFolderPositions::key(const QString &path, const QString &checkpointPart) const
{
    return m_mailboxKey + u':' + path + u':' + checkpointPart;
}

std::optional<ImapFolderPositions::Position>
ImapFolderPositions::position(const QString &path, const QString &checkpointPart) const
{
    for (const Known &known : m_known) {
        if (known.path == path && known.checkpointPart == checkpointPart)
            return known.position;
    }
    return std::nullopt;
}

std::optional<ImapFolderPositions::Continuation>
ImapFolderPositions::continuation(const QString &path, quint32 uidValidity)
{
    std::optional<qsizetype> own;
    for (qsizetype i = 0; i < m_known.size(); ++i) {
        const Known &known = m_known.at(i);
        if (known.path == path && (!own || known.position.uidValidity == uidValidity))
            own = i;
    }
    if (own)
        return Continuation{{}, m_known.at(*own).checkpointPart, m_known.at(*own).position};

    std::optional<qsizetype> match;
    for (qsizetype i = 0; i < m_known.size(); ++i) {
        const Known &known = m_known.at(i);
        if (known.position.uidValidity != uidValidity || m_onServer.contains(known.path) ||
            m_givenOut.contains(i))
            continue;
        if (match)
            return std::nullopt; // two candidates: better archived again than mixed up
        match = i;
    }
    if (!match)
        return std::nullopt;
    m_givenOut.insert(*match);
    const Known &former = m_known.at(*match);
    return Continuation{former.path, former.checkpointPart, former.position};
}

QString ImapFolderPositions::positionText(const Position &position)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{u"uidValidity"_s, static_cast<double>(position.uidValidity)},
                                  {u"lastUid"_s, static_cast<double>(position.lastUid)}})
            .toJson(QJsonDocument::Compact));
}

} // namespace Mailkeep::Core
