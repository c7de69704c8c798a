#pragma once

#include "core/ConsoleSession.h"

#include <QStringList>

class QWidget;

namespace Mailkeep::ClientWidgets {

// Saves archived messages as they were archived: one .eml file each into a folder, or all of
// them into one mbox file ("From " lines quoted the mboxrd way). Asks where, shows progress,
// can be cancelled.
void exportMessages(ClientCore::ConsoleSession &session, const QStringList &ids, QWidget *parent);

} // namespace Mailkeep::ClientWidgets
