#pragma once

#include "connectors/microsoft365/TokenClient.h"
#include "core/profiles/GraphMailbox.h"

#include <QHash>

namespace Mailkeep::Connectors {

class EwsSoap;

// A mailbox through Exchange Web Services, in the shape the Microsoft 365 archiving job works
// with (Core::GraphMailbox): the primary mailbox, its online archive, or the public folders.
// EWS has no delta query; a folder's "delta" is its item list (FindItem, paged until the last
// item, partial pages included) narrowed to what changed since the last round by
// LastModifiedTime, which a new, moved or changed item gets anew. The links are this client's
// own ("ews:..."); a round is resumed after the last item handed out, so a restart neither
// skips nor repeats (what is fetched twice, the duplicate check recognises).
class EwsMailboxClient final : public Core::GraphMailbox
{
public:
    enum class Root
    {
        Mailbox,
        Archive,
        PublicFolders,
    };

    EwsMailboxClient(TokenClient &tokens, const Core::AppCredential &credential, QString mailbox,
                     Root root, std::function<bool()> cancelled);
    ~EwsMailboxClient() override;

    Result<QList<Core::GraphFolder>> folders() override;
    Result<Core::GraphDeltaPage> delta(const QString &folderId, const QString &link) override;
    void fetch(const QList<QString> &ids,
               const std::function<void(qsizetype, Result<QByteArray>)> &each) override;
    Result<Core::GraphDeltaPage>
    fetchAndNextPage(const QList<QString> &ids, const QString &link,
                     const std::function<void(qsizetype, Result<QByteArray>)> &each) override;
    Status remove(const QList<QString> &ids) override;
    QJsonObject statistics() const override;
    QString skipPropertyFor(const Error &failure) const override;

    static constexpr int kPageSize = 100;
    static constexpr int kItemsPerGetItem = 20;

private:
    struct Item
    {
        QString id;
        QDateTime received;
        QDateTime modified;
        bool read = false;
    };
    Result<QList<Item>> listItems(const QString &folderId);
    Result<QHash<QString, QString>> wellKnownRoles();

    Root m_root;
    QString m_mailbox;
    std::unique_ptr<EwsSoap> m_soap; // keeps Qt XML inside the connector
    // The current round's item list per folder, so that its pages do not list it again.
    QHash<QString, QList<Item>> m_listed;
};

} // namespace Mailkeep::Connectors
