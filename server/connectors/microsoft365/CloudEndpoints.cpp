#include "connectors/microsoft365/CloudEndpoints.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

QUrl chosen(const QUrl &override, const QString &fallback)
{
    return override.isValid() && !override.isEmpty() ? override : QUrl(fallback);
}

} // namespace

CloudEndpoints endpointsFor(const QString &cloud, const CloudOverrides &overrides)
{
    const bool china = cloud == u"china"_s;
    CloudEndpoints endpoints =
        china
            ? CloudEndpoints{chosen(overrides.chinaLogin, u"https://login.chinacloudapi.cn"_s),
                             chosen(overrides.chinaGraph,
                                    u"https://microsoftgraph.chinacloudapi.cn"_s),
                             chosen(overrides.chinaExchange, u"https://partner.outlook.cn"_s),
                             u"https://microsoftgraph.chinacloudapi.cn"_s,
                             u"https://partner.outlook.cn"_s,
                             u"partner.outlook.cn"_s}
            : CloudEndpoints{chosen(overrides.globalLogin, u"https://login.microsoftonline.com"_s),
                             chosen(overrides.globalGraph, u"https://graph.microsoft.com"_s),
                             chosen(overrides.globalExchange, u"https://outlook.office365.com"_s),
                             u"https://graph.microsoft.com"_s,
                             u"https://outlook.office365.com"_s,
                             u"outlook.office365.com"_s};
    const QUrl &imap = china ? overrides.chinaImap : overrides.globalImap;
    if (imap.isValid() && !imap.host().isEmpty()) {
        endpoints.imapHost = imap.host();
        endpoints.imapPort = static_cast<quint16>(imap.port(993));
    }
    return endpoints;
}

QString tokenUrl(const CloudEndpoints &endpoints, const QString &tenant)
{
    QString base = endpoints.login.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(tenant)) +
           u"/oauth2/v2.0/token"_s;
}

} // namespace Mailkeep::Connectors
