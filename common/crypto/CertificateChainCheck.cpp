#include "crypto/CertificateChainCheck.h"

#include "crypto/OpenSslHandles.h"

#include <QFile>

#include <arpa/inet.h>
#include <openssl/x509_vfy.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Crypto {

namespace {

struct StoreFree
{
    void operator()(X509_STORE *p) const { X509_STORE_free(p); }
    void operator()(X509_STORE_CTX *p) const { X509_STORE_CTX_free(p); }
    void operator()(STACK_OF(X509) * p) const { sk_X509_pop_free(p, X509_free); }
};

Ossl::Ptr<X509> fromDer(const QByteArray &der)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(der.constData());
    return Ossl::Ptr<X509>(d2i_X509(nullptr, &bytes, static_cast<long>(der.size())));
}

} // namespace

Status checkCertificateChain(const QList<QByteArray> &chainDer, const QString &host,
                             const QString &extraAuthorities)
{
    if (chainDer.isEmpty())
        return Error(ErrorCode::PermissionDenied, u"%1 sent no certificate."_s.arg(host));
    Ossl::Ptr<X509> leaf = fromDer(chainDer.first());
    if (!leaf)
        return Error(ErrorCode::PermissionDenied,
                     u"The certificate of %1 cannot be read."_s.arg(host));
    std::unique_ptr<STACK_OF(X509), StoreFree> intermediates(sk_X509_new_null());
    for (qsizetype i = 1; i < chainDer.size(); ++i) {
        if (Ossl::Ptr<X509> certificate = fromDer(chainDer.at(i)))
            sk_X509_push(intermediates.get(), certificate.release());
    }
    std::unique_ptr<X509_STORE, StoreFree> store(X509_STORE_new());
    std::unique_ptr<X509_STORE_CTX, StoreFree> context(X509_STORE_CTX_new());
    if (!store || !context || X509_STORE_set_default_paths(store.get()) != 1 ||
        (!extraAuthorities.isEmpty() &&
         X509_STORE_load_file(store.get(), QFile::encodeName(extraAuthorities).constData()) != 1) ||
        X509_STORE_CTX_init(context.get(), store.get(), leaf.get(), intermediates.get()) != 1)
        return Error(ErrorCode::Internal, u"The certificate check cannot be set up."_s);
    X509_VERIFY_PARAM *parameters = X509_STORE_CTX_get0_param(context.get());
    const QByteArray name = host.toUtf8();

    unsigned char address[16];
    const bool isAddress = inet_pton(AF_INET, name.constData(), address) == 1 ||
                           inet_pton(AF_INET6, name.constData(), address) == 1;
    if (!isAddress)
        X509_VERIFY_PARAM_set1_host(parameters, name.constData(), static_cast<size_t>(name.size()));
    else
        X509_VERIFY_PARAM_set1_ip_asc(parameters, name.constData());
    if (X509_verify_cert(context.get()) == 1)
        return {};
    const int reason = X509_STORE_CTX_get_error(context.get());
    return Error(ErrorCode::PermissionDenied,
                 u"The certificate of %1 is not trusted: %2. Use a certificate of a trusted "
                 "authority, or allow this server's certificate in the profile (ignore "
                 "certificate errors)."_s.arg(
                     host, QString::fromUtf8(X509_verify_cert_error_string(reason))));
}

} // namespace Mailkeep::Crypto
