#pragma once

#include "core/profiles/MailTarget.h"
#include "core/profiles/MailboxConnection.h"

#include <QSet>

namespace Mailkeep::Connectors {

// Export into an IMAP mailbox: below a folder "Mailkeep Export" (and, when folders are kept,
// the archive folders below it), each message appended with its date as the internal date
// and marked as read. A message the server refuses (too large, over quota, a NO or BAD answer)
// fails alone with the server's answer; a lost connection ends the export.
class ImapTarget final : public Core::MailTarget
{
public:
    ImapTarget(Core::ImapAccount account, Core::MailboxConnector connect,
               Core::CancelCheck cancelled);
    Status begin() override;
    Result<Outcome> write(const Core::ExportMessage &message) override;
    bool fatal() const override { return m_fatal; }
    Status finish(QJsonObject &details) override;

    static inline const QString kRootFolder = QStringLiteral("Mailkeep Export");

private:
    bool endsTheExport(const Error &error) const;

    Core::ImapAccount m_account;
    Core::MailboxConnector m_connect;
    Core::CancelCheck m_cancelled;
    std::unique_ptr<Core::MailboxConnection> m_connection;
    QSet<QString> m_created;
    bool m_fatal = false;
    qint64 m_appended = 0;
};

} // namespace Mailkeep::Connectors
