#pragma once

#include "api/FormEncoding.h"
#include "app/ArchiveStack.h"
#include "app/Microsoft365Stack.h"
#include "app/ProfileStack.h"
#include "core/ServiceInformation.h"
#include "http/ApiStack.h"
#include "storage/PgConnectionPool.h"
#include "storage/PgUserStore.h"
#include "support/HttpsTestClient.h"
#include "support/TestPostgres.h"

#include <QJsonObject>
#include <QTemporaryDir>

#include <atomic>
#include <memory>

namespace Mailkeep::Testing {

// A real ApiServer over TLS on loopback, backed by a fresh PostgreSQL database with a master
// key ring, a current archive store, and three users:
// admin (admin, all login privileges), alice (no admin, "api" login) and carol (console only).
// Besides the server's own functions it registers TestEcho (every argument type) and TestGate
// (a long-running call the test opens, advances or cancels).
class ApiServerFixture : public PostgresTest
{
protected:
    void SetUp() override;
    // Where the server finds Microsoft 365 (a test fake); by default Microsoft's own.
    virtual Connectors::CloudOverrides microsoft365Endpoints() const { return {}; }
    void TearDown() override;

    HttpsTestClient client(const QString &user = {}, const QString &password = {});
    // The user, store, folder and message functions of m_archive.
    void registerArchiveFunctions();
    // Invokes, follows a long-running call to its end, and returns the final envelope's JSON
    // object (BOM stripped).
    QJsonObject invokeJson(HttpsTestClient &client, const QString &function,
                           const QByteArray &body = {});
    // invokeJson with form fields.
    QJsonObject call(HttpsTestClient &caller, const QString &function,
                     const Api::FormFields &fields = {});
    static QString status(const QJsonObject &envelope);  // statusCode
    static QString message(const QJsonObject &envelope); // error.message

    static inline const QString kAdminPassword = QStringLiteral("admin-Pa55");
    static inline const QString kAlicePassword = QStringLiteral("alice-Pa55");
    static inline const QString kCarolPassword = QStringLiteral("carol-Pa55");

    ManualClock m_clock;
    std::atomic<bool> m_gateOpen = false;
    std::atomic<bool> m_gateAdvance = false;
    std::atomic<bool> m_gateSawCancel = false;
    QString m_fingerprint;
    quint16 m_port = 0;

    std::unique_ptr<Storage::PgConnectionPool> m_pool;
    std::unique_ptr<Storage::PgUserStore> m_users;
    QTemporaryDir m_keyFolder;
    QString m_recoveryKey; // shown when the key ring was created in SetUp
    std::unique_ptr<App::ArchiveStack> m_archive;
    std::unique_ptr<App::ProfileStack> m_profiles; // its scheduler is not started
    std::unique_ptr<App::Microsoft365Stack> m_microsoft365;
    std::unique_ptr<Http::ApiStack> m_api;

    Core::ServiceInformation m_information;
};

QJsonObject parseEnvelopeObject(const QByteArray &body);

} // namespace Mailkeep::Testing
