#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace Mailkeep::Core {

namespace CredentialType {
// An Entra ID application that signs in with a certificate (Microsoft 365, modern auth).
inline const QString Office365Modern = QStringLiteral("Office365_Modern");
} // namespace CredentialType

// Which Microsoft cloud a tenant lives in: endpoints and tokens differ between them.
namespace Microsoft365Cloud {
inline const QString Global = QStringLiteral("global");
inline const QString China = QStringLiteral("china"); // operated by 21Vianet
} // namespace Microsoft365Cloud

// How the client assertion is signed (JWS): RS256 with an x5t (SHA-1) thumbprint, as Entra's
// documentation showed until 2024, or PS256 with x5t#S256, as it shows now.
namespace AssertionAlgorithm {
inline const QString Rs256 = QStringLiteral("RS256");
inline const QString Ps256 = QStringLiteral("PS256");
} // namespace AssertionAlgorithm

struct CredentialRecord
{
    qint64 id = 0;
    QString uid; // binds the sealed private key to this credential
    QString type = CredentialType::Office365Modern;
    QString description;
    QString tenantId;
    QString applicationId;
    QString cloud = Microsoft365Cloud::Global;
    QString assertionAlgorithm = AssertionAlgorithm::Ps256;
    QByteArray certificatePem;
    QByteArray sealedPrivateKey; // with the master key; never leaves the server
    QDateTime createdAt;
    QDateTime updatedAt;
};

// Credential objects; implemented by Mailkeep::Storage. Blocking.
class CredentialStore
{
public:
    virtual ~CredentialStore() = default;
    virtual Result<CredentialRecord> create(const CredentialRecord &credential) = 0;
    // Everything but id, uid, type and createdAt; false when it is gone.
    virtual Result<bool> update(const CredentialRecord &credential) = 0;
    virtual Result<bool> remove(qint64 id) = 0;
    virtual Result<std::optional<CredentialRecord>> credential(qint64 id) = 0;
    virtual Result<QList<CredentialRecord>> credentials() = 0; // by id
};

} // namespace Mailkeep::Core
