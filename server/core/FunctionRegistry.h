#pragma once

#include "api/Arguments.h"
#include "api/FunctionSignature.h"
#include "core/Identity.h"
#include "core/TaskManager.h"

#include <QHash>

#include <functional>

namespace Mailkeep::Core {

// Who may call a function. Checked by the server on every call, never by the client.
enum class Access
{
    AnyUser, // every authenticated user with the login privilege for their client
    Admin,
};

struct CallContext
{
    Identity caller;
    QString clientAddress;
    TaskProgress &progress;
};

using FunctionHandler =
    std::function<Result<QJsonValue>(const Api::Arguments &arguments, CallContext &context)>;

struct FunctionDefinition
{
    Api::FunctionSignature signature;
    Access access = Access::Admin;
    FunctionHandler handler;
};

// Every API function, declared once: name, arguments with types, access, implementation.
class FunctionRegistry
{
public:
    void add(FunctionDefinition definition);
    const FunctionDefinition *find(const QString &name) const;
    // Sorted by name, for get-metadata.
    QList<Api::FunctionSignature> signatures() const;

private:
    QHash<QString, FunctionDefinition> m_functions;
};

} // namespace Mailkeep::Core
