#include "core/ComplianceService.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {
const QString kProperty = u"compliance.configuration"_s;
} // namespace

QJsonObject ComplianceConfiguration::toJson() const
{
    return QJsonObject{
        {u"adminEmailPreviewEnabled"_s, adminEmailPreviewEnabled},
        {u"legalHoldEnabled"_s, legalHoldEnabled},
        {u"passwordPolicyEnabled"_s, passwordPolicyEnabled},
        {u"logSuccessfulUserActivities"_s, QJsonArray::fromStringList(logSuccessfulUserActivities)},
    };
}

Result<ComplianceConfiguration>
ComplianceConfiguration::fromJson(const QJsonValue &value, const ComplianceConfiguration &base)
{
    if (!value.isObject())
        return Error(ErrorCode::InvalidArgument, u"config must be a JSON object."_s);
    const QJsonObject object = value.toObject();
    ComplianceConfiguration configuration = base;
    const std::pair<QString, bool *> switches[] = {
        {u"adminEmailPreviewEnabled"_s, &configuration.adminEmailPreviewEnabled},
        {u"legalHoldEnabled"_s, &configuration.legalHoldEnabled},
        {u"passwordPolicyEnabled"_s, &configuration.passwordPolicyEnabled},
    };
    for (const auto &[name, target] : switches) {
        if (!object.contains(name))
            continue;
        if (!object[name].isBool())
            return Error(ErrorCode::InvalidArgument,
                         u"config.%1 must be true or false."_s.arg(name));
        *target = object[name].toBool();
    }
    if (object.contains(u"logSuccessfulUserActivities"_s)) {
        const QJsonValue list = object[u"logSuccessfulUserActivities"_s];
        if (!list.isArray() && !list.isNull())
            return Error(ErrorCode::InvalidArgument,
                         u"config.logSuccessfulUserActivities must be a list of event names."_s);
        configuration.logSuccessfulUserActivities.clear();
        for (const QJsonValue &event : list.toArray()) {
            if (!event.isString() || event.toString().isEmpty())
                return Error(ErrorCode::InvalidArgument,
                             u"config.logSuccessfulUserActivities must be a list of event "
                             "names."_s);
            configuration.logSuccessfulUserActivities << event.toString();
        }
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!configuration.toJson().contains(it.key()))
            return Error(ErrorCode::InvalidArgument,
                         u"config.%1 is not a compliance setting."_s.arg(it.key()));
    }
    return configuration;
}

ComplianceService::ComplianceService(PropertyStore &properties, AuditLog &audit)
    : m_properties(properties)
    , m_audit(audit)
{}

Result<ComplianceConfiguration> ComplianceService::configuration()
{
    std::lock_guard lock(m_mutex);
    if (m_cached)
        return *m_cached;
    Result<std::optional<QString>> stored = m_properties.property(kProperty);
    if (!stored.ok())
        return stored.error();
    ComplianceConfiguration configuration;
    if (stored->has_value()) {
        Result<ComplianceConfiguration> parsed = ComplianceConfiguration::fromJson(
            QJsonDocument::fromJson((*stored)->toUtf8()).object(), configuration);
        if (!parsed.ok())
            return parsed.error();
        configuration = parsed.value();
    }
    m_cached = configuration;
    return configuration;
}

Status ComplianceService::setConfiguration(const ComplianceConfiguration &configuration,
                                           const Identity &caller, const QString &clientAddress)
{
    std::lock_guard lock(m_mutex);
    const QString text =
        QString::fromUtf8(QJsonDocument(configuration.toJson()).toJson(QJsonDocument::Compact));
    if (Status stored = m_properties.setProperty(kProperty, text); !stored.ok())
        return stored;
    m_cached = configuration;
    return m_audit.record({0,
                           {},
                           AuditEvent::ComplianceChangeSettings,
                           caller.userName,
                           clientAddress,
                           configuration.toJson()});
}

} // namespace Mailkeep::Core
