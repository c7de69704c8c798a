#pragma once

#include "../integration/api/ApiServerFixture.h"
#include "core/ConsoleSession.h"

#include <QTemporaryDir>

#include <functional>
#include <memory>

namespace Mailkeep::Testing {

// A real server with alice's archive filled from the MIME fixtures (alice/Old PC, 4 messages,
// and alice/Old PC/Projects), alice allowed to use the console, and settings kept in a
// temporary folder.
class ConsoleFixture : public ApiServerFixture
{
protected:
    void SetUp() override;
    // A signed-in session as alice (the certificate pinned as after trusting it).
    std::unique_ptr<ClientCore::ConsoleSession> aliceSession(bool pinned = true);
    Api::ServerAddress aliceAddress(bool pinned = true) const;
    // A signed-in session as the administrator.
    std::unique_ptr<ClientCore::ConsoleSession> adminSession();
    // A Microsoft 365 credential ("Contoso") and, for alice's archive, one profile of each of
    // these types (EWS profiles, for the dashboard's warnings).
    void createMicrosoft365Profiles(const QStringList &types);
    // Runs the event loop until `condition` holds or `ms` pass.
    static bool waitFor(const std::function<bool()> &condition, int ms = 20000);

    QTemporaryDir m_settings;
    QTemporaryDir m_mail;
};

} // namespace Mailkeep::Testing
