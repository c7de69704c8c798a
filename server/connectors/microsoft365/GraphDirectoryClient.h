#pragma once

#include "connectors/microsoft365/GraphSession.h"
#include "core/directory/DirectorySource.h"

namespace Mailkeep::Connectors {

// Core::DirectorySource over Microsoft Graph v1.0: users, groups and transitive group members
// of the credential's tenant (Directory.Read.All). Lists are read page by page with $top=999.
class GraphDirectoryClient final : public Core::DirectorySource
{
public:
    GraphDirectoryClient(TokenClient &tokens, const Core::AppCredential &credential,
                         std::function<bool()> cancelled);

    Result<QList<Core::DirectoryAccount>> accounts() override;
    Result<QList<Core::DirectoryGroup>> groups() override;
    Result<QSet<QString>> memberAccounts(const QString &groupId) override;

    // A refusal of a directory request, as advice for an administrator.
    static Error directoryError(const HttpResponse &response);

private:
    QUrl url(const QString &path, const QString &query) const;

    CloudEndpoints m_endpoints;
    GraphSession m_session;
};

} // namespace Mailkeep::Connectors
