#include "api/Arguments.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Api {

QString Arguments::string(const QString &name, const QString &fallback) const
{
    return has(name) ? m_values.value(name).toString() : fallback;
}

double Arguments::number(const QString &name, double fallback) const
{
    return has(name) ? m_values.value(name).toDouble() : fallback;
}

qint64 Arguments::integer(const QString &name, qint64 fallback) const
{
    return has(name) ? static_cast<qint64>(std::llround(m_values.value(name).toDouble()))
                     : fallback;
}

bool Arguments::boolean(const QString &name, bool fallback) const
{
    return has(name) ? m_values.value(name).toBool() : fallback;
}

QJsonValue Arguments::json(const QString &name) const
{
    return has(name) ? m_values.value(name).toJsonValue() : QJsonValue();
}

QStringList Arguments::list(const QString &name) const
{
    return has(name) ? m_values.value(name).toStringList() : QStringList();
}

namespace {

Error badType(const ArgumentSpec &spec, const QString &expectation)
{
    return Error(ErrorCode::InvalidArgument,
                 u"API argument %1 must be %2."_s.arg(spec.name, expectation));
}

Result<QVariant> decodeValue(const ArgumentSpec &spec, const QString &text)
{
    switch (spec.type) {
    case ArgumentType::String:
        return QVariant(text);
    case ArgumentType::StringList: {
        QStringList items;
        for (const QString &item : text.split(u',')) {
            const QString trimmed = item.trimmed();
            if (!trimmed.isEmpty())
                items << trimmed;
        }
        return QVariant(items);
    }
    case ArgumentType::Bool: {
        // Scripts written for .NET send "True"/"False", so compare case-insensitively.
        if (text.compare(u"true"_s, Qt::CaseInsensitive) == 0)
            return QVariant(true);
        if (text.compare(u"false"_s, Qt::CaseInsensitive) == 0)
            return QVariant(false);
        return badType(spec, u"true or false"_s);
    }
    case ArgumentType::Number: {
        static const QRegularExpression decimal(u"^-?[0-9]+(\\.[0-9]+)?$"_s);
        const QString trimmed = text.trimmed();
        bool ok = false;
        const double value = trimmed.toDouble(&ok);
        if (!decimal.match(trimmed).hasMatch() || !ok || !std::isfinite(value))
            return badType(spec, u"a decimal number"_s);
        return QVariant(value);
    }
    case ArgumentType::Json: {
        // Wrap in an array so scalars ("42", "\"text\"", "null") are accepted as JSON too.
        QJsonParseError parseError{};
        const QJsonDocument document =
            QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &parseError);
        if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
            return Error(ErrorCode::InvalidArgument,
                         u"API argument %1 must be a JSON document."_s.arg(spec.name),
                         parseError.errorString());
        }
        return QVariant(document.array().first());
    }
    }
    return badType(spec, u"valid"_s);
}

} // namespace

Result<Arguments> decodeArguments(const FunctionSignature &signature, const FormFields &fields)
{
    Arguments decoded;
    for (const auto &[name, text] : fields) {
        const ArgumentSpec *spec = signature.argument(name);
        if (!spec) {
            return Error(ErrorCode::InvalidArgument,
                         u"Unknown API argument %1 for function %2."_s.arg(name, signature.name),
                         u"Argument names are case-sensitive; see /api/get-metadata."_s);
        }
        Result<QVariant> value = decodeValue(*spec, text);
        if (!value.ok())
            return value.error();
        decoded.set(name, std::move(value).value());
    }
    for (const ArgumentSpec &spec : signature.arguments) {
        if (!spec.optional && !decoded.has(spec.name))
            return Error(ErrorCode::InvalidArgument, u"Missing API argument %1."_s.arg(spec.name));
    }
    return decoded;
}

} // namespace Mailkeep::Api
