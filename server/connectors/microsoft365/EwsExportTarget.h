#pragma once

#include "connectors/microsoft365/TokenClient.h"
#include "core/profiles/MailTarget.h"

#include <QHash>

namespace Mailkeep::Connectors {

class EwsSoap;

// Export into a Microsoft 365 mailbox over Exchange Web Services (profile type
// microsoft365EwsExport, until Microsoft ends EWS; the conversion tool turns it into
// microsoft365Export over IMAP): folders below "Mailkeep Export" made with CreateFolder, each
// message created from its MIME content, read and not a draft (PidTagMessageFlags).
class EwsExportTarget final : public Core::MailTarget
{
public:
    EwsExportTarget(TokenClient &tokens, const Core::AppCredential &credential, QString mailbox);
    ~EwsExportTarget() override;
    Status begin() override;
    Result<Outcome> write(const Core::ExportMessage &message) override;
    bool fatal() const override { return m_fatal; }
    Status finish(QJsonObject &details) override;

private:
    // The folder's id, made when missing; parentId empty: below the top of the mailbox.
    Result<QString> folder(const QString &parentId, const QString &name);

    QString m_mailbox;
    std::unique_ptr<EwsSoap> m_soap;
    QHash<QString, QString> m_folders; // path -> folder id
    bool m_fatal = false;
    qint64 m_created = 0;
};

} // namespace Mailkeep::Connectors
