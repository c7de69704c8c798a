#include "core/credentials/CredentialService.h"

#include "crypto/CertificateFactory.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QString context(const CredentialRecord &credential)
{
    return u"credential:"_s + credential.uid;
}

bool isGuid(const QString &text)
{
    static const QRegularExpression guid(
        u"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"_s);
    return guid.match(text).hasMatch();
}

bool isDomain(const QString &text)
{
    static const QRegularExpression domain(
        u"^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}$"_s);
    return domain.match(text).hasMatch();
}

Status checkTenant(const QString &tenant)
{
    static const QStringList shared{u"common"_s, u"consumers"_s, u"organizations"_s};
    if (shared.contains(tenant.toLower()))
        return Error(ErrorCode::InvalidArgument,
                     u"tenantId must name your tenant (its Directory (tenant) ID or a verified "
                     "domain such as contoso.onmicrosoft.com): Entra ID does not sign in "
                     "applications through \"%1\"."_s.arg(tenant));
    if (!isGuid(tenant) && !isDomain(tenant))
        return Error(ErrorCode::InvalidArgument,
                     u"tenantId is the Directory (tenant) ID shown in Entra ID (a GUID) or a "
                     "verified domain of the tenant; \"%1\" is neither."_s.arg(tenant));
    return {};
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(
        bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

CredentialService::CredentialService(CredentialStore &credentials, ProfileStore &profiles,
                                     KeyRing &keys)
    : m_credentials(credentials)
    , m_profiles(profiles)
    , m_keys(keys)
{}

Status CredentialService::apply(CredentialRecord &credential, const CredentialSettings &settings)
{
    if (settings.description)
        credential.description = settings.description->trimmed();
    if (settings.tenantId)
        credential.tenantId = settings.tenantId->trimmed();
    if (settings.applicationId)
        credential.applicationId = settings.applicationId->trimmed().toLower();
    if (settings.cloud)
        credential.cloud = settings.cloud->trimmed().toLower();
    if (settings.assertionAlgorithm)
        credential.assertionAlgorithm = settings.assertionAlgorithm->trimmed().toUpper();

    if (credential.description.isEmpty())
        return Error(ErrorCode::InvalidArgument,
                     u"description is needed: a name to tell the credential by, e.g. the "
                     "name of the tenant."_s);
    if (Status tenant = checkTenant(credential.tenantId); !tenant.ok())
        return tenant;
    if (!isGuid(credential.applicationId))
        return Error(ErrorCode::InvalidArgument,
                     u"applicationId is the Application (client) ID of the app registration "
                     "in Entra ID, a GUID; \"%1\" is not one."_s.arg(credential.applicationId));
    if (credential.cloud != Microsoft365Cloud::Global &&
        credential.cloud != Microsoft365Cloud::China)
        return Error(ErrorCode::InvalidArgument,
                     u"cloud is \"global\" or \"china\" (Microsoft 365 operated by 21Vianet)."_s);
    if (credential.assertionAlgorithm != AssertionAlgorithm::Ps256 &&
        credential.assertionAlgorithm != AssertionAlgorithm::Rs256)
        return Error(ErrorCode::InvalidArgument, u"assertionAlgorithm is PS256 or RS256."_s);
    return {};
}

Status CredentialService::newKeyPair(CredentialRecord &credential, int keyBits)
{
    if (keyBits != 2048 && keyBits != 3072)
        return Error(ErrorCode::InvalidArgument, u"keySize is 2048 or 3072 (bits)."_s);
    Crypto::SelfSignedRequest request;
    request.commonName = u"Mailkeep "_s + credential.description;
    request.validDays = kCertificateValidDays;
    request.key = keyBits == 3072 ? Crypto::SelfSignedRequest::Key::Rsa3072
                                  : Crypto::SelfSignedRequest::Key::Rsa2048;
    request.extendedKeyUsage = "clientAuth";
    Result<Crypto::CertificateAndKey> made = Crypto::CertificateFactory::createSelfSigned(request);
    if (!made.ok())
        return made.error();
    Result<QByteArray> sealed = m_keys.sealSecret(made->privateKeyPem, context(credential));
    if (!sealed.ok())
        return sealed.error();
    credential.certificatePem = made->certificatePem;
    credential.sealedPrivateKey = sealed.value();
    return {};
}

Result<CredentialRecord> CredentialService::create(const QString &type,
                                                   const CredentialSettings &settings)
{
    if (type != CredentialType::Office365Modern)
        return Error(ErrorCode::Unsupported,
                     u"Credentials of type %1 are not supported; the type is %2."_s.arg(
                         type, CredentialType::Office365Modern));
    CredentialRecord credential;
    credential.uid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    credential.type = type;
    if (Status applied = apply(credential, settings); !applied.ok())
        return applied.error();
    if (Status made = newKeyPair(credential, settings.keyBits); !made.ok())
        return made.error();
    return m_credentials.create(credential);
}

Result<QList<CredentialRecord>> CredentialService::all()
{
    return m_credentials.credentials();
}

Result<CredentialRecord> CredentialService::credential(qint64 id)
{
    Result<std::optional<CredentialRecord>> found = m_credentials.credential(id);
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return Error(ErrorCode::NotFound, u"There is no credential %1."_s.arg(id));
    return found->value();
}

Result<CredentialRecord> CredentialService::change(qint64 id, const CredentialSettings &settings,
                                                   bool newCertificate)
{
    Result<CredentialRecord> credential = this->credential(id);
    if (!credential.ok())
        return credential;
    if (Status applied = apply(*credential, settings); !applied.ok())
        return applied.error();
    if (newCertificate) {
        if (Status made = newKeyPair(*credential, settings.keyBits); !made.ok())
            return made.error();
    }
    Result<bool> updated = m_credentials.update(*credential);
    if (!updated.ok())
        return updated.error();
    if (!updated.value())
        return Error(ErrorCode::NotFound, u"There is no credential %1."_s.arg(id));
    return this->credential(id);
}

Result<QList<qint64>> CredentialService::usedBy(qint64 id)
{
    Result<QList<ProfileRecord>> profiles = m_profiles.profiles();
    if (!profiles.ok())
        return profiles.error();
    QList<qint64> users;
    for (const ProfileRecord &profile : std::as_const(profiles.value())) {
        if (profile.properties.value(u"credentialId"_s).toInteger(0) == id)
            users.append(profile.id);
    }
    return users;
}

Status CredentialService::remove(qint64 id)
{
    Result<QList<qint64>> users = usedBy(id);
    if (!users.ok())
        return users.error();
    if (!users->isEmpty()) {
        QStringList ids;
        for (const qint64 profile : std::as_const(users.value()))
            ids << QString::number(profile);
        return Error(ErrorCode::Conflict,
                     u"Credential %1 is used by the profiles %2: change or delete them "
                     "first."_s.arg(id)
                         .arg(ids.join(u", "_s)));
    }
    if (m_otherUse) {
        Result<QString> other = m_otherUse(id);
        if (!other.ok())
            return other.error();
        if (!other->isEmpty())
            return Error(ErrorCode::Conflict,
                         u"Credential %1 is used by %2: change it first."_s.arg(id).arg(*other));
    }
    Result<bool> removed = m_credentials.remove(id);

    if (!removed.ok())
        return removed.error();
    if (!removed.value())
        return Error(ErrorCode::NotFound, u"There is no credential %1."_s.arg(id));
    return {};
}

Result<AppCredential> CredentialService::forSignIn(qint64 id)
{
    Result<CredentialRecord> credential = this->credential(id);
    if (!credential.ok())
        return credential.error();
    Result<QByteArray> key = m_keys.openSecret(credential->sealedPrivateKey, context(*credential));
    if (!key.ok())
        return key.error();
    Result<Crypto::CertificateDetails> details =
        Crypto::CertificateFactory::details(credential->certificatePem);
    if (!details.ok())
        return details.error();
    return AppCredential{credential->id,
                         credential->tenantId,
                         credential->applicationId,
                         credential->cloud,
                         credential->assertionAlgorithm,
                         credential->certificatePem,
                         key.value(),
                         details->sha1,
                         details->sha256};
}

QJsonObject CredentialService::toJson(const CredentialRecord &credential,
                                      const QList<qint64> &usedBy, const QDateTime &now)
{
    QJsonObject json{{u"id"_s, credential.id},
                     {u"type"_s, credential.type},
                     {u"description"_s, credential.description},
                     {u"tenantId"_s, credential.tenantId},
                     {u"applicationId"_s, credential.applicationId},
                     {u"cloud"_s, credential.cloud},
                     {u"assertionAlgorithm"_s, credential.assertionAlgorithm},
                     {u"created"_s, credential.createdAt.toUTC().toString(Qt::ISODate)},
                     {u"updated"_s, credential.updatedAt.toUTC().toString(Qt::ISODate)}};
    QJsonArray profiles;
    for (const qint64 id : usedBy)
        profiles.append(id);
    json.insert(u"usedByProfiles"_s, profiles);
    Result<Crypto::CertificateDetails> details =
        Crypto::CertificateFactory::details(credential.certificatePem);
    if (!details.ok())
        return json;
    const qint64 daysLeft = now.daysTo(details->notAfter);
    json.insert(
        u"certificate"_s,
        QJsonObject{{u"thumbprint"_s, QString::fromLatin1(details->sha1.toHex().toUpper())},
                    {u"thumbprintSha256"_s, QString::fromLatin1(details->sha256.toHex().toUpper())},
                    {u"x5t"_s, base64Url(details->sha1)},
                    {u"x5tS256"_s, base64Url(details->sha256)},
                    {u"subject"_s, details->subject},
                    {u"keySize"_s, details->keyBits},
                    {u"validFrom"_s, details->notBefore.toString(Qt::ISODate)},
                    {u"validUntil"_s, details->notAfter.toString(Qt::ISODate)}});
    json.insert(u"expirationDate"_s, details->notAfter.toString(Qt::ISODate));
    json.insert(u"expiresInDays"_s, daysLeft);
    json.insert(u"expiryWarning"_s, daysLeft <= kExpiryWarningDays);
    return json;
}

} // namespace Mailkeep::Core
