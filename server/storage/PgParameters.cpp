#include "storage/PgParameters.h"

#include "storage/PgText.h"

#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

// Type Oids from PostgreSQL's pg_type.dat; 0 lets the server infer the type from the context.
constexpr unsigned int kUnknownOid = 0;
constexpr unsigned int kBoolOid = 16;
constexpr unsigned int kByteaOid = 17;
constexpr unsigned int kInt8Oid = 20;
constexpr unsigned int kInt4Oid = 23;
constexpr unsigned int kFloat8Oid = 701;
constexpr unsigned int kTextArrayOid = 1009;
constexpr unsigned int kDateOid = 1082;
constexpr unsigned int kTimestamptzOid = 1184;
constexpr unsigned int kNumericOid = 1700;

struct Encoded
{
    bool isNull = false;
    QByteArray bytes;
    unsigned int type = kUnknownOid;
    bool binary = false;
};

QByteArray doubleText(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "Infinity" : "-Infinity";
    return QByteArray::number(value, 'g', 17); // 17 digits round-trip every double exactly
}

Result<Encoded> encode(const QVariant &value, int position)
{
    if (!value.isValid() || value.isNull())
        return Encoded{true, {}, kUnknownOid, false};
    switch (value.typeId()) {
    case QMetaType::Bool:
        return Encoded{false, value.toBool() ? "t" : "f", kBoolOid, false};
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
        return Encoded{false, QByteArray::number(value.toInt()), kInt4Oid, false};
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
        return Encoded{false, QByteArray::number(value.toLongLong()), kInt8Oid, false};
    case QMetaType::ULong:
    case QMetaType::ULongLong: // may exceed bigint
        return Encoded{false, QByteArray::number(value.toULongLong()), kNumericOid, false};
    case QMetaType::Float:
    case QMetaType::Double:
        return Encoded{false, doubleText(value.toDouble()), kFloat8Oid, false};
    case QMetaType::QString:
        return Encoded{false, value.toString().toUtf8(), kUnknownOid, false};
    case QMetaType::QByteArray:
        return Encoded{false, value.toByteArray(), kByteaOid, true};
    case QMetaType::QStringList:
        return Encoded{false, PgText::arrayLiteral(value.toStringList()), kTextArrayOid, false};
    case QMetaType::QDateTime: {
        const QDateTime dateTime = value.toDateTime();
        if (!dateTime.isValid())
            return Encoded{true, {}, kTimestamptzOid, false};
        return Encoded{false, PgText::timestampLiteral(dateTime), kTimestamptzOid, false};
    }
    case QMetaType::QDate: {
        const QDate date = value.toDate();
        if (!date.isValid())
            return Encoded{true, {}, kDateOid, false};
        return Encoded{false, date.toString(Qt::ISODate).toLatin1(), kDateOid, false};
    }
    default:
        break;
    }
    if (value.canConvert<QString>())
        return Encoded{false, value.toString().toUtf8(), kUnknownOid, false};
    return Error(ErrorCode::InvalidArgument,
                 u"Query parameter $%1 has a type the database layer cannot send."_s.arg(position),
                 QString::fromLatin1(value.typeName()));
}

} // namespace

Result<PgParameters> PgParameters::bind(const QVariantList &values)
{
    PgParameters parameters;
    const auto count = static_cast<size_t>(values.size());
    parameters.m_storage.reserve(count);
    parameters.m_lengths.reserve(count);
    parameters.m_formats.reserve(count);
    parameters.m_types.reserve(count);
    std::vector<bool> nulls;
    for (qsizetype i = 0; i < values.size(); ++i) {
        Result<Encoded> encoded = encode(values.at(i), static_cast<int>(i + 1));
        if (!encoded.ok())
            return encoded.error();
        nulls.push_back(encoded->isNull);
        parameters.m_lengths.push_back(static_cast<int>(encoded->bytes.size()));
        parameters.m_formats.push_back(encoded->binary ? 1 : 0);
        parameters.m_types.push_back(encoded->type);
        parameters.m_storage.push_back(std::move(encoded->bytes));
    }
    // Pointers last: the storage no longer grows. QByteArray's data stays where it is when the
    // vector of them is moved, so the pointers survive returning the object.
    for (size_t i = 0; i < count; ++i)
        parameters.m_values.push_back(nulls[i] ? nullptr : parameters.m_storage[i].constData());
    return parameters;
}

} // namespace Mailkeep::Storage
