#include "core/conversion/ProfileConversion.h"

#include "core/profiles/ProfileTypes.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core::ProfileConversion {

Plan plan(const ProfileRecord &profile)
{
    const QString &type = profile.type;
    if (type == ProfileType::EwsMailbox)
        return {Automatic, ProfileType::Microsoft365Mailbox,
                u"Archives a regular or shared mailbox over EWS: converts to Microsoft Graph."_s};
    if (type == ProfileType::EwsMultiple)
        return {Automatic, ProfileType::Microsoft365Multiple,
                u"Archives the synchronised users' mailboxes over EWS: converts to Microsoft "
                "Graph."_s};
    if (type == ProfileType::EwsExport)
        return {Automatic, ProfileType::Microsoft365Export,
                u"Exports into a Microsoft 365 mailbox over EWS: converts to IMAP with OAuth "
                "(Graph cannot import complete messages)."_s};
    if (type == ProfileType::EwsArchiveMailbox || type == ProfileType::EwsMultipleArchive)
        return {NotSupported,
                {},
                u"Microsoft Graph cannot reach archive mailboxes (the online archive): the "
                "profile works only while the tenant still allows EWS."_s};
    if (type == ProfileType::EwsPublicFolders)
        return {NotSupported,
                {},
                u"Microsoft Graph cannot reach public folders: the profile works only while the "
                "tenant still allows EWS. Microsoft recommends moving public folders to "
                "Microsoft 365 groups."_s};
    if (type == ProfileType::Microsoft365Mailbox || type == ProfileType::Microsoft365Multiple)
        return {NotNeeded, {}, u"Uses Microsoft Graph already."_s};
    if (type == ProfileType::Microsoft365Export)
        return {NotNeeded, {}, u"Exports over IMAP already."_s};
    // Journal reports reach a journal mailbox outside Microsoft 365 (a gateway): no EWS.
    if (type == ProfileType::ImapJournal)
        return {NotNeeded, {}, u"Archives a journal mailbox over IMAP; EWS plays no part."_s};
    return {};
}

ProfileRecord converted(const ProfileRecord &profile, const Plan &plan)
{
    ProfileRecord result = profile;
    result.type = plan.targetType;
    return result;
}

QJsonObject overview(const QList<ProfileRecord> &profiles, const QDate &today)
{
    QJsonArray list;
    int automatic = 0;
    int notSupported = 0;
    int notNeeded = 0;
    for (const ProfileRecord &profile : profiles) {
        const Plan planned = plan(profile);
        if (planned.category.isEmpty())
            continue;
        const std::optional<ProfileTypeInfo> from = ProfileTypes::find(profile.type);
        QJsonObject entry{{u"id"_s, profile.id},
                          {u"name"_s, profile.name},
                          {u"kind"_s, profile.kind},
                          {u"type"_s, profile.type},
                          {u"protocol"_s, from ? from->protocol : QString()},
                          {u"category"_s, planned.category},
                          {u"convertsTo"_s, planned.targetType.isEmpty()
                                                ? QJsonValue()
                                                : QJsonValue(planned.targetType)},
                          {u"reason"_s, planned.reason}};
        if (planned.category != NotNeeded)
            entry.insert(
                u"stopsWorking"_s,
                QJsonObject{{u"kioskAndFrontlineMailboxes"_s, kKioskBlocked.toString(Qt::ISODate)},
                            {u"blockedUnlessAllowed"_s, kBlocked.toString(Qt::ISODate)},
                            {u"switchedOff"_s, kSwitchedOff.toString(Qt::ISODate)}});
        list.append(entry);
        automatic += planned.category == Automatic;
        notSupported += planned.category == NotSupported;
        notNeeded += planned.category == NotNeeded;
    }
    return {{u"profiles"_s, list},
            {u"counts"_s, QJsonObject{{u"automatic"_s, automatic},
                                      {u"notSupported"_s, notSupported},
                                      {u"notNeeded"_s, notNeeded}}},
            {u"convertibleProfiles"_s, automatic > 0},
            {u"daysUntilEwsEnds"_s, std::max<qint64>(0, today.daysTo(kSwitchedOff))}};
}

QString graphIdFromEwsId(const QString &ewsId)
{
    // Both are the same identifier in base64; Graph uses the URL-safe alphabet.
    QString id = ewsId;
    return id.replace(u'+', u'-').replace(u'/', u'_');
}

} // namespace Mailkeep::Core::ProfileConversion
