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

// runLongCall with the answer sorted out: `done` gets the result of a call that succeeded,
// `failed` the sentence to show for any other end (no connection, refused, stopped).
void runLongCallForResult(ClientCore::ConsoleSession &session, QWidget *parent,
                          const QString &title, const QString &function,
                          const Api::FormFields &arguments,
                          std::function<void(const QJsonValue &)> done,
                          std::function<void(const QString &)> failed);

} // namespace Mailkeep::ClientWidgets
