#include "core/StoreCatalog.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

QString storeStateName(StoreState state)
{
    switch (state) {
    case StoreState::Current:
        return u"current"_s;
    case StoreState::Normal:
        return u"normal"_s;
    case StoreState::WriteProtected:
        return u"writeProtected"_s;
    case StoreState::Disabled:
        return u"disabled"_s;
    }
    return u"normal"_s;
}

std::optional<StoreState> storeStateFromName(const QString &name)
{
    for (StoreState state : {StoreState::Current, StoreState::Normal, StoreState::WriteProtected,
                             StoreState::Disabled}) {
        if (storeStateName(state).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
            return state;
    }
    return std::nullopt;
}

} // namespace Mailkeep::Core
