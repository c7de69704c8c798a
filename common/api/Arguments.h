#pragma once

#include "api/FormEncoding.h"
#include "api/FunctionSignature.h"
#include "model/Result.h"

#include <QHash>
#include <QJsonValue>
#include <QStringList>
#include <QVariant>

namespace Mailkeep::Api {

// A function's arguments after decoding against its signature: every value has the declared
// type, every mandatory argument is present. Accessors return the fallback for omitted ones.
class Arguments
{
public:
    bool has(const QString &name) const { return m_values.contains(name); }
    QString string(const QString &name, const QString &fallback = {}) const;
    double number(const QString &name, double fallback = 0) const;
    qint64 integer(const QString &name, qint64 fallback = 0) const;
    bool boolean(const QString &name, bool fallback = false) const;
    QJsonValue json(const QString &name) const;
    QStringList list(const QString &name) const;

    void set(const QString &name, QVariant value) { m_values.insert(name, std::move(value)); }

private:
    QHash<QString, QVariant> m_values;
};

// Checks names, presence and types. Error messages follow the product's wording, e.g.
// "Missing API argument userName.".
Result<Arguments> decodeArguments(const FunctionSignature &signature, const FormFields &fields);

} // namespace Mailkeep::Api
