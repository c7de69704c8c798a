#include "connectors/imap/ImapTarget.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

ImapTarget::ImapTarget(Core::ImapAccount account, Core::MailboxConnector connect,
                       Core::CancelCheck cancelled)
    : m_account(std::move(account))
    , m_connect(std::move(connect))
    , m_cancelled(std::move(cancelled))
{}

Status ImapTarget::begin()
{
    Result<std::unique_ptr<Core::MailboxConnection>> connected = m_connect(m_account, m_cancelled);
    if (!connected.ok()) {
        m_fatal = true;
        return connected.error();
    }
    m_connection = std::move(connected.value());
    if (Status created = m_connection->createFolder(kRootFolder); !created.ok()) {
        m_fatal = true;
        return created;
    }
    m_created.insert(kRootFolder);
    return {};
}

// A refused message fails alone. A lost connection, a cancel, or a sign-in the server no
// longer accepts (each folder vmime opens signs in again; a token may have expired) would fail
// every message after it the same way: they end the export.
bool ImapTarget::endsTheExport(const Error &error) const
{
    return !m_connection->connected() || error.code == ErrorCode::Cancelled ||
           error.code == ErrorCode::Unauthenticated || error.code == ErrorCode::PermissionDenied;
}

Result<Core::MailTarget::Outcome> ImapTarget::write(const Core::ExportMessage &message)
{
    QStringList path{kRootFolder};
    for (const QString &segment : message.folder) {
        // The hierarchy separator cannot be part of a name.
        QString name = segment;
        path << name.replace(u'/', u'_');
    }
    const QString folder = path.join(u'/');
    // Parents first: not every server creates them on its own.
    for (qsizetype depth = 2; depth <= path.size(); ++depth) {
        const QString level = path.mid(0, depth).join(u'/');
        if (m_created.contains(level))
            continue;
        if (Status created = m_connection->createFolder(level); !created.ok()) {
            m_fatal = endsTheExport(created.error());
            return created.error();
        }
        m_created.insert(level);
    }
    if (Status appended = m_connection->append(folder, message.raw, true, message.date);
        !appended.ok()) {
        m_fatal = endsTheExport(appended.error());
        return appended.error();
    }
    ++m_appended;
    return Outcome::Written;
}

Status ImapTarget::finish(QJsonObject &details)
{
    details.insert(u"host"_s, m_account.host);
    details.insert(u"folder"_s, kRootFolder);
    details.insert(u"appended"_s, static_cast<double>(m_appended));
    m_connection.reset();
    return {};
}

} // namespace Mailkeep::Connectors
