#include "core/profiles/ImapMultipleJob.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

ImapMultipleJob::ImapMultipleJob(ArchiveService &archive, MailboxConnector connect)
    : m_archive(archive)
    , m_connect(std::move(connect))
{}

Status ImapMultipleJob::run(const ProfileRunContext &context, ProfileRunReport &report)
{
    const QJsonObject &properties = context.properties;
    const QJsonArray mailboxes = properties.value(u"mailboxes"_s).toArray();
    const QString master = properties.value(u"masterUser"_s).toString().trimmed();
    const QJsonObject passwords = properties.value(u"mailboxPasswords"_s).toObject();
    QJsonArray results;
    for (qsizetype i = 0; i < mailboxes.size(); ++i) {
        if (context.progress.isCancellationRequested())
            return Error(ErrorCode::Cancelled, u"The run was cancelled."_s);
        const QJsonObject mailbox = mailboxes.at(i).toObject();
        const QString user = mailbox.value(u"userName"_s).toString().trimmed();
        QString login = mailbox.value(u"imapUserName"_s).toString().trimmed();
        if (login.isEmpty())
            login = user;
        QJsonObject single = properties;
        single.remove(u"mailboxes"_s);
        single.remove(u"mailboxPasswords"_s);
        single.remove(u"masterPassword"_s);
        single.insert(u"userName"_s, user);
        if (!master.isEmpty()) {
            single.insert(u"imapUserName"_s, QString(login + u'*' + master));
            single.insert(u"password"_s, properties.value(u"masterPassword"_s));
        } else {
            single.insert(u"imapUserName"_s, login);
            single.insert(u"password"_s, passwords.value(login));
        }
        context.progress.report(static_cast<int>(i * 100 / mailboxes.size()),
                                u"Archiving the mailbox of %1"_s.arg(user));
        ProfileRunReport one;
        const Status ran =
            ImapArchiveJob(m_archive, m_connect)
                .run({context.profile, single, context.startedBy, context.progress}, one);
        report.archived += one.archived;
        report.alreadyArchived += one.alreadyArchived;
        report.duplicatesSkipped += one.duplicatesSkipped;
        report.flagged += one.flagged;
        report.failures.append(one.failures);
        QJsonObject entry = one.details;
        entry.insert(u"userName"_s, user);
        entry.insert(u"archived"_s, one.archived);
        if (!ran.ok()) {
            if (ran.error().code == ErrorCode::Cancelled)
                return ran;
            entry.insert(u"error"_s, ran.error().message);
            report.failures.append({login, ran.error().message});
        }
        results.append(entry);
    }
    report.details = QJsonObject{{u"mailboxes"_s, results}};
    return {};
}

} // namespace Mailkeep::Core
