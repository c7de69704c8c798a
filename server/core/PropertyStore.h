#pragma once

#include "model/Result.h"

#include <QString>

#include <optional>

namespace Mailkeep::Core {

// Server-wide named values kept in the database (global properties, key material wrapped by
// other keys, first-start markers). Every call may block: call from worker threads or start-up.
class PropertyStore
{
public:
    virtual ~PropertyStore() = default;
    virtual Result<std::optional<QString>> property(const QString &name) = 0;
    virtual Status setProperty(const QString &name, const QString &value) = 0;
};

} // namespace Mailkeep::Core
