#include "connectors/microsoft365/Microsoft365ImapTarget.h"

#include "connectors/imap/VmimeImapConnection.h"
#include "connectors/microsoft365/BlockingHttp.h"

#include <QRegularExpression>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

constexpr qint64 kLongestBackOffMs = 300000;

// "Suggested Backoff Time: 299961 milliseconds", or -1.
qint64 suggestedBackOff(const QString &answer)
{
    static const QRegularExpression pattern(u"Backoff Time:\\s*(\\d+)\\s*milliseconds"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(answer);
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

} // namespace

Core::ImapAccount Microsoft365ImapTarget::accountFor(const TokenClient &tokens,
                                                     const Core::AppCredential &credential,
                                                     const QJsonObject &properties)
{
    const CloudEndpoints endpoints = tokens.endpoints(credential.cloud);
    Core::ImapAccount account;
    const QString host = properties.value(u"host"_s).toString().trimmed();
    account.host = host.isEmpty() ? endpoints.imapHost : host;
    account.port = static_cast<quint16>(properties.value(u"port"_s).toInt(endpoints.imapPort));
    account.security = Core::ImapAccount::Security::Tls;
    account.userName = properties.value(u"mailbox"_s).toString().trimmed();
    account.extraAuthorities = tokens.overrides().caCertificatesFile;
    account.timeoutSeconds = properties.value(u"timeoutSeconds"_s).toInt(120);
    return account;
}

Microsoft365ImapTarget::Microsoft365ImapTarget(TokenClient &tokens, Core::AppCredential credential,
                                               Core::ImapAccount account)
    : m_tokens(tokens)
    , m_credential(std::move(credential))
    , m_account(std::move(account))
{}

Error Microsoft365ImapTarget::advice(const Error &failure) const
{
    const QString &text = failure.message;
    const QString &mailbox = m_account.userName;
    if (text.contains(u"AUTHENTICATE failed"_s, Qt::CaseInsensitive))
        return Error(ErrorCode::Unauthenticated,
                     u"Exchange Online refused the IMAP sign-in for %1: the application needs "
                     "IMAP.AccessAsApp (API permissions > Office 365 Exchange Online) with admin "
                     "consent, and its service principal must be registered in Exchange Online "
                     "(New-ServicePrincipal with the enterprise application's object id). A "
                     "permission granted just now can take up to an hour to apply. (%2)"_s.arg(
                         mailbox, text));
    if (text.contains(u"not connected"_s, Qt::CaseInsensitive) ||
        text.contains(u"Command Error. 12"_s, Qt::CaseInsensitive))
        return Error(ErrorCode::PermissionDenied,
                     u"Exchange Online let the application sign in but not open %1: grant it "
                     "FullAccess on the mailbox (Add-MailboxPermission -Identity %1 -User "
                     "<service principal> -AccessRights FullAccess); a permission granted just "
                     "now can take a while to apply. (%2)"_s.arg(mailbox, text));
    if (text.contains(u"Maximum size of appendable message"_s, Qt::CaseInsensitive))
        return Error(ErrorCode::InvalidArgument,
                     u"The message is larger than %1 accepts (its MaxReceiveSize, 36 MB unless "
                     "raised, at most 150 MB). (%2)"_s.arg(mailbox, text));
    return failure;
}

Status Microsoft365ImapTarget::connect()
{
    BlockingHttp http(m_tokens.overrides().caCertificatesFile);
    const QString resource = m_tokens.endpoints(m_credential.cloud).exchangeResource;
    Result<AccessToken> token = m_tokens.token(m_credential, resource, http);
    if (!token.ok())
        return Error(ErrorCode::Unauthenticated, token.error().message);
    Core::ImapAccount account = m_account;
    account.accessToken = QString::fromLatin1(token->token);
    m_inner = std::make_unique<ImapTarget>(
        account,
        [](const Core::ImapAccount &a, Core::CancelCheck c) {
            return connectImap(a, std::move(c));
        },
        Core::CancelCheck());
    if (Status begun = m_inner->begin(); !begun.ok())
        return advice(begun.error());
    return {};
}

Status Microsoft365ImapTarget::begin()
{
    Status connected = connect();
    m_fatal = !connected.ok();
    return connected;
}

Result<Core::MailTarget::Outcome> Microsoft365ImapTarget::write(const Core::ExportMessage &message)
{
    for (int attempt = 0;; ++attempt) {
        Result<Outcome> written = m_inner->write(message);
        if (written.ok()) {
            ++m_appended;
            return written;
        }
        const qint64 backOff = suggestedBackOff(written.error().message);
        if (backOff < 0 || attempt >= kMostThrottledRetries) {
            m_fatal = m_inner->fatal();
            return advice(written.error());
        }
        // Exchange closes the connection after a throttled command: wait, sign in again.
        ++m_throttled;
        const qint64 pause = std::min(backOff, kLongestBackOffMs);
        m_waitedMs += pause;
        QThread::msleep(static_cast<unsigned long>(pause));
        if (Status again = connect(); !again.ok()) {
            m_fatal = true;
            return again.error();
        }
    }
}

Status Microsoft365ImapTarget::finish(QJsonObject &details)
{
    if (m_inner)
        (void)m_inner->finish(details);
    details.insert(u"mailbox"_s, m_account.userName);
    details.insert(u"appended"_s, static_cast<double>(m_appended));
    details.insert(u"throttled"_s, static_cast<double>(m_throttled));
    details.insert(u"throttledSeconds"_s, static_cast<double>(m_waitedMs) / 1000.0);
    return {};
}

} // namespace Mailkeep::Connectors
