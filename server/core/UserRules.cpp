#include "core/UserRules.h"

#include "core/Identity.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core::UserRules {

namespace {

Result<QStringList> parseList(const QStringList &typed, const QStringList &known,
                              const QStringList &mustStandAlone, const QString &what)
{
    QStringList result;
    for (const QString &item : typed) {
        // Accept any letter case, store the documented spelling.
        const auto match = std::find_if(known.cbegin(), known.cend(), [&](const QString &name) {
            return name.compare(item, Qt::CaseInsensitive) == 0;
        });
        if (match == known.cend()) {
            return Error(ErrorCode::InvalidArgument,
                         u"Unknown %1 \"%2\". Known: %3."_s.arg(what, item, known.join(u", "_s)));
        }
        if (!result.contains(*match))
            result << *match;
    }
    for (const QString &alone : mustStandAlone) {
        if (result.contains(alone) && result.size() > 1)
            return Error(ErrorCode::InvalidArgument,
                         u"The %1 \"%2\" must be the only one given."_s.arg(what, alone));
    }
    result.removeAll(u"none"_s);
    return result;
}

} // namespace

QStringList allGlobalPrivileges()
{
    return {u"none"_s,    u"admin"_s,
            u"login"_s,   u"changePassword"_s,
            u"archive"_s, u"modifyArchiveProfiles"_s,
            u"export"_s,  u"modifyExportProfiles"_s,
            u"delete"_s};
}

Result<QString> normaliseUserName(const QString &typed)
{
    const QString name = typed.trimmed().toLower();
    if (name.isEmpty())
        return Error(ErrorCode::InvalidArgument, u"The user name is empty."_s);
    if (name.size() > 256)
        return Error(ErrorCode::InvalidArgument, u"The user name is longer than 256 characters."_s);
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control || c == u'/' || c == u'\\') {
            return Error(ErrorCode::InvalidArgument,
                         u"A user name may not contain control characters, \"/\" or \"\\\"."_s);
        }
    }
    return name;
}

Result<QStringList> parsePrivileges(const QStringList &typed)
{
    return parseList(typed, allGlobalPrivileges(), {u"none"_s, u"admin"_s}, u"privilege"_s);
}

Result<QStringList> parseLoginPrivileges(const QStringList &typed)
{
    return parseList(typed, QStringList{u"none"_s} + LoginPrivilege::all(), {u"none"_s},
                     u"login privilege"_s);
}

Status checkAuthentication(const QString &typed)
{
    if (typed != u"integrated"_s && typed != u"directoryServices"_s)
        return Error(ErrorCode::InvalidArgument,
                     u"authentication must be \"integrated\" or \"directoryServices\"."_s);
    return {};
}

Result<UserRecord> existingUser(UserStore &users, const QString &typedName)
{
    Result<QString> name = normaliseUserName(typedName);
    if (!name.ok())
        return name.error();
    Result<std::optional<UserRecord>> found = users.findUser(name.value());
    if (!found.ok())
        return found.error();
    if (!found->has_value())
        return Error(ErrorCode::NotFound, u"There is no user named %1."_s.arg(name.value()));
    return found->value();
}

Status checkPassword(const QString &password)
{
    if (password.size() < 8)
        return Error(ErrorCode::InvalidArgument, u"A password needs at least 8 characters."_s);
    return {};
}

} // namespace Mailkeep::Core::UserRules
