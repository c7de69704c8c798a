// Archiving profiles through the API: saving with versions and history, privileges, running
// file profiles (EML folder, mbox file, bulk import), temporary profiles, worker results, and
// the scheduler's automatic runs with pauses and maintenance windows; runs of one profile
// never overlap and the worker limit holds.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"
#include "core/profiles/ProfileRunner.h"
#include "core/profiles/ProfileScheduler.h"
#include "core/profiles/ProfileService.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

#include <gtest/gtest.h>
#include <thread>
#include <vector>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray mail(const QString &subject)
{
    return "From: sender@example.org\r\nTo: alice@example.org\r\nSubject: " + subject.toUtf8() +
           "\r\nDate: 1 Mar 2026 10:00:00 +0000\r\nMessage-ID: <" + subject.toUtf8().toHex() +
           "@example.org>\r\n\r\nAbout " + subject.toUtf8() + "\r\n";
}

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

class ProfileFunctionsTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        writeMail(m_files.filePath(u"alice-pc"_s), {u"one"_s, u"two"_s, u"three"_s});
    }
    static void writeMail(const QString &folder, const QStringList &subjects)
    {
        ASSERT_TRUE(QDir().mkpath(folder));
        for (const QString &subject : subjects) {
            QFile file(folder + u'/' + subject + u".eml"_s);
            ASSERT_TRUE(file.open(QIODevice::WriteOnly));
            file.write(mail(subject));
        }
    }
    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    QJsonObject emlProfile(const QString &name = u"Alice's old PC"_s) const
    {
        return {{u"name"_s, name},
                {u"type"_s, u"emlFolder"_s},
                {u"userName"_s, u"alice"_s},
                {u"targetFolder"_s, u"Old PC"_s},
                {u"path"_s, m_files.filePath(u"alice-pc"_s)}};
    }
    qint64 create(const QJsonObject &profile)
    {
        const QJsonObject answer =
            admin(u"CreateProfile"_s, {{u"properties"_s, json(profile)}, {u"raw"_s, u"true"_s}});
        EXPECT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        return answer[u"result"_s][u"id"_s].toInteger();
    }
    QJsonArray workerResults(qint64 profileId)
    {
        return admin(u"GetWorkerResults"_s,
                     {{u"fromIncluding"_s, u"2000-01-01T00:00:00"_s},
                      {u"toExcluding"_s, u"2100-01-01T00:00:00"_s},
                      {u"timeZoneID"_s, u"UTC"_s},
                      {u"profileID"_s, QString::number(profileId)}})[u"result"_s]
            .toArray();
    }
    static bool waitFor(const std::function<bool()> &condition, int ms = 20000)
    {
        QDeadlineTimer deadline(ms);
        while (!condition()) {
            if (deadline.hasExpired())
                return false;
            QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
            QThread::msleep(5);
        }
        return true;
    }

    QTemporaryDir m_files;
    std::unique_ptr<HttpsTestClient> m_admin;
};

// A job that holds its run until told to go on: to watch runs wait for each other.
class GateJob final : public Core::ProfileJob
{
public:
    GateJob(std::atomic<int> &inside, std::atomic<int> &most, std::atomic<bool> &open)
        : m_inside(inside)
        , m_most(most)
        , m_open(open)
    {}
    Status run(const Core::ProfileRunContext &, Core::ProfileRunReport &) override
    {
        const int now = ++m_inside;
        m_most = std::max(m_most.load(), now);
        while (!m_open)
            QThread::msleep(5);
        --m_inside;
        return {};
    }

private:
    std::atomic<int> &m_inside;
    std::atomic<int> &m_most;
    std::atomic<bool> &m_open;
};

class NoProgress final : public Core::TaskProgress
{
public:
    void report(int, const QString &) override {}
    bool isCancellationRequested() const override { return false; }
};

} // namespace

TEST_F(ProfileFunctionsTest, AProfileIsSavedListedChangedAndRunAgainWithoutDuplicates)
{
    const qint64 id = create(emlProfile());
    ASSERT_GT(id, 0);
    const QJsonArray listed =
        admin(u"GetProfiles"_s, {{u"raw"_s, u"true"_s}})[u"result"_s].toArray();
    ASSERT_EQ(listed.size(), 1);
    const QJsonObject profile = listed.at(0).toObject();
    EXPECT_EQ(profile[u"kind"_s].toString(), u"archive"_s);
    EXPECT_EQ(profile[u"protocol"_s].toString(), u"File"_s);
    EXPECT_EQ(profile[u"owner"_s].toString(), u"admin"_s);
    EXPECT_EQ(profile[u"version"_s].toInt(), 1);
    EXPECT_EQ(profile[u"path"_s].toString(), m_files.filePath(u"alice-pc"_s));
    EXPECT_FALSE(profile[u"serverSideExecution"_s][u"automatic"_s].toBool());

    QJsonObject ran = admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 3);
    writeMail(m_files.filePath(u"alice-pc"_s), {u"four"_s});
    ran = admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 1) << "only the new mail";
    EXPECT_EQ(ran[u"result"_s][u"alreadyArchived"_s].toInt(), 3);

    const QJsonArray results = workerResults(id);
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results.at(0)[u"profileName"_s].toString(), u"Alice's old PC"_s);
    EXPECT_EQ(results.at(0)[u"userName"_s].toString(), u"alice"_s);
    EXPECT_EQ(results.at(0)[u"result"_s].toString(), u"succeeded"_s);
    const QJsonObject report =
        admin(u"GetWorkerResultReport"_s,
              {{u"id"_s, QString::number(results.at(1)[u"id"_s].toInteger())}})[u"result"_s]
            .toObject();
    EXPECT_EQ(report[u"itemsArchived"_s].toInt(), 3) << json(report).toStdString();

    // A change needs the version it was read at.
    QJsonObject changed = profile;
    changed.insert(u"name"_s, u"Alice's laptop"_s);
    changed.insert(u"version"_s, 7);
    QJsonObject answer = admin(u"CreateProfile"_s, {{u"properties"_s, json(changed)}});
    EXPECT_TRUE(message(answer).contains(u"changed meanwhile"_s)) << message(answer).toStdString();
    changed.insert(u"version"_s, 1);
    answer = admin(u"CreateProfile"_s, {{u"properties"_s, json(changed)}});
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_EQ(answer[u"result"_s][u"version"_s].toInt(), 2);
    EXPECT_EQ(answer[u"result"_s][u"id"_s].toInteger(), id);
    const QJsonArray history =
        admin(u"GetProfileHistory"_s, {{u"id"_s, QString::number(id)}})[u"result"_s].toArray();
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history.at(0)[u"event"_s].toString(), u"created"_s);
    EXPECT_EQ(history.at(1)[u"event"_s].toString(), u"changed"_s);
    EXPECT_EQ(history.at(1)[u"details"_s][u"before"_s][u"name"_s].toString(), u"Alice's old PC"_s);

    ASSERT_EQ(status(admin(u"DeleteProfile"_s, {{u"id"_s, QString::number(id)}})), u"succeeded"_s);
    EXPECT_TRUE(admin(u"GetProfiles"_s)[u"result"_s].toArray().isEmpty());
    EXPECT_TRUE(message(admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}}))
                    .contains(u"no profile"_s));
}

TEST_F(ProfileFunctionsTest, UsersSeeAndRunOnlyTheirOwnProfilesAndNeverTheServersFiles)
{
    const qint64 id = create(emlProfile());
    ASSERT_EQ(status(admin(u"SetUserPrivileges"_s,
                           {{u"userName"_s, u"alice"_s},
                            {u"privileges"_s, u"login,archive,modifyArchiveProfiles"_s}})),
              u"succeeded"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_TRUE(call(alice, u"GetProfiles"_s)[u"result"_s].toArray().isEmpty())
        << "the administrator's profile is not hers";
    EXPECT_TRUE(message(call(alice, u"RunProfile"_s, {{u"id"_s, QString::number(id)}}))
                    .contains(u"no profile"_s));
    EXPECT_TRUE(message(call(alice, u"DeleteProfile"_s, {{u"id"_s, QString::number(id)}}))
                    .contains(u"no profile"_s));
    const QJsonObject own =
        call(alice, u"CreateProfile"_s, {{u"properties"_s, json(emlProfile())}});
    EXPECT_TRUE(message(own).contains(u"Only administrators"_s)) << message(own).toStdString();
    const QJsonObject temporary =
        call(alice, u"RunTemporaryProfile"_s, {{u"properties"_s, json(emlProfile())}});
    EXPECT_TRUE(message(temporary).contains(u"Only administrators"_s));
    EXPECT_EQ(admin(u"GetProfiles"_s)[u"result"_s].toArray().size(), 1);
}

TEST_F(ProfileFunctionsTest, BadProfilesGetClearAnswers)
{
    const auto refusal = [&](const QJsonObject &profile) {
        return message(admin(u"CreateProfile"_s, {{u"properties"_s, json(profile)}}));
    };
    QJsonObject profile = emlProfile();
    profile.insert(u"type"_s, u"pst"_s);
    EXPECT_TRUE(refusal(profile).contains(u"Unknown profile type"_s));
    profile = emlProfile();
    profile.remove(u"path"_s);
    EXPECT_TRUE(refusal(profile).contains(u"needs the property path"_s));
    profile = emlProfile();
    profile.insert(u"path"_s, u"relative/folder"_s);
    EXPECT_TRUE(refusal(profile).contains(u"absolute path"_s));
    profile = emlProfile();
    profile.insert(u"userName"_s, u"nobody"_s);
    EXPECT_TRUE(refusal(profile).contains(u"no user nobody"_s));
    profile = emlProfile();
    profile.insert(u"name"_s, u"  "_s);
    EXPECT_TRUE(refusal(profile).contains(u"needs a name"_s));
    profile = emlProfile();
    profile.insert(u"kind"_s, u"export"_s);
    EXPECT_TRUE(refusal(profile).contains(u"archive profile"_s));
    EXPECT_TRUE(refusal({{u"name"_s, u"bulk"_s},
                         {u"type"_s, u"bulkImport"_s},
                         {u"rootPath"_s, m_files.path()},
                         {u"format"_s, u"pst"_s}})
                    .contains(u"one type of file per run"_s));
    EXPECT_TRUE(message(admin(u"CreateProfile"_s, {{u"properties"_s, u"[1, 2]"_s}}))
                    .contains(u"JSON object"_s));
    EXPECT_TRUE(
        message(admin(u"CreateProfile"_s, {{u"properties"_s, u"{broken"_s}})).contains(u"JSON"_s));
    EXPECT_TRUE(admin(u"GetProfiles"_s)[u"result"_s].toArray().isEmpty());

    // A folder that went away fails the run, with a worker result saying why.
    QJsonObject gone = emlProfile();
    gone.insert(u"path"_s, m_files.filePath(u"gone"_s));
    const qint64 id = create(gone);
    EXPECT_TRUE(
        message(admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}})).contains(u"no folder"_s));
    const QJsonArray results = workerResults(id);
    ASSERT_EQ(results.size(), 1);
    EXPECT_EQ(results.at(0)[u"result"_s].toString(), u"failed"_s);
    // Overrides of one run are checked like the profile.
    EXPECT_TRUE(message(admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)},
                                                {u"properties"_s, u"{\"path\": \"x\"}"_s}}))
                    .contains(u"absolute path"_s));
}

TEST_F(ProfileFunctionsTest, BulkImportFillsEachUsersArchiveAndNamesFoldersWithoutAUser)
{
    const QString root = m_files.filePath(u"bulk"_s);
    writeMail(root + u"/alice"_s, {u"for alice"_s});
    writeMail(root + u"/carol/Projects"_s, {u"for carol"_s});
    writeMail(root + u"/ghost"_s, {u"for nobody"_s});
    QFile mbox(root + u"/alice/old.mbox"_s);
    ASSERT_TRUE(mbox.open(QIODevice::WriteOnly));
    mbox.write("From x@example.org Sat Mar  1 10:00:00 2026\n" + mail(u"in an mbox"_s));
    mbox.close();
    const QJsonObject ran =
        admin(u"RunTemporaryProfile"_s, {{u"properties"_s, json({{u"name"_s, u"Bulk import"_s},
                                                                 {u"type"_s, u"bulkImport"_s},
                                                                 {u"rootPath"_s, root},
                                                                 {u"format"_s, u"eml"_s}})}});
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    const QJsonObject result = ran[u"result"_s].toObject();
    EXPECT_EQ(result[u"result"_s].toString(), u"completedWithErrors"_s);
    EXPECT_EQ(result[u"archived"_s].toInt(), 2) << "the mbox file waits for a run of its own";
    ASSERT_EQ(result[u"failures"_s].toArray().size(), 1);
    EXPECT_TRUE(result[u"failures"_s][0][u"reason"_s].toString().contains(u"no user ghost"_s));
    QStringList folders;
    for (const QJsonValue &folder : admin(u"GetChildFolders"_s)[u"result"_s].toArray())
        folders << folder[u"folder"_s].toString();
    EXPECT_TRUE(folders.contains(u"alice/Imported"_s)) << folders.join(u", "_s).toStdString();
    EXPECT_TRUE(folders.contains(u"carol/Imported/Projects"_s))
        << folders.join(u", "_s).toStdString();
}

TEST_F(ProfileFunctionsTest, AutomaticProfilesRunAfterTheirPauseInsideTheirWindows)
{
    const qint64 id = create(emlProfile());
    EXPECT_TRUE(message(admin(u"SetProfileServerSideExecution"_s,
                              {{u"id"_s, QString::number(id)}, {u"automatic"_s, u"true"_s}}))
                    .contains(u"automaticPauseBetweenExecutions"_s));
    EXPECT_TRUE(message(admin(u"SetProfileServerSideExecution"_s,
                              {{u"id"_s, QString::number(id)},
                               {u"automatic"_s, u"true"_s},
                               {u"automaticPauseBetweenExecutions"_s, u"60"_s},
                               {u"automaticMaintenanceWindows"_s, u"00:00-23:99"_s}}))
                    .contains(u"hh:mm-hh:mm"_s));
    // A window that is closed now keeps the profile waiting.
    const QTime now = m_clock.now().toLocalTime().time();
    const QString closed = u"%1-%2"_s.arg(now.addSecs(3 * 3600).toString(u"HH:mm"_s),
                                          now.addSecs(4 * 3600).toString(u"HH:mm"_s));
    ASSERT_EQ(status(admin(u"SetProfileServerSideExecution"_s,
                           {{u"id"_s, QString::number(id)},
                            {u"automatic"_s, u"true"_s},
                            {u"automaticPauseBetweenExecutions"_s, u"60"_s},
                            {u"automaticMaintenanceWindows"_s, closed}})),
              u"succeeded"_s);
    m_profiles->startScheduler(std::chrono::milliseconds(50));
    QThread::msleep(300);
    waitFor([] { return false; }, 300);
    EXPECT_TRUE(workerResults(id).isEmpty()) << "outside its window";

    const QString open = u"%1-%2"_s.arg(now.addSecs(-3600).toString(u"HH:mm"_s),
                                        now.addSecs(3600).toString(u"HH:mm"_s));
    ASSERT_EQ(status(admin(u"SetProfileServerSideExecution"_s,
                           {{u"id"_s, QString::number(id)},
                            {u"automatic"_s, u"true"_s},
                            {u"automaticPauseBetweenExecutions"_s, u"60"_s},
                            {u"automaticMaintenanceWindows"_s, open}})),
              u"succeeded"_s);
    ASSERT_TRUE(waitFor([&] {
        const QJsonArray runs = workerResults(id);
        return runs.size() == 1 && runs.at(0)[u"result"_s].toString() != u"running"_s;
    }));
    EXPECT_EQ(workerResults(id).at(0)[u"itemsArchived"_s].toInt(), 3)
        << QJsonDocument(workerResults(id)).toJson().toStdString();

    const QJsonObject listed = admin(u"GetProfiles"_s)[u"result"_s][0].toObject();
    EXPECT_TRUE(listed[u"serverSideExecution"_s][u"automatic"_s].toBool());
    EXPECT_EQ(listed[u"serverSideExecution"_s][u"automaticMaintenanceWindows"_s].toString(), open);
    EXPECT_FALSE(listed[u"lastRunEnded"_s].isNull());

    // Within the pause nothing runs; after it, the next run comes.
    waitFor([] { return false; }, 400);
    EXPECT_EQ(workerResults(id).size(), 1);
    m_clock.advance(61 * 1000);
    ASSERT_TRUE(waitFor([&] {
        const QJsonArray runs = workerResults(id);
        return runs.size() == 2 && runs.at(0)[u"result"_s].toString() != u"running"_s;
    }));
    EXPECT_EQ(workerResults(id).at(0)[u"itemsSkipped"_s].toInt(), 3) << "nothing new";

    // Manual again: no more runs.
    ASSERT_EQ(status(admin(u"SetProfileServerSideExecution"_s,
                           {{u"id"_s, QString::number(id)}, {u"automatic"_s, u"false"_s}})),
              u"succeeded"_s);
    ASSERT_TRUE(waitFor([&] { return !m_profiles->runner().isRunning(id); }));
    m_clock.advance(3600 * 1000);
    waitFor([] { return false; }, 400);
    EXPECT_EQ(workerResults(id).size(), 2);
    m_profiles->stopScheduler();
}

TEST_F(ProfileFunctionsTest, RunsOfOneProfileWaitForEachOtherAndTheWorkerLimitHolds)
{
    std::atomic<int> inside = 0;
    std::atomic<int> most = 0;
    std::atomic<bool> open = false;
    Core::ProfileRunner &runner = m_profiles->runner();
    runner.registerJob(u"gate"_s, [&]() { return std::make_unique<GateJob>(inside, most, open); });
    QList<qint64> ids;
    for (int i = 0; i < 3; ++i) {
        Core::ProfileRecord record;
        record.uid = u"gate-%1"_s.arg(i);
        record.name = u"Gate %1"_s.arg(i);
        record.owner = u"admin"_s;
        record.kind = u"archive"_s;
        record.type = u"gate"_s;
        auto created = m_profiles->service().store().create(record);
        ASSERT_TRUE(created.ok());
        ids << created->id;
    }
    std::vector<std::thread> runs;
    const auto start = [&](qint64 id) {
        runs.emplace_back([&runner, this, id]() {
            NoProgress progress;
            auto profile = m_profiles->service().store().profile(id);
            ASSERT_TRUE(profile.ok() && profile->has_value());
            auto ran = runner.run(profile->value(), {}, u"test"_s, progress);
            EXPECT_TRUE(ran.ok()) << ran.error().toString().toStdString();
        });
    };
    start(ids[0]);
    start(ids[0]); // the same profile again: waits
    start(ids[1]);
    start(ids[2]); // the fixture's limit is 2 workers: waits
    ASSERT_TRUE(waitFor([&] { return inside == 2; }));
    waitFor([] { return false; }, 300);
    EXPECT_EQ(inside.load(), 2);
    EXPECT_EQ(runner.activeRuns(), 2);
    open = true;
    for (std::thread &run : runs)
        run.join();
    EXPECT_EQ(most.load(), 2);
    EXPECT_EQ(workerResults(ids[0]).size(), 2);
    EXPECT_EQ(workerResults(ids[2]).size(), 1);
}
