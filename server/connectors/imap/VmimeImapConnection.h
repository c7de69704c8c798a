#pragma once

#include "core/profiles/MailboxConnection.h"

namespace Mailkeep::Connectors {

// The IMAP client on vmime: TLS (implicit or STARTTLS) through GnuTLS with the certificate
// chain checked by Crypto::checkCertificateChain, a timeout that also serves as the point
// where a cancelled run stops, and every vmime exception turned into an Error here.
// vmime types never leave this library.
Result<std::unique_ptr<Core::MailboxConnection>> connectImap(const Core::ImapAccount &account,
                                                             Core::CancelCheck cancelled = {});

} // namespace Mailkeep::Connectors
