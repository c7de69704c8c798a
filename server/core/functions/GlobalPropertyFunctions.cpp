#include "core/functions/GlobalPropertyFunctions.h"

#include "core/GlobalProperties.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

void registerGlobalPropertyFunctions(FunctionRegistry &registry, PropertyStore &properties,
                                     AuditLog &audit)
{
    using Api::ArgumentType;
    registry.add({{u"GetGlobalProperties"_s, {}},
                  Access::Admin,
                  [&properties](const Api::Arguments &, CallContext &) -> Result<QJsonValue> {
                      QJsonObject values;
                      for (const QString &name : GlobalProperty::names()) {
                          Result<bool> value = GlobalProperty::value(properties, name);
                          if (!value.ok())
                              return value.error();
                          values.insert(name, value.value());
                      }
                      return QJsonValue(values);
                  }});

    registry.add(
        {{u"SetGlobalProperty"_s,
          {{u"name"_s, ArgumentType::String, false}, {u"value"_s, ArgumentType::Bool, false}}},
         Access::Admin,
         [&properties, &audit](const Api::Arguments &args,
                               CallContext &context) -> Result<QJsonValue> {
             const QString name = args.string(u"name"_s);
             if (!GlobalProperty::names().contains(name))
                 return Error(ErrorCode::InvalidArgument,
                              u"There is no global property %1. Known: %2."_s.arg(
                                  name, GlobalProperty::names().join(u", "_s)));
             const bool value = args.boolean(u"value"_s);
             if (Status stored = properties.setProperty(name, value ? u"true"_s : u"false"_s);
                 !stored.ok())
                 return stored.error();
             if (Status logged = audit.record({0,
                                               {},
                                               AuditEvent::GlobalPropertyChange,
                                               context.caller.userName,
                                               context.clientAddress,
                                               {{u"name"_s, name}, {u"value"_s, value}}});
                 !logged.ok())
                 return logged.error();
             return QJsonValue();
         }});
}

} // namespace Mailkeep::Core
