#pragma once

#include "core/PropertyStore.h"

#include <QStringList>

namespace Mailkeep::Core {

// The global properties of MailStoreCmd's store-setprop: switches the archiving connectors and
// the dashboard read. All are booleans, false by default, kept in the PropertyStore.
namespace GlobalProperty {
// Graph: "text does not support structured data" is not an archiving error.
inline const QString SkipGraphContentConversionFailed =
    QStringLiteral("public.arcclient.skipGraphContentConversionFailed");
// EWS: MimeContentConversionFailed, ErrorVirusDetected, ErrorItemNotFound likewise.
inline const QString SkipMimeContentConversionFailed =
    QStringLiteral("public.arcclient.skipMimeContentConversionFailed");
inline const QString SkipVirusDetected = QStringLiteral("public.arcclient.skipVirusDetected");
inline const QString SkipEwsErrorItemNotFound =
    QStringLiteral("public.arcclient.skipEwsErrorItemNotFound");
// The dashboard shows no warning that no backup was found.
inline const QString HideBackupNotDetectedWarning =
    QStringLiteral("public.backup.hideNotDetectedWarningMessage");

QStringList names();
// The value, false when never set.
Result<bool> value(PropertyStore &store, const QString &name);
} // namespace GlobalProperty

} // namespace Mailkeep::Core
