#include "core/directory/WantedUsers.h"

#include "core/UserRules.h"

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

QStringList emailAddressesOf(const QString &mail, const QStringList &proxyAddresses)
{
    QStringList addresses;
    const auto add = [&addresses](const QString &address) {
        const QString clean = address.trimmed().toLower();
        if (clean.contains(u'@') && !addresses.contains(clean))
            addresses << clean;
    };
    // The primary proxy address is the one Exchange sends from; mail normally equals it.
    for (const QString &proxy : proxyAddresses) {
        if (proxy.startsWith(u"SMTP:"_s))
            add(proxy.mid(5));
    }
    add(mail);
    for (const QString &proxy : proxyAddresses) {
        if (proxy.startsWith(u"smtp:"_s, Qt::CaseInsensitive))
            add(proxy.mid(5));
    }
    return addresses;
}

namespace {

// The object ids of the members of the chosen security groups.
Result<QSet<QString>> membersOfChosenGroups(const QStringList &chosen,
                                            const QList<DirectoryGroup> &groups,
                                            DirectorySource &source)
{
    QSet<QString> members;
    for (const QString &wanted : chosen) {
        const DirectoryGroup *match = nullptr;
        for (const DirectoryGroup &group : groups) {
            if (group.objectId.compare(wanted, Qt::CaseInsensitive) == 0 ||
                group.displayName.compare(wanted, Qt::CaseInsensitive) == 0)
                match = &group;
        }
        if (!match)
            return Error(
                ErrorCode::NotFound,
                u"The directory has no group %1 (give its name or object id)."_s.arg(wanted));
        if (!match->securityEnabled)
            return Error(ErrorCode::InvalidArgument,
                         u"%1 is no security group; only the members of security groups can be "
                         "chosen."_s.arg(match->displayName));
        Result<QSet<QString>> ids = source.memberAccounts(match->objectId);
        if (!ids.ok())
            return ids.error();
        members.unite(ids.value());
    }
    return members;
}

} // namespace

Result<QList<WantedUser>> wantedUsers(const DirectorySettings &settings, DirectorySource &source,
                                      QStringList &skipped)
{
    Result<QList<DirectoryAccount>> accounts = source.accounts();
    if (!accounts.ok())
        return accounts.error();
    QList<DirectoryGroup> groups;
    if (!settings.groups.isEmpty() || settings.microsoft365GroupsAsUsers) {
        Result<QList<DirectoryGroup>> read = source.groups();
        if (!read.ok())
            return read.error();
        groups = read.value();
    }
    std::optional<QSet<QString>> members;
    if (!settings.groups.isEmpty()) {
        Result<QSet<QString>> found = membersOfChosenGroups(settings.groups, groups, source);
        if (!found.ok())
            return found.error();
        members = found.value();
    }

    QList<WantedUser> wanted;
    for (const DirectoryAccount &account : std::as_const(accounts.value())) {
        if (settings.licensedExchangeUsersOnly && !account.exchangeLicensed)
            continue;
        if (settings.enabledUsersOnly && !account.enabled)
            continue;
        if (members && !members->contains(account.objectId))
            continue;
        Result<QString> name = UserRules::normaliseUserName(account.userPrincipalName);
        if (!name.ok()) {
            skipped << u"%1: %2"_s.arg(account.userPrincipalName, name.error().message);
            continue;
        }
        wanted.append({account.objectId, name.value(), account.displayName,
                       emailAddressesOf(account.mail, account.proxyAddresses), false});
    }
    if (settings.microsoft365GroupsAsUsers) {
        for (const DirectoryGroup &group : std::as_const(groups)) {
            // Only groups with an address have mail to be filed for them.
            if (!group.unified || group.mail.isEmpty())
                continue;
            Result<QString> name = UserRules::normaliseUserName(group.mail);
            if (!name.ok()) {
                skipped << u"%1: %2"_s.arg(group.mail, name.error().message);
                continue;
            }
            wanted.append({group.objectId, name.value(), group.displayName,
                           emailAddressesOf(group.mail, group.proxyAddresses), true});
        }
    }
    return wanted;
}

} // namespace Mailkeep::Core
