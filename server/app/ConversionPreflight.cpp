#include "app/ConversionPreflight.h"

#include "connectors/microsoft365/EwsMailboxClient.h"
#include "connectors/microsoft365/GraphMailboxClient.h"
#include "core/conversion/ProfileConversion.h"
#include "core/profiles/ProfileTypes.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QMap>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::App {

namespace {

// Outlook's limits per mailbox, which the Graph runs keep.
constexpr double kRequestsPerSecond = 10000.0 / 600.0;
constexpr int kInFlight = 4;
constexpr int kDeltaPageSize = 100;

struct MailboxSeen
{
    QJsonObject json;
    qint64 graphRequests = 0; // the first run's, estimated
    double secondsPerRequest = 0;
};

MailboxSeen compare(Connectors::TokenClient &tokens, const Core::AppCredential &credential,
                    const QString &ewsName, const QString &graphName, const QString &userName,
                    const std::function<bool()> &cancelled)
{
    MailboxSeen seen;
    Connectors::EwsMailboxClient ews(tokens, credential, ewsName,
                                     Connectors::EwsMailboxClient::Root::Mailbox, cancelled);
    Connectors::GraphMailboxClient graph(tokens, credential, graphName, cancelled);
    Result<QList<Core::GraphFolder>> ewsFolders = ews.folders();
    QElapsedTimer clock;
    clock.start();
    Result<QList<Core::GraphFolder>> graphFolders = graph.folders();
    const qint64 graphMs = clock.elapsed();
    const qint64 graphListing = graph.statistics().value(u"requests"_s).toInteger();
    seen.secondsPerRequest = graphListing > 0 ? graphMs / 1000.0 / graphListing : 0;

    struct Counts
    {
        qint64 ews = -1; // -1: the protocol does not show the folder
        qint64 graph = -1;
    };
    QMap<QString, Counts> byPath;
    for (const Core::GraphFolder &folder :
         ewsFolders.ok() ? ewsFolders.value() : QList<Core::GraphFolder>())
        byPath[folder.path].ews = folder.items;
    for (const Core::GraphFolder &folder :
         graphFolders.ok() ? graphFolders.value() : QList<Core::GraphFolder>()) {
        byPath[folder.path].graph = folder.items;
        // A full round: the delta pages and one $value per message.
        seen.graphRequests += 1 + folder.items / kDeltaPageSize + folder.items;
    }
    QJsonArray folders;
    QJsonArray unreachable;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it) {
        const qint64 ewsItems = it->ews;
        const qint64 graphItems = it->graph;
        folders.append(
            QJsonObject{{u"folder"_s, it.key()},
                        {u"ewsItems"_s, ewsItems < 0 ? QJsonValue() : QJsonValue(ewsItems)},
                        {u"graphItems"_s, graphItems < 0 ? QJsonValue() : QJsonValue(graphItems)}});
        if (graphItems < 0 && graphFolders.ok())
            unreachable.append(it.key());
    }
    seen.json = QJsonObject{{u"userName"_s, userName},
                            {u"mailbox"_s, ewsName},
                            {u"folders"_s, folders},
                            {u"notReachedByGraph"_s, unreachable}};
    if (!ewsFolders.ok())
        seen.json.insert(u"ewsError"_s, ewsFolders.error().message);
    if (!graphFolders.ok())
        seen.json.insert(u"graphError"_s, graphFolders.error().message);
    return seen;
}

} // namespace

void registerConversionPreflight(Core::FunctionRegistry &registry, Core::ProfileStore &profiles,
                                 Core::UserStore &users, Core::CredentialService &credentials,
                                 Connectors::TokenClient &tokens)
{
    registry.add(
        {{u"GetMicrosoft365ConversionPreflight"_s, {{u"id"_s, Api::ArgumentType::Number, false}}},
         Core::Access::Admin,
         [&profiles, &users, &credentials,
          &tokens](const Api::Arguments &args, Core::CallContext &context) -> Result<QJsonValue> {
             Result<std::optional<Core::ProfileRecord>> found =
                 profiles.profile(args.integer(u"id"_s));
             if (!found.ok())
                 return found.error();
             if (!found->has_value())
                 return Error(ErrorCode::NotFound,
                              u"There is no profile %1."_s.arg(args.integer(u"id"_s)));
             const Core::ProfileRecord &profile = found->value();
             if (Core::ProfileConversion::plan(profile).category !=
                 Core::ProfileConversion::Automatic)
                 return Error(ErrorCode::InvalidArgument,
                              u"Profile %1 is no EWS profile the conversion tool converts."_s.arg(
                                  profile.id));
             Result<Core::AppCredential> credential =
                 credentials.forSignIn(profile.properties.value(u"credentialId"_s).toInteger());
             if (!credential.ok())
                 return credential.error();
             // (EWS name, Graph name, user name) of every mailbox the profile archives.
             QList<std::tuple<QString, QString, QString>> mailboxes;
             if (profile.type == Core::ProfileType::EwsMailbox) {
                 const QString mailbox = profile.properties.value(u"mailbox"_s).toString();
                 mailboxes.append(
                     {mailbox, mailbox, profile.properties.value(u"userName"_s).toString()});
             } else {
                 Result<QList<Core::UserRecord>> all = users.listUsers();
                 if (!all.ok())
                     return all.error();
                 for (const Core::UserRecord &user : std::as_const(all.value())) {
                     if (user.authentication == u"directoryServices"_s &&
                         !user.distinguishedName.isEmpty() && !user.loginPrivileges.isEmpty())
                         mailboxes.append({user.emailAddresses.value(0, user.userName),
                                           user.distinguishedName, user.userName});
                 }
             }
             const auto cancelled = [&context] {
                 return context.progress.isCancellationRequested();
             };
             QJsonArray seen;
             double longest = 0;
             double total = 0;
             for (qsizetype i = 0; i < mailboxes.size(); ++i) {
                 if (cancelled())
                     return Error(ErrorCode::Cancelled, u"Cancelled."_s);
                 const auto &[ewsName, graphName, userName] = mailboxes.at(i);
                 context.progress.report(static_cast<int>(i * 100 / mailboxes.size()), ewsName);
                 const MailboxSeen one =
                     compare(tokens, credential.value(), ewsName, graphName, userName, cancelled);
                 // Within the budget, and no faster than four requests at the pace seen.
                 const double seconds =
                     std::max(one.graphRequests / kRequestsPerSecond,
                              one.graphRequests * one.secondsPerRequest / kInFlight);
                 QJsonObject entry = one.json;
                 entry.insert(u"estimatedFirstRunSeconds"_s, std::ceil(seconds));
                 seen.append(entry);
                 longest = std::max(longest, seconds);
                 total += seconds;
             }
             // Mailboxes run side by side (four at once by default), each within its limits.
             const double estimate = std::max(longest, total / kInFlight);
             return QJsonValue(QJsonObject{{u"id"_s, profile.id},
                                           {u"name"_s, profile.name},
                                           {u"mailboxes"_s, seen},
                                           {u"estimatedFirstRunSeconds"_s, std::ceil(estimate)}});
         }});
}

} // namespace Mailkeep::App
