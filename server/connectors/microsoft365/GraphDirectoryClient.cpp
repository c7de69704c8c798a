#include "connectors/microsoft365/GraphDirectoryClient.h"

#include "connectors/microsoft365/GraphJson.h"
#include "connectors/microsoft365/GraphMailboxClient.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

QStringList texts(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &item : array.toArray())
        list << item.toString();
    return list;
}

// Licensed for a mailbox: an Exchange service plan that is switched on (not Warning,
// Suspended, Deleted or LockedOut).
bool hasExchangePlan(const QJsonArray &assignedPlans)
{
    for (const QJsonValue &plan : assignedPlans) {
        if (plan[u"service"_s].toString().compare(u"exchange"_s, Qt::CaseInsensitive) == 0 &&
            plan[u"capabilityStatus"_s].toString() == u"Enabled"_s)
            return true;
    }
    return false;
}

} // namespace

GraphDirectoryClient::GraphDirectoryClient(TokenClient &tokens,
                                           const Core::AppCredential &credential,
                                           std::function<bool()> cancelled)
    : m_endpoints(tokens.endpoints(credential.cloud))
    , m_session(tokens, credential, m_endpoints.graphResource, std::move(cancelled))
{}

QUrl GraphDirectoryClient::url(const QString &path, const QString &query) const
{
    QString base = m_endpoints.graph.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + u"/v1.0"_s + path + u'?' + query, QUrl::TolerantMode);
}

Error GraphDirectoryClient::directoryError(const HttpResponse &response)
{
    if (response.status == 403)
        return Error(ErrorCode::PermissionDenied,
                     u"Microsoft Graph refuses to list the directory: the application needs the "
                     "Directory.Read.All permission (API permissions > Microsoft Graph > "
                     "Application permissions) with admin consent for the tenant (HTTP 403)."_s);
    return GraphMailboxClient::graphError(response, u"the directory"_s);
}

Result<QList<Core::DirectoryAccount>> GraphDirectoryClient::accounts()
{
    Result<QList<QJsonObject>> users =
        graphList(m_session,
                  url(u"/users"_s, u"$select=id,userPrincipalName,displayName,mail,accountEnabled,"
                                   "assignedPlans,proxyAddresses&$top=999"_s),
                  &GraphDirectoryClient::directoryError);
    if (!users.ok())
        return users.error();
    QList<Core::DirectoryAccount> accounts;
    accounts.reserve(users->size());
    for (const QJsonObject &user : std::as_const(users.value())) {
        Core::DirectoryAccount account;
        account.objectId = user[u"id"_s].toString();
        account.userPrincipalName = user[u"userPrincipalName"_s].toString();
        account.displayName = user[u"displayName"_s].toString();
        account.mail = user[u"mail"_s].toString();
        account.proxyAddresses = texts(user[u"proxyAddresses"_s]);
        account.enabled = user[u"accountEnabled"_s].toBool(true);
        account.exchangeLicensed = hasExchangePlan(user[u"assignedPlans"_s].toArray());
        if (!account.objectId.isEmpty())
            accounts.append(account);
    }
    return accounts;
}

Result<QList<Core::DirectoryGroup>> GraphDirectoryClient::groups()
{
    Result<QList<QJsonObject>> listed = graphList(
        m_session,
        url(u"/groups"_s,
            u"$select=id,displayName,mail,securityEnabled,groupTypes,proxyAddresses&$top=999"_s),
        &GraphDirectoryClient::directoryError);
    if (!listed.ok())
        return listed.error();
    QList<Core::DirectoryGroup> groups;
    for (const QJsonObject &item : std::as_const(listed.value())) {
        Core::DirectoryGroup group;
        group.objectId = item[u"id"_s].toString();
        group.displayName = item[u"displayName"_s].toString();
        group.mail = item[u"mail"_s].toString();
        group.proxyAddresses = texts(item[u"proxyAddresses"_s]);
        group.securityEnabled = item[u"securityEnabled"_s].toBool();
        group.unified = texts(item[u"groupTypes"_s]).contains(u"Unified"_s);
        groups.append(group);
    }
    return groups;
}

Result<QSet<QString>> GraphDirectoryClient::memberAccounts(const QString &groupId)
{
    const QString id = QString::fromLatin1(QUrl::toPercentEncoding(groupId));
    Result<QList<QJsonObject>> members =
        graphList(m_session,
                  url(u"/groups/%1/transitiveMembers/microsoft.graph.user"_s.arg(id),
                      u"$select=id&$top=999"_s),
                  &GraphDirectoryClient::directoryError);
    if (!members.ok())
        return members.error();
    QSet<QString> ids;
    for (const QJsonObject &member : std::as_const(members.value()))
        ids.insert(member[u"id"_s].toString());
    return ids;
}

} // namespace Mailkeep::Connectors
