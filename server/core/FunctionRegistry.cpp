#include "core/FunctionRegistry.h"

#include <algorithm>

namespace Mailkeep::Core {

void FunctionRegistry::add(FunctionDefinition definition)
{
    Q_ASSERT_X(!m_functions.contains(definition.signature.name), "FunctionRegistry::add",
               "function declared twice");
    const QString name = definition.signature.name;
    m_functions.insert(name, std::move(definition));
}

const FunctionDefinition *FunctionRegistry::find(const QString &name) const
{
    const auto found = m_functions.constFind(name);
    return found == m_functions.cend() ? nullptr : &found.value();
}

QList<Api::FunctionSignature> FunctionRegistry::signatures() const
{
    QList<Api::FunctionSignature> list;
    for (const FunctionDefinition &definition : m_functions)
        list.append(definition.signature);
    std::sort(list.begin(), list.end(),
              [](const auto &a, const auto &b) { return a.name < b.name; });
    return list;
}

} // namespace Mailkeep::Core
