#pragma once

#include "connectors/microsoft365/GraphSession.h"
#include "core/profiles/GraphMailbox.h"

namespace Mailkeep::Connectors {

// Core::GraphMailbox over Microsoft Graph v1.0 for one mailbox (user id or principal name).
class GraphMailboxClient final : public Core::GraphMailbox
{
public:
    GraphMailboxClient(TokenClient &tokens, const Core::AppCredential &credential, QString mailbox,
                       std::function<bool()> cancelled, GraphSession::Limits limits = {});

    Result<QList<Core::GraphFolder>> folders() override;
    Result<Core::GraphDeltaPage> delta(const QString &folderId, const QString &link) override;
    void fetch(const QList<QString> &ids,
               const std::function<void(qsizetype, Result<QByteArray>)> &each) override;
    Result<Core::GraphDeltaPage>
    fetchAndNextPage(const QList<QString> &ids, const QString &link,
                     const std::function<void(qsizetype, Result<QByteArray>)> &each) override;
    Status remove(const QList<QString> &ids) override;
    QJsonObject statistics() const override { return m_session.statistics(); }
    QString skipPropertyFor(const Error &failure) const override;

    // A Graph error answer ({"error": {"code", "message"}}) as an error for an administrator.
    static Error graphError(const HttpResponse &response, const QString &what);

private:
    QUrl url(const QString &path) const;
    HttpRequest deltaRequest(const QString &folderId, const QString &link) const;
    HttpRequest valueRequest(const QString &id) const;
    Result<Core::GraphDeltaPage> pageFrom(const HttpResponse &response) const;
    Result<QJsonObject> getJson(const QUrl &url,
                                const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    std::function<Error(const HttpResponse &)> refusal() const;

    CloudEndpoints m_endpoints;
    QString m_mailbox;
    GraphSession m_session;
};

} // namespace Mailkeep::Connectors
