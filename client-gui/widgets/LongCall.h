#pragma once

#include "core/ConsoleSession.h"

#include <functional>

class QWidget;

namespace Mailkeep::ClientWidgets {

// Runs a function that may take long (VerifyStores, RebuildStoreIndex, ...) behind a progress
// dialog showing the server's percentage and status text; Cancel asks the server to stop the
// task. `done` gets the final answer (also when cancelled).
void runLongCall(ClientCore::ConsoleSession &session, QWidget *parent, const QString &title,
                 const QString &function, const Api::FormFields &arguments,
                 std::function<void(const Api::CallResult &)> done);

} // namespace Mailkeep::ClientWidgets
