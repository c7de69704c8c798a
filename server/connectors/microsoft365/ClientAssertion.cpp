#include "connectors/microsoft365/ClientAssertion.h"

#include "crypto/Signer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

constexpr qint64 kLifetimeSeconds = 600; // Entra asks for 5 to 10 minutes at most

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray encoded(const QJsonObject &object)
{
    return base64Url(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

Result<QByteArray> clientAssertion(const Core::AppCredential &credential,
                                   const QString &tokenEndpoint, const QDateTime &now)
{
    const bool pss = credential.assertionAlgorithm == u"PS256"_s;
    QJsonObject header{{u"typ"_s, u"JWT"_s}, {u"alg"_s, pss ? u"PS256"_s : u"RS256"_s}};
    if (pss)
        header.insert(u"x5t#S256"_s, QString::fromLatin1(base64Url(credential.thumbprintSha256)));
    else
        header.insert(u"x5t"_s, QString::fromLatin1(base64Url(credential.thumbprintSha1)));
    const qint64 seconds = now.toSecsSinceEpoch();
    const QJsonObject claims{{u"aud"_s, tokenEndpoint},
                             {u"iss"_s, credential.applicationId},
                             {u"sub"_s, credential.applicationId},
                             {u"jti"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                             {u"nbf"_s, seconds},
                             {u"iat"_s, seconds},
                             {u"exp"_s, seconds + kLifetimeSeconds}};
    const QByteArray signingInput = encoded(header) + '.' + encoded(claims);
    Result<QByteArray> signature = Crypto::Signer::signSha256(
        credential.privateKeyPem, signingInput,
        pss ? Crypto::Signer::RsaPadding::Pss : Crypto::Signer::RsaPadding::Pkcs1);
    if (!signature.ok())
        return signature.error();
    return QByteArray(signingInput + '.' + base64Url(signature.value()));
}

} // namespace Mailkeep::Connectors
