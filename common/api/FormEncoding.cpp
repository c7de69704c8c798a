#include "api/FormEncoding.h"

#include <QSet>
#include <QStringDecoder>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Api {

namespace {

bool decodeComponent(QByteArray component, QString &out)
{
    component.replace('+', ' ');
    const QByteArray octets = QByteArray::fromPercentEncoding(component);
    QStringDecoder decoder(QStringDecoder::Utf8);
    out = decoder.decode(octets);
    return !decoder.hasError();
}

} // namespace

Result<FormFields> parseForm(const QByteArray &body)
{
    FormFields fields;
    QSet<QString> seen;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        QString name;
        QString value;
        if (!decodeComponent(equals < 0 ? pair : pair.left(equals), name) ||
            (equals >= 0 && !decodeComponent(pair.mid(equals + 1), value))) {
            return Error(ErrorCode::InvalidArgument,
                         u"The request body is not valid UTF-8 form data."_s);
        }
        if (name.isEmpty())
            return Error(ErrorCode::InvalidArgument,
                         u"The request contains an unnamed argument."_s);
        if (seen.contains(name)) {
            return Error(ErrorCode::InvalidArgument,
                         u"API argument %1 is given more than once."_s.arg(name));
        }
        seen.insert(name);
        fields.append({name, value});
    }
    return fields;
}

QByteArray encodeForm(const FormFields &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += name.toUtf8().toPercentEncoding() + '=' + value.toUtf8().toPercentEncoding();
    }
    return body;
}

} // namespace Mailkeep::Api
