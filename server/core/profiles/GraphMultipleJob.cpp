#include "core/profiles/GraphMultipleJob.h"

#include <QJsonArray>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

QStringList lowerNames(const QJsonValue &list)
{
    QStringList names;
    for (const QJsonValue &name : list.toArray())
        names << name.toString().trimmed().toLower();
    return names;
}

// The progress of one mailbox among several: cancellation comes from the run, the text goes
// into the run's summary of what is being archived.
class MailboxProgress final : public TaskProgress
{
public:
    MailboxProgress(TaskProgress &run, std::function<void(const QString &)> tell)
        : m_run(run)
        , m_tell(std::move(tell))
    {}
    void report(int, const QString &text) override { m_tell(text); }
    bool isCancellationRequested() const override { return m_run.isCancellationRequested(); }

private:
    TaskProgress &m_run;
    std::function<void(const QString &)> m_tell;
};

} // namespace

GraphMultipleJob::GraphMultipleJob(UserStore &users, ProfileJobFactory singleMailbox,
                                   MailboxName naming, DirectoryConnector connectDirectory)
    : m_users(users)
    , m_singleMailbox(std::move(singleMailbox))
    , m_naming(naming)
    , m_connectDirectory(std::move(connectDirectory))
{}

Result<QList<GraphMultipleJob::Mailbox>>
GraphMultipleJob::mailboxes(const QJsonObject &properties, qint64 credentialId,
                            const std::function<bool()> &cancelled, QJsonArray &leftOut)
{
    Result<QList<UserRecord>> users = m_users.listUsers();
    if (!users.ok())
        return users.error();
    const QStringList include = lowerNames(properties.value(u"includeUsers"_s));
    const QStringList exclude = lowerNames(properties.value(u"excludeUsers"_s));
    // Microsoft 365 groups are users of the archive (their mail is filed for them) but have
    // no mailbox Graph can open: the directory says which users they are.
    Result<std::unique_ptr<DirectorySource>> directory =
        m_connectDirectory(credentialId, cancelled);
    if (!directory.ok())
        return directory.error();
    Result<QList<DirectoryGroup>> groups = (*directory)->groups();
    if (!groups.ok())
        return Error(groups.error().code,
                     u"The users that stand for Microsoft 365 groups could not be told apart: "
                     "%1"_s.arg(groups.error().message));
    QSet<QString> groupIds;
    for (const DirectoryGroup &group : std::as_const(groups.value()))
        groupIds.insert(group.objectId.toLower());

    QList<Mailbox> chosen;
    for (const UserRecord &user : std::as_const(users.value())) {
        if (user.authentication != u"directoryServices"_s || user.distinguishedName.isEmpty())
            continue;
        if (!include.isEmpty() && !include.contains(user.userName))
            continue;
        if (exclude.contains(user.userName))
            continue;
        if (groupIds.contains(user.distinguishedName.toLower())) {
            leftOut.append(QJsonObject{{u"userName"_s, user.userName},
                                       {u"reason"_s, u"a Microsoft 365 group"_s}});
            continue;
        }
        const QString address =
            user.emailAddresses.isEmpty() ? user.userName : user.emailAddresses.first();
        chosen.append(
            {user.userName, m_naming == MailboxName::ObjectId ? user.distinguishedName : address});
    }
    for (const QString &name : include) {
        const bool found = std::any_of(chosen.cbegin(), chosen.cend(),
                                       [&name](const Mailbox &m) { return m.userName == name; });
        if (!found && !exclude.contains(name))
            leftOut.append(QJsonObject{
                {u"userName"_s, name},
                {u"reason"_s, u"no user synchronised with Microsoft 365 has this name"_s}});
    }
    return chosen;
}

Status GraphMultipleJob::run(const ProfileRunContext &context, ProfileRunReport &report)
{
    const QJsonObject &properties = context.properties;
    const qint64 credentialId = properties.value(u"credentialId"_s).toInteger();
    TaskProgress &progress = context.progress;
    const auto cancelled = [&progress] { return progress.isCancellationRequested(); };
    progress.report(0, u"Finding the mailboxes of the synchronised users"_s);
    QJsonArray leftOut;
    Result<QList<Mailbox>> found = mailboxes(properties, credentialId, cancelled, leftOut);
    if (!found.ok())
        return found.error();
    const QList<Mailbox> &all = found.value();
    if (all.isEmpty())
        return Error(ErrorCode::NotFound,
                     u"There are no mailboxes to archive: synchronise the users with Microsoft "
                     "365 first (SyncUsersWithDirectoryServices), and check includeUsers and "
                     "excludeUsers."_s);

    QJsonObject single = properties;
    for (const QString &name : {u"includeUsers"_s, u"excludeUsers"_s, u"parallelMailboxes"_s})
        single.remove(name);
    const int parallel =
        std::clamp(properties.value(u"parallelMailboxes"_s).toInt(kDefaultParallelMailboxes), 1,
                   kMostParallelMailboxes);

    std::mutex mutex; // guards report, results, busy and finished
    QJsonArray results;
    QHash<QString, QString> busy; // user name -> what its mailbox is doing
    qsizetype finished = 0;
    bool stopped = false;
    const auto tellRun = [&]() {
        QStringList doing;
        for (auto it = busy.cbegin(); it != busy.cend(); ++it)
            doing << it.value();
        doing.sort();
        progress.report(static_cast<int>(finished * 100 / all.size()),
                        u"%1 of %2 mailboxes done. %3"_s.arg(finished)
                            .arg(all.size())
                            .arg(doing.join(u"; "_s)));
    };
    std::atomic<qsizetype> next{0};
    const auto work = [&]() {
        for (qsizetype i = next++; i < all.size(); i = next++) {
            const Mailbox &mailbox = all.at(i);
            if (progress.isCancellationRequested())
                return;
            MailboxProgress own(progress, [&, name = mailbox.userName](const QString &text) {
                std::lock_guard lock(mutex);
                busy.insert(name, text);
                tellRun();
            });
            QJsonObject mailboxProperties = single;
            mailboxProperties.insert(u"mailbox"_s, mailbox.name);
            mailboxProperties.insert(u"userName"_s, mailbox.userName);
            ProfileRunReport one;
            const Status ran = m_singleMailbox()->run(
                {context.profile, mailboxProperties, context.startedBy, own}, one);
            std::lock_guard lock(mutex);
            report.archived += one.archived;
            report.alreadyArchived += one.alreadyArchived;
            report.duplicatesSkipped += one.duplicatesSkipped;
            report.flagged += one.flagged;
            for (const auto &[item, reason] : std::as_const(one.failures))
                report.failures.append({mailbox.userName + u": "_s + item, reason});
            QJsonObject entry = one.details;
            entry.insert(u"userName"_s, mailbox.userName);
            entry.insert(u"mailbox"_s, mailbox.name);
            entry.insert(u"archived"_s, one.archived);
            if (!ran.ok()) {
                if (ran.error().code == ErrorCode::Cancelled)
                    stopped = true;
                else
                    report.failures.append({mailbox.userName, ran.error().message});
                entry.insert(u"error"_s, ran.error().message);
            }
            results.append(entry);
            busy.remove(mailbox.userName);
            ++finished;
            tellRun();
        }
    };
    // Qt threads, so that each mailbox's network access has its own event dispatcher.
    std::vector<std::unique_ptr<QThread>> workers;
    for (int w = 1; w < std::min<qsizetype>(parallel, all.size()); ++w) {
        workers.emplace_back(QThread::create(work));
        workers.back()->start();
    }
    work();
    for (const std::unique_ptr<QThread> &worker : workers)
        worker->wait();

    QList<QJsonObject> sorted;
    for (const QJsonValue &entry : std::as_const(results))
        sorted.append(entry.toObject());
    std::sort(sorted.begin(), sorted.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"userName"_s).toString() < b.value(u"userName"_s).toString();
    });
    QJsonArray ordered;
    for (const QJsonObject &entry : std::as_const(sorted))
        ordered.append(entry);
    report.details = QJsonObject{
        {u"mailboxes"_s, ordered}, {u"leftOut"_s, leftOut}, {u"parallelMailboxes"_s, parallel}};
    if (stopped || progress.isCancellationRequested())
        return Error(ErrorCode::Cancelled, u"The run was cancelled."_s);
    return {};
}

} // namespace Mailkeep::Core
