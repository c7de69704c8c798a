#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Mailkeep::Api {

// How an argument travels: the wire knows string, number, bool and json; a StringList is a
// comma-separated string on the wire and a list once decoded.
enum class ArgumentType
{
    String,
    Number,
    Bool,
    Json,
    StringList,
};

QString wireTypeName(ArgumentType type);

struct ArgumentSpec
{
    QString name; // case-sensitive, as documented
    ArgumentType type = ArgumentType::String;
    bool optional = false; // "nullable" in the metadata
};

// A function's name and arguments, declared once: metadata, decoding and validation all read it.
struct FunctionSignature
{
    QString name;
    QList<ArgumentSpec> arguments;

    const ArgumentSpec *argument(const QString &argumentName) const;
    QJsonObject toMetadata() const;
};

// The answer of /api/get-metadata: a bare JSON array, one object per function.
QByteArray metadataDocument(const QList<FunctionSignature> &functions);
// Reads that answer back (clients). A wire "string" reads as String.
Result<QList<FunctionSignature>> parseMetadataDocument(const QByteArray &document);

} // namespace Mailkeep::Api
