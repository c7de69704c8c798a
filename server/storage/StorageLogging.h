#pragma once

#include <QLoggingCategory>

namespace Mailkeep::Storage {

// "mailkeep.storage": connection, migration and embedded-cluster events.
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

} // namespace Mailkeep::Storage
