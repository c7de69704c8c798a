#include "connectors/microsoft365/GraphMailboxClient.h"

#include "connectors/microsoft365/GraphBatch.h"
#include "connectors/microsoft365/GraphJson.h"
#include "core/GlobalProperties.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

// Well-known folders whose role the folder choice needs (trash, junk and drafts stay out).
const QList<std::pair<QString, QString>> kWellKnown{{u"deleteditems"_s, u"trash"_s},
                                                    {u"junkemail"_s, u"junk"_s},
                                                    {u"drafts"_s, u"drafts"_s},
                                                    {u"sentitems"_s, u"sent"_s}};

} // namespace

GraphMailboxClient::GraphMailboxClient(TokenClient &tokens, const Core::AppCredential &credential,
                                       QString mailbox, std::function<bool()> cancelled,
                                       GraphSession::Limits limits)
    : m_endpoints(tokens.endpoints(credential.cloud))
    , m_mailbox(std::move(mailbox))
    , m_session(tokens, credential, m_endpoints.graphResource, std::move(cancelled), limits)
{}

QUrl GraphMailboxClient::url(const QString &path) const
{
    QString base = m_endpoints.graph.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + u"/v1.0/users/"_s + QString::fromLatin1(QUrl::toPercentEncoding(m_mailbox)) +
                    path,
                QUrl::TolerantMode);
}

Error GraphMailboxClient::graphError(const HttpResponse &response, const QString &what)
{
    const QJsonObject error = lenientJson(response.body).value(u"error"_s).toObject();
    const QString code = error.value(u"code"_s).toString();
    const QString message = error.value(u"message"_s).toString();
    const QString detail = code.isEmpty()
                               ? u"HTTP %1"_s.arg(response.status)
                               : u"HTTP %1 %2: %3"_s.arg(response.status).arg(code, message);
    if (code == u"ErrorMimeContentConversionFailed"_s)
        return Error(ErrorCode::Unsupported,
                     u"Microsoft 365 cannot convert %1 to MIME (%2)."_s.arg(what, detail));
    if (code == u"MailboxNotEnabledForRESTAPI"_s)
        return Error(ErrorCode::NotFound,
                     u"%1 has no Exchange Online mailbox that Graph can reach (no licence, or "
                     "on-premises) (%2)."_s.arg(what, detail));
    if (response.status == 403)
        return Error(ErrorCode::PermissionDenied,
                     u"Access to %1 is denied: the application needs the Mail.ReadWrite "
                     "permission with admin consent, and the mailbox must not be excluded by "
                     "an application access policy (%2)."_s.arg(what, detail));
    if (response.status == 401)
        return Error(
            ErrorCode::Unauthenticated,
            u"Microsoft Graph did not accept the sign-in for %1 (%2)."_s.arg(what, detail));
    if (response.status == 404)
        return Error(ErrorCode::NotFound, u"%1 was not found (%2)."_s.arg(what, detail));
    if (response.status == 429 || response.status >= 500)
        return Error(ErrorCode::Unavailable,
                     u"Microsoft Graph did not serve %1 (%2)."_s.arg(what, detail));
    return Error(ErrorCode::InvalidArgument,
                 u"Microsoft Graph refused the request for %1 (%2)."_s.arg(what, detail));
}

Result<QJsonObject>
GraphMailboxClient::getJson(const QUrl &target,
                            const QList<std::pair<QByteArray, QByteArray>> &headers)
{
    return graphJson(m_session, target, refusal(), headers);
}

GraphRefusal GraphMailboxClient::refusal() const
{
    return [mailbox = m_mailbox](const HttpResponse &response) {
        return graphError(response, u"the mailbox %1"_s.arg(mailbox));
    };
}

Result<QList<Core::GraphFolder>> GraphMailboxClient::folders()
{
    QHash<QString, QString> roles;
    for (const auto &[name, role] : kWellKnown) {
        HttpRequest request;
        request.url = url(u"/mailFolders/"_s + name);
        Result<HttpResponse> response = m_session.one(request);
        if (!response.ok())
            return response.error();
        if (response->status == 200)
            roles.insert(lenientJson(response->body).value(u"id"_s).toString(), role);
        else if (response->status != 404)
            return graphError(response.value(), u"the mailbox %1"_s.arg(m_mailbox));
    }
    QList<Core::GraphFolder> folders;
    // Breadth first: parents before children. Hidden folders are asked for on every level.
    QList<std::pair<QUrl, QString>> levels{
        {url(u"/mailFolders?includeHiddenFolders=true&$top=100"_s), QString()}};
    while (!levels.isEmpty()) {
        const auto [listUrl, parentPath] = levels.takeFirst();
        Result<QList<QJsonObject>> children = graphList(m_session, listUrl, refusal());
        if (!children.ok())
            return children.error();
        for (const QJsonObject &child : std::as_const(children.value())) {
            Core::GraphFolder folder;
            folder.id = child.value(u"id"_s).toString();
            QString name = child.value(u"displayName"_s).toString();
            name.replace(u'/', QChar(0x2215)); // a slash inside a name is no level
            folder.path = parentPath.isEmpty() ? name : parentPath + u'/' + name;
            folder.role = roles.value(folder.id);
            folder.items = child.value(u"totalItemCount"_s).toInteger();
            folder.hidden = child.value(u"isHidden"_s).toBool();
            folders.append(folder);
            if (child.value(u"childFolderCount"_s).toInt() > 0)
                levels.append(
                    {url(u"/mailFolders/%1/childFolders?includeHiddenFolders=true&"
                         "$top=100"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(folder.id)))),
                     folder.path});
        }
    }
    return folders;
}

HttpRequest GraphMailboxClient::deltaRequest(const QString &folderId, const QString &link) const
{
    HttpRequest request;
    request.url =
        link.isEmpty()
            ? url(u"/mailFolders/%1/messages/delta?$select=id,receivedDateTime,isRead"_s.arg(
                  QString::fromLatin1(QUrl::toPercentEncoding(folderId))))
            : QUrl(link, QUrl::TolerantMode);
    request.headers = {{"Prefer", "odata.maxpagesize=100"}, {"Accept", "application/json"}};
    return request;
}

HttpRequest GraphMailboxClient::valueRequest(const QString &id) const
{
    HttpRequest request;
    request.url =
        url(u"/messages/%1/$value"_s.arg(QString::fromLatin1(QUrl::toPercentEncoding(id))));
    return request;
}

Result<Core::GraphDeltaPage> GraphMailboxClient::pageFrom(const HttpResponse &response) const
{
    Core::GraphDeltaPage page;
    if (response.status == 410 || response.body.contains("yncStateNotFound") ||
        response.body.contains("resyncRequired")) {
        page.syncStateLost = true;
        return page;
    }
    if (response.status != 200)
        return graphError(response, u"a folder of %1"_s.arg(m_mailbox));
    const QJsonObject json = lenientJson(response.body);
    for (const QJsonValue &item : json.value(u"value"_s).toArray()) {
        const QJsonObject message = item.toObject();
        Core::GraphChange change;
        change.id = message.value(u"id"_s).toString();
        change.removed = message.contains(u"@removed"_s);
        change.read = message.value(u"isRead"_s).toBool();
        change.received =
            QDateTime::fromString(message.value(u"receivedDateTime"_s).toString(), Qt::ISODate);
        if (!change.id.isEmpty())
            page.changes.append(change);
    }
    page.nextLink = json.value(u"@odata.nextLink"_s).toString();
    page.deltaLink = json.value(u"@odata.deltaLink"_s).toString();
    return page;
}

Result<Core::GraphDeltaPage> GraphMailboxClient::delta(const QString &folderId, const QString &link)
{
    Result<HttpResponse> response = m_session.one(deltaRequest(folderId, link));
    if (!response.ok())
        return response.error();
    return pageFrom(response.value());
}

void GraphMailboxClient::fetch(const QList<QString> &ids,
                               const std::function<void(qsizetype, Result<QByteArray>)> &each)
{
    (void)fetchAndNextPage(ids, {}, each);
}

Result<Core::GraphDeltaPage>
GraphMailboxClient::fetchAndNextPage(const QList<QString> &ids, const QString &link,
                                     const std::function<void(qsizetype, Result<QByteArray>)> &each)
{
    QList<HttpRequest> requests;
    for (const QString &id : ids)
        requests.append(valueRequest(id));
    if (!link.isEmpty()) // the links carry their folder
        requests.append(deltaRequest({}, link));
    Result<Core::GraphDeltaPage> next = Core::GraphDeltaPage{};
    m_session.run(requests, [&](qsizetype index, Result<HttpResponse> response) {
        if (index == ids.size()) {
            next = response.ok() ? pageFrom(response.value())
                                 : Result<Core::GraphDeltaPage>(response.error());
            return;
        }
        if (!response.ok())
            return each(index, response.error());
        if (response->status != 200)
            return each(index,
                        graphError(response.value(), u"the message %1"_s.arg(ids.at(index))));
        // The bytes as Exchange gives them: never parsed as JSON.
        each(index, std::move(response->body));
    });
    return next;
}

QString GraphMailboxClient::skipPropertyFor(const Error &failure) const
{
    return failure.code == ErrorCode::Unsupported
               ? Core::GlobalProperty::SkipGraphContentConversionFailed
               : QString();
}

Status GraphMailboxClient::remove(const QList<QString> &ids)
{
    // Deletions are small requests where the round trip is most of the cost: batched.
    const QString mailbox = QString::fromLatin1(QUrl::toPercentEncoding(m_mailbox));
    QList<BatchPart> parts;
    for (const QString &id : ids)
        parts.append({"DELETE", u"/users/%1/messages/%2"_s.arg(
                                    mailbox, QString::fromLatin1(QUrl::toPercentEncoding(id)))});
    QString base = m_endpoints.graph.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    Status failed;
    runBatched(
        m_session, QUrl(base + u"/v1.0/$batch"_s), parts,
        [&](qsizetype index, Result<HttpResponse> response) {
            if (!failed.ok())
                return;
            if (!response.ok())
                failed = response.error();
            else if (response->status != 204 && response->status != 200 && response->status != 404)
                failed = graphError(response.value(), u"the message %1"_s.arg(ids.at(index)));
        });
    return failed;
}

} // namespace Mailkeep::Connectors
