#pragma once

#include "api/Envelope.h"
#include "api/FormEncoding.h"
#include "api/FunctionSignature.h"

#include <QDateTime>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSslCertificate;

namespace Mailkeep::Api {

// Where and as whom a client talks to the Administration API.
struct ServerAddress
{
    QString host = QStringLiteral("localhost");
    quint16 port = 8463;
    QString userName;
    QString password;
    // SHA-256 of the server certificate (hex, colons and case do not matter). Set: only that
    // certificate is accepted, whoever signed it. Empty: the system's trusted authorities.
    QString pinnedSha256;
    int timeoutMs = 60000; // for one HTTP exchange
    // Which of Mailkeep's clients calls (X-Mailkeep-Client: "shell", "console"): the server
    // then asks for that client's login privilege instead of "api".
    QByteArray clientKind;
};

// Why a call did not reach an answer of the function itself.
enum class CallFailure
{
    None,
    Connection,     // no connection, or it broke
    Certificate,    // TLS: untrusted or not the pinned certificate
    Authentication, // 401
    Protocol,       // an answer that is not the API's
};

struct CallResult
{
    CallFailure failure = CallFailure::None;
    QString failureMessage;
    Envelope envelope;        // the final answer when failure is None
    bool interrupted = false; // the caller asked to stop and the server task was cancelled
    // The certificate the server presented (for a trust-on-first-use question).
    QString peerFingerprint;
    QString peerSubject;
};

// A blocking client of the HTTPS Administration API (admin-api-wire.md): form-encoded
// arguments, Basic authentication, the envelope, and long-running calls followed through
// get-status to their end. Runs a local event loop while it waits, so use it from a thread
// without other work, or from a worker thread.
class ApiClient
{
public:
    explicit ApiClient(ServerAddress address);
    ~ApiClient();
    ApiClient(const ApiClient &) = delete;
    ApiClient &operator=(const ApiClient &) = delete;

    using ProgressHandler = std::function<void(const Envelope &running)>;
    // Calls the function and follows it to its end. `onProgress` sees every running status;
    // when `interrupt` becomes true the server task is asked to stop (cancel-async).
    CallResult invoke(const QString &function, const FormFields &arguments = {},
                      const ProgressHandler &onProgress = {},
                      const std::atomic<bool> *interrupt = nullptr);
    // The functions the server offers (get-metadata).
    Result<QList<FunctionSignature>> metadata(CallFailure *failure = nullptr);

    // The SHA-256 fingerprint of the certificate the server last presented (AA:BB:...).
    QString peerFingerprint() const { return m_peerFingerprint; }
    QString peerSubject() const { return m_peerSubject; }
    QDateTime peerExpires() const { return m_peerExpires; }
    static QString normalisedFingerprint(const QString &fingerprint);

private:
    struct HttpAnswer
    {
        int status = 0;
        QByteArray body;
        CallFailure failure = CallFailure::None;
        QString message;
    };
    HttpAnswer post(const QString &path, const QByteArray &body);
    CallResult envelopeOf(const HttpAnswer &answer);
    void notePeer(const QSslCertificate &certificate);

    ServerAddress m_address;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QString m_peerFingerprint;
    QString m_peerSubject;
    QDateTime m_peerExpires;
};

} // namespace Mailkeep::Api
