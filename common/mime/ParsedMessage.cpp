#include "mime/ParsedMessage.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime {

QString parseStatusName(ParseStatus status)
{
    switch (status) {
    case ParseStatus::Ok:
        return u"Ok"_s;
    case ParseStatus::Defective:
        return u"Defective"_s;
    case ParseStatus::Unparseable:
        return u"Unparseable"_s;
    }
    return u"Unknown"_s;
}

} // namespace Mailkeep::Mime
