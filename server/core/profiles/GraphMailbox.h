#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace Mailkeep::Core {

// A mail folder of a Microsoft 365 mailbox, with its path of display names.
struct GraphFolder
{
    QString id;
    QString path; // "Inbox/Projects"; a "/" inside a name becomes "∕"
    QString role; // "trash", "junk", "drafts", "sent" or empty (from the well-known folders)
    qint64 items = 0;
    bool hidden = false;
};

struct GraphChange
{
    QString id;
    bool removed = false;
    bool read = false;
    QDateTime received;
};

// One page of a folder's message delta (Graph delta query).
struct GraphDeltaPage
{
    QList<GraphChange> changes;
    QString nextLink;  // more of this round
    QString deltaLink; // the round is complete: ask this next time for what changed
    // The delta link was no longer valid (410, syncStateNotFound): start a full round.
    bool syncStateLost = false;
};

// One Microsoft 365 mailbox through Microsoft Graph (or through EWS in the same shape);
// implemented by Mailkeep::Connectors.
// Blocking, for one thread. Requests are throttle-aware (at most 4 at once, the mailbox's
// request budget, Retry-After) and fail with errors an administrator can act on.
class GraphMailbox
{
public:
    virtual ~GraphMailbox() = default;
    // Every folder, hidden ones too, parents before children.
    virtual Result<QList<GraphFolder>> folders() = 0;
    // The first page of a full round (link empty) or the page a next or delta link names.
    virtual Result<GraphDeltaPage> delta(const QString &folderId, const QString &link) = 0;
    // The raw MIME of each message ($value), several at once; `each` is called in this thread
    // as they arrive, in any order, with the index into `ids`. A message Microsoft cannot
    // convert to MIME fails with ErrorCode::Unsupported.
    virtual void fetch(const QList<QString> &ids,
                       const std::function<void(qsizetype, Result<QByteArray>)> &each) = 0;
    // fetch(), and along with it the delta page `link` names: waiting for the next page then
    // overlaps with the messages of this one.
    virtual Result<GraphDeltaPage>
    fetchAndNextPage(const QList<QString> &ids, const QString &link,
                     const std::function<void(qsizetype, Result<QByteArray>)> &each) = 0;
    // Deletes (into Deleted Items); a message already gone counts as deleted.
    virtual Status remove(const QList<QString> &ids) = 0;
    // Requests made, answers that asked to wait, and the time spent waiting.
    virtual QJsonObject statistics() const = 0;
    // The global property (GlobalProperty) that, when true, makes this failure of one message
    // no archiving error; empty when none does.
    virtual QString skipPropertyFor(const Error &failure) const = 0;
};

using GraphConnector = std::function<Result<std::unique_ptr<GraphMailbox>>(
    qint64 credentialId, const QString &mailbox, std::function<bool()> cancelled)>;

} // namespace Mailkeep::Core
