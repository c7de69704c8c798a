#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Mailkeep::Api {

using FormFields = QList<QPair<QString, QString>>;

// application/x-www-form-urlencoded, UTF-8: '+' is a space, %XX an octet. Refuses text that is
// not UTF-8 and fields given twice, with a message that names the field.
Result<FormFields> parseForm(const QByteArray &body);
QByteArray encodeForm(const FormFields &fields);

} // namespace Mailkeep::Api
