#include "storage/StorageLogging.h"

namespace Mailkeep::Storage {

Q_LOGGING_CATEGORY(lcStorage, "mailkeep.storage")

} // namespace Mailkeep::Storage
