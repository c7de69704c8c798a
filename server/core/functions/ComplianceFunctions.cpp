#include "core/functions/ComplianceFunctions.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

void registerComplianceFunctions(FunctionRegistry &registry, ComplianceService &compliance)
{
    registry.add({{u"GetComplianceConfiguration"_s, {}},
                  Access::Admin,
                  [&compliance](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      Result<ComplianceConfiguration> configuration = compliance.configuration();
                      if (!configuration.ok())
                          return configuration.error();
                      return QJsonValue(configuration->toJson());
                  }});

    registry.add(
        {{u"SetComplianceConfiguration"_s, {{u"config"_s, Api::ArgumentType::Json, false}}},
         Access::Admin,
         [&compliance](const Api::Arguments &args, CallContext &context) -> Result<QJsonValue> {
             Result<ComplianceConfiguration> current = compliance.configuration();
             if (!current.ok())
                 return current.error();
             Result<ComplianceConfiguration> changed =
                 ComplianceConfiguration::fromJson(args.json(u"config"_s), current.value());
             if (!changed.ok())
                 return changed.error();
             if (Status set = compliance.setConfiguration(changed.value(), context.caller,
                                                          context.clientAddress);
                 !set.ok())
                 return set.error();
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
