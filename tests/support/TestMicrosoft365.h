#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Mailkeep::Testing {

// The fake Microsoft 365 of tests/fakes/microsoft365 (Python, standard library only) for one
// test: Entra ID's token endpoint and Graph, one HTTPS listener per cloud (global, china) on
// 127.0.0.1 with a self-signed certificate (caFile() trusts it). The test loads a tenant
// scenario, moves the fake's clock, injects faults and reads what the fake saw.
class TestMicrosoft365
{
public:
    TestMicrosoft365();
    ~TestMicrosoft365(); // stops the fake

    Status start();
    QString baseUrl(const QString &cloud = QStringLiteral("global")) const;
    // Exchange Online's IMAP service (TLS, the same certificate as baseUrl).
    quint16 imapPort() const;
    // The IMAP folders of a mailbox: {"folder": [{"uid", "flags", "date", "raw" (base64)}]}.
    Result<QJsonObject> imapFolders(const QString &user);
    QString caFile() const;

    Status loadScenario(const QJsonObject &scenario);
    Status setClockOffset(double seconds);
    // {"path": regex, "method": opt, "status": ..., "body": {...}, "retryAfter": opt,
    //  "count": uses (default 1; -1 for ever), "skip": matching requests let through first}
    Status addFault(const QJsonObject &fault);
    Result<QJsonObject> log(); // {"requests": [...], "assertions": [...]}
    // Mailboxes: a message (spec as in the scenario) into a folder given by its path of
    // display names; every delta link of a mailbox made invalid (410); the message ids per
    // folder id; and the throttling seen per "app/mailbox" (maxInFlight, refused...).
    Status addMessage(const QString &user, const QString &folderPath, const QJsonObject &spec);
    Status expireDeltaLinks(const QString &user);
    Result<QJsonObject> mailbox(const QString &user);
    Result<QJsonObject> throttling();
    // Per application id: the most mailboxes that had requests in flight at the same time.
    Result<QJsonObject> mailboxesAtOnce();

private:
    Result<QJsonObject> control(const QByteArray &verb, const QString &path,
                                const QJsonObject &body = {});

    std::unique_ptr<QTemporaryDir> m_directory;
    QProcess m_process;
    QJsonObject m_ports;
    QString m_fingerprint;
};

} // namespace Mailkeep::Testing
