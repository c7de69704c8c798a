#pragma once

#include "core/profiles/ProfileStore.h"

#include <QString>

#include <functional>

namespace Mailkeep::Core {

// One check of a converted profile against the service it will use: passed or not, what was
// seen, and for a failure what the administrator should change.
struct ConversionCheck
{
    QString name;
    bool passed = false;
    QString message;
    QString fix;
};

// Tests a converted profile (not saved) the way its runs will work: sign-in, permissions,
// access to the mailboxes. Implemented by the server application, which has the connectors.
using ConversionChecker = std::function<QList<ConversionCheck>(
    const ProfileRecord &converted, const std::function<bool()> &cancelled)>;

} // namespace Mailkeep::Core
