#pragma once

#include <QString>
#include <QUrl>

namespace Mailkeep::Connectors {

// Where a Microsoft cloud's services are, and the resource names that token scopes use.
// The resource names never change; the base URLs may be set in the configuration (a proxy,
// or the local fake Microsoft 365 of the tests).
struct CloudEndpoints
{
    QUrl login;               // Entra ID: <login>/<tenant>/oauth2/v2.0/token
    QUrl graph;               // Microsoft Graph: <graph>/v1.0/...
    QUrl exchange;            // Exchange Online (EWS)
    QString graphResource;    // "https://graph.microsoft.com": scope <resource>/.default
    QString exchangeResource; // "https://outlook.office365.com"
    QString imapHost;         // outlook.office365.com
    quint16 imapPort = 993;   // IMAP over TLS
};

// Base URLs set in the configuration ([microsoft365] globalLoginUrl=... and so on), per cloud.
struct CloudOverrides
{
    QUrl globalLogin, globalGraph, globalExchange;
    QUrl chinaLogin, chinaGraph, chinaExchange;
    QUrl globalImap, chinaImap; // imaps://host:port of Exchange Online's IMAP service
    QString caCertificatesFile; // extra trusted authorities (PEM), besides the system's
};

// The cloud's endpoints ("global" or "china", the one operated by 21Vianet) with the
// overrides applied.
CloudEndpoints endpointsFor(const QString &cloud, const CloudOverrides &overrides = {});

QString tokenUrl(const CloudEndpoints &endpoints, const QString &tenant);

} // namespace Mailkeep::Connectors
