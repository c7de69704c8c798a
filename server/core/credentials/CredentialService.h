#pragma once

#include "core/KeyRing.h"
#include "core/credentials/AppCredential.h"
#include "core/credentials/CredentialStore.h"
#include "core/profiles/ProfileStore.h"

#include <QJsonObject>

#include <functional>

namespace Mailkeep::Core {

// What an administrator sets on a credential; unset fields stay as they are on a change.
struct CredentialSettings
{
    std::optional<QString> description;
    std::optional<QString> tenantId;
    std::optional<QString> applicationId;
    std::optional<QString> cloud;
    std::optional<QString> assertionAlgorithm;
    int keyBits = 2048; // of a new certificate: 2048 or 3072
};

// Credential objects for Microsoft 365 (Entra ID applications that sign in with a
// certificate). The server makes the key pair and a self-signed certificate, valid 3750 days,
// whose public half the administrator uploads to Entra ID. The private key is sealed with the
// master key and never leaves the server. For administrators only: the functions check that
// and write the audit log.
class CredentialService
{
public:
    static constexpr int kCertificateValidDays = 3750;
    static constexpr int kExpiryWarningDays = 28; // dashboard and status report from then on

    CredentialService(CredentialStore &credentials, ProfileStore &profiles, KeyRing &keys);

    Result<CredentialRecord> create(const QString &type, const CredentialSettings &settings);
    Result<QList<CredentialRecord>> all();
    Result<CredentialRecord> credential(qint64 id);
    // newCertificate: a new key pair and certificate replace the old ones (renewal).
    Result<CredentialRecord> change(qint64 id, const CredentialSettings &settings,
                                    bool newCertificate);
    // Refused while a profile uses the credential.
    Status remove(qint64 id);
    // Ids of the profiles whose credentialId is this credential.
    Result<QList<qint64>> usedBy(qint64 id);
    // Users of credentials other than profiles (the directory services configuration): the
    // answer names the user when it holds credential id, and is empty otherwise.
    void setOtherUse(std::function<Result<QString>(qint64 id)> otherUse)
    {
        m_otherUse = std::move(otherUse);
    }

    // For token requests: the private key opened.
    Result<AppCredential> forSignIn(qint64 id);

    // The API's view: settings, certificate (thumbprints, subject, validity), expiry warning.
    static QJsonObject toJson(const CredentialRecord &credential, const QList<qint64> &usedBy,
                              const QDateTime &now);

private:
    static Status apply(CredentialRecord &credential, const CredentialSettings &settings);
    Status newKeyPair(CredentialRecord &credential, int keyBits);

    CredentialStore &m_credentials;
    ProfileStore &m_profiles;
    KeyRing &m_keys;
    std::function<Result<QString>(qint64 id)> m_otherUse;
};

} // namespace Mailkeep::Core
