#include "core/GlobalProperties.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core::GlobalProperty {

QStringList names()
{
    return {SkipGraphContentConversionFailed, SkipMimeContentConversionFailed, SkipVirusDetected,
            SkipEwsErrorItemNotFound, HideBackupNotDetectedWarning};
}

Result<bool> value(PropertyStore &store, const QString &name)
{
    Result<std::optional<QString>> stored = store.property(name);
    if (!stored.ok())
        return stored.error();
    return stored->value_or(u"false"_s) == u"true"_s;
}

} // namespace Mailkeep::Core::GlobalProperty
