#include "api/FunctionSignature.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Api {

QString wireTypeName(ArgumentType type)
{
    switch (type) {
    case ArgumentType::Number:
        return u"number"_s;
    case ArgumentType::Bool:
        return u"bool"_s;
    case ArgumentType::Json:
        return u"json"_s;
    case ArgumentType::String:
    case ArgumentType::StringList:
        return u"string"_s;
    }
    return u"string"_s;
}

const ArgumentSpec *FunctionSignature::argument(const QString &argumentName) const
{
    for (const ArgumentSpec &spec : arguments) {
        if (spec.name == argumentName)
            return &spec;
    }
    return nullptr;
}

QJsonObject FunctionSignature::toMetadata() const
{
    QJsonArray args;
    for (const ArgumentSpec &spec : arguments) {
        args.append(QJsonObject{{u"name"_s, spec.name},
                                {u"type"_s, wireTypeName(spec.type)},
                                {u"nullable"_s, spec.optional}});
    }
    return QJsonObject{{u"name"_s, name}, {u"args"_s, args}};
}

QByteArray metadataDocument(const QList<FunctionSignature> &functions)
{
    QJsonArray entries;
    for (const FunctionSignature &function : functions)
        entries.append(function.toMetadata());
    return QJsonDocument(entries).toJson(QJsonDocument::Compact);
}

Result<QList<FunctionSignature>> parseMetadataDocument(const QByteArray &document)
{
    QJsonParseError parseError;
    const QJsonDocument parsed = QJsonDocument::fromJson(document, &parseError);
    if (!parsed.isArray())
        return Error(ErrorCode::Internal, u"The server's function list cannot be read."_s,
                     parseError.errorString());
    QList<FunctionSignature> functions;
    for (const QJsonValue &entry : parsed.array()) {
        FunctionSignature function;
        function.name = entry[u"name"_s].toString();
        if (function.name.isEmpty())
            continue;
        for (const QJsonValue &arg : entry[u"args"_s].toArray()) {
            ArgumentSpec spec;
            spec.name = arg[u"name"_s].toString();
            const QString type = arg[u"type"_s].toString();
            spec.type = type == u"number"_s ? ArgumentType::Number
                        : type == u"bool"_s ? ArgumentType::Bool
                        : type == u"json"_s ? ArgumentType::Json
                                            : ArgumentType::String;
            spec.optional = arg[u"nullable"_s].toBool();
            function.arguments.append(spec);
        }
        functions.append(function);
    }
    return functions;
}

} // namespace Mailkeep::Api
