#pragma once

#include "connectors/microsoft365/CloudEndpoints.h"
#include "core/credentials/AppCredential.h"
#include "model/Result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <functional>
#include <mutex>

namespace Mailkeep::Connectors {

class BlockingHttp;

struct AccessToken
{
    QByteArray token;
    QDateTime expiresAt;
    // The application permissions the token carries (its roles claim); none when the admin
    // consent is missing: Entra ID issues the token anyway and the calls fail later.
    QStringList roles;
};

// App-only access tokens from Entra ID: the client-credentials grant with a certificate
// assertion (ClientAssertion). Tokens are cached per credential, certificate and resource and
// used until shortly before their own expires_in says (never an assumed hour). Refusals come
// back as messages an administrator can act on, the AADSTS code included. Thread-safe; each
// call brings the calling thread's BlockingHttp.
class TokenClient
{
public:
    explicit TokenClient(CloudOverrides overrides = {});

    // resource: e.g. "https://graph.microsoft.com" (the scope is <resource>/.default).
    Result<AccessToken> token(const Core::AppCredential &credential, const QString &resource,
                              BlockingHttp &http, const std::function<bool()> &cancelled = {});
    // After a 401 for an expired or revoked token: the next call asks for a new one.
    void forget(const Core::AppCredential &credential, const QString &resource);

    CloudEndpoints endpoints(const QString &cloud) const;
    const CloudOverrides &overrides() const { return m_overrides; }

    // The text of an Entra ID error answer (JSON with error, error_description, error_codes)
    // as advice for an administrator.
    static Error refusal(int status, const QByteArray &body, const Core::AppCredential &credential);

private:
    QString cacheKey(const Core::AppCredential &credential, const QString &resource) const;

    CloudOverrides m_overrides;
    std::mutex m_mutex;
    QHash<QString, AccessToken> m_cache;
};

} // namespace Mailkeep::Connectors
