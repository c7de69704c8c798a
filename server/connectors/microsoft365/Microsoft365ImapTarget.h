#pragma once

#include "connectors/imap/ImapTarget.h"
#include "connectors/microsoft365/TokenClient.h"

namespace Mailkeep::Connectors {

// Export into a Microsoft 365 mailbox over IMAP, as Exchange Online wants it since EWS ends:
// XOAUTH2 with an app-only token (IMAP.AccessAsApp), the mailbox's own address as the user,
// the messages below "Mailkeep Export". Exchange's answers become advice: a refused sign-in
// (permission, service principal, or a grant that has not reached Exchange yet), a mailbox
// the application has no FullAccess on ("User is authenticated but not connected", which
// MailStore's documentation shows as "Command Error. 12"), the size limit. A throttled
// APPEND ("BAD Request is throttled. Suggested Backoff Time") waits as long as asked, signs
// in again and goes on with the same message.
class Microsoft365ImapTarget final : public Core::MailTarget
{
public:
    Microsoft365ImapTarget(TokenClient &tokens, Core::AppCredential credential,
                           Core::ImapAccount account);
    Status begin() override;
    Result<Outcome> write(const Core::ExportMessage &message) override;
    bool fatal() const override { return m_fatal; }
    Status finish(QJsonObject &details) override;

    static constexpr int kMostThrottledRetries = 5;

    // The IMAP account of an export profile's mailbox: Exchange Online of the credential's
    // cloud (or the profile's host and port), TLS, the mailbox's address as the user.
    static Core::ImapAccount accountFor(const TokenClient &tokens,
                                        const Core::AppCredential &credential,
                                        const QJsonObject &properties);

private:
    Status connect();
    Error advice(const Error &failure) const;

    TokenClient &m_tokens;
    Core::AppCredential m_credential;
    Core::ImapAccount m_account;
    std::unique_ptr<ImapTarget> m_inner;
    bool m_fatal = false;
    qint64 m_throttled = 0;
    qint64 m_waitedMs = 0;
    qint64 m_appended = 0;
};

} // namespace Mailkeep::Connectors
