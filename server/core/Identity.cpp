#include "core/Identity.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

QStringList LoginPrivilege::all()
{
    return {Console, Web, Outlook, Shell, Imap, Api};
}

QString clientKindName(ClientKind kind)
{
    switch (kind) {
    case ClientKind::Api:
        return u"api"_s;
    case ClientKind::Console:
        return u"console"_s;
    case ClientKind::Shell:
        return u"shell"_s;
    }
    return u"api"_s;
}

QString requiredLoginPrivilege(ClientKind kind)
{
    switch (kind) {
    case ClientKind::Api:
        return LoginPrivilege::Api;
    case ClientKind::Console:
        return LoginPrivilege::Console;
    case ClientKind::Shell:
        return LoginPrivilege::Shell;
    }
    return LoginPrivilege::Api;
}

bool Identity::mayLogInWith(ClientKind kind) const
{
    return loginPrivileges.contains(requiredLoginPrivilege(kind));
}

} // namespace Mailkeep::Core
