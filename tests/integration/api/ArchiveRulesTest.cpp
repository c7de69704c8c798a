// The rules around archived mail: deleting with privileges and an audit trail, Archive Access
// and legal hold, write-protected and disabled stores, worker results, and encryption at rest
// as pg_dump shows it.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(MAILKEEP_TEST_DATA_DIR "/mime/") + name;
}

class ArchiveRulesTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
    }

    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    // Imports the fixture into alice/Imported and returns the message ids there (alice reads).
    QStringList importForAlice(const QStringList &files)
    {
        for (const QString &name : files) {
            const QJsonObject result = admin(
                u"ImportEmailFiles"_s, {{u"userName"_s, u"alice"_s}, {u"path"_s, fixture(name)}});
            EXPECT_EQ(status(result), u"succeeded"_s) << message(result).toStdString();
        }
        EXPECT_EQ(status(admin(u"SetUserPrivilegesOnFolder"_s, {{u"userName"_s, u"alice"_s},
                                                                {u"folder"_s, u"alice"_s},
                                                                {u"privileges"_s, u"read"_s}})),
                  u"succeeded"_s);
        HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
        QStringList ids;
        for (const QJsonValue &row :
             call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s]
                 .toArray())
            ids << row[u"id"_s].toString();
        return ids;
    }
    qint64 scalar(const QString &sql)
    {
        auto rows = connection().exec(sql);
        EXPECT_TRUE(rows.ok()) << sql.toStdString();
        return rows.ok() ? rows->toInt64(0, 0) : -1;
    }
    QString currentSchema()
    {
        const auto stores = m_archive->catalog().listStores(false);
        for (const auto &store : stores.value()) {
            if (store.state == Core::StoreState::Current)
                return store.schemaName();
        }
        return {};
    }

    std::unique_ptr<HttpsTestClient> m_admin;
};

TEST_F(ArchiveRulesTest, DeletingNeedsBothPrivilegesAndIsAudited)
{
    const QStringList ids = importForAlice({u"rfc2047.eml"_s, u"attachments.eml"_s});
    ASSERT_EQ(ids.size(), 2);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const Api::FormFields remove{{u"id"_s, ids[0]}, {u"reason"_s, u"GDPR request 17"_s}};

    // Reading is not deleting: no global "delete" privilege yet.
    QJsonObject answer = call(alice, u"DeleteMessage"_s, remove);
    EXPECT_EQ(status(answer), u"failed"_s);
    EXPECT_TRUE(message(answer).contains(u"privilege to delete"_s))
        << message(answer).toStdString();
    ASSERT_EQ(status(admin(u"SetUserPrivileges"_s,
                           {{u"userName"_s, u"alice"_s}, {u"privileges"_s, u"login,delete"_s}})),
              u"succeeded"_s);
    answer = call(alice, u"DeleteMessage"_s, remove);
    EXPECT_TRUE(message(answer).contains(u"may not delete messages in the folder"_s))
        << message(answer).toStdString();
    // A reason is required.
    EXPECT_TRUE(message(call(alice, u"DeleteMessage"_s, {{u"id"_s, ids[0]}, {u"reason"_s, u" "_s}}))
                    .contains(u"reason"_s));

    ASSERT_EQ(status(admin(u"SetUserPrivilegesOnFolder"_s, {{u"userName"_s, u"alice"_s},
                                                            {u"folder"_s, u"alice"_s},
                                                            {u"privileges"_s, u"read,delete"_s}})),
              u"succeeded"_s);
    const QString schema = currentSchema();
    ASSERT_EQ(scalar(u"SELECT count(*) FROM %1.contents"_s.arg(schema)), 2);
    answer = call(alice, u"DeleteMessage"_s, remove);
    ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
    EXPECT_EQ(call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s]
                  .toArray()
                  .size(),
              1);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM %1.contents"_s.arg(schema)), 1)
        << "the content of a deleted message goes with it";
    EXPECT_EQ(status(call(alice, u"GetMessageContent"_s, {{u"id"_s, ids[0]}})), u"failed"_s);
    EXPECT_TRUE(message(call(alice, u"DeleteMessage"_s, remove)).contains(u"no message"_s));

    auto audit = connection().exec(
        u"SELECT user_name, details->>'reason', details->>'id', details->>'folder' "
        "FROM audit_log WHERE event = 'MessageDelete'"_s);
    ASSERT_TRUE(audit.ok());
    ASSERT_EQ(audit->rowCount(), 1);
    EXPECT_EQ(audit->text(0, 0), u"alice"_s);
    EXPECT_EQ(audit->text(0, 1), u"GDPR request 17"_s);
    EXPECT_EQ(audit->text(0, 2), ids[0]);
    EXPECT_EQ(audit->text(0, 3), u"alice/Imported"_s);
}

TEST_F(ArchiveRulesTest, OtherUsersMailCannotBeDeletedOrSeen)
{
    const QStringList ids = importForAlice({u"rfc2047.eml"_s});
    ASSERT_EQ(ids.size(), 1);
    ASSERT_EQ(status(admin(u"CreateUser"_s, {{u"userName"_s, u"bob"_s},
                                             {u"privileges"_s, u"login,delete"_s},
                                             {u"password"_s, u"bob-Pa55-word"_s}})),
              u"succeeded"_s);
    ASSERT_EQ(status(admin(u"SetUserLoginPrivileges"_s,
                           {{u"userName"_s, u"bob"_s}, {u"loginPrivileges"_s, u"api"_s}})),
              u"succeeded"_s);
    HttpsTestClient bob = client(u"bob"_s, u"bob-Pa55-word"_s);
    const QJsonObject answer =
        call(bob, u"DeleteMessage"_s, {{u"id"_s, ids[0]}, {u"reason"_s, u"tidy"_s}});
    EXPECT_EQ(status(answer), u"failed"_s);
    EXPECT_TRUE(message(answer).contains(u"no message"_s))
        << "another user's message looks like a missing one: " << message(answer).toStdString();
    EXPECT_EQ(status(call(bob, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})),
              u"failed"_s);
    EXPECT_EQ(scalar(u"SELECT count(*) FROM %1.messages"_s.arg(currentSchema())), 1);
}

TEST_F(ArchiveRulesTest, ArchiveAccessAndLegalHoldFollowTheComplianceSettings)
{
    const QStringList ids = importForAlice({u"rfc2047.eml"_s, u"koi8r.eml"_s});
    ASSERT_EQ(ids.size(), 2);
    const QJsonObject defaults = admin(u"GetComplianceConfiguration"_s)[u"result"_s].toObject();
    EXPECT_FALSE(defaults[u"adminEmailPreviewEnabled"_s].toBool()) << "off by default";
    EXPECT_FALSE(defaults[u"legalHoldEnabled"_s].toBool());

    // Archive Access off: the administrator reads and deletes nothing of alice's.
    EXPECT_EQ(status(admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})), u"failed"_s);
    EXPECT_EQ(status(admin(u"GetMessageContent"_s, {{u"id"_s, ids[0]}})), u"failed"_s);
    EXPECT_EQ(status(admin(u"DeleteMessage"_s, {{u"id"_s, ids[0]}, {u"reason"_s, u"x"_s}})),
              u"failed"_s);

    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(
        admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s].toArray().size(),
        2);
    EXPECT_EQ(status(admin(u"GetMessageContent"_s, {{u"id"_s, ids[0]}})), u"succeeded"_s);

    // Legal hold stops every deletion, an administrator's too.
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"legalHoldEnabled\": true}"_s}})),
              u"succeeded"_s);
    QJsonObject answer =
        admin(u"DeleteMessage"_s, {{u"id"_s, ids[0]}, {u"reason"_s, u"clean-up"_s}});
    EXPECT_TRUE(message(answer).contains(u"Legal hold"_s)) << message(answer).toStdString();
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"legalHoldEnabled\": false}"_s}})),
              u"succeeded"_s);
    answer = admin(u"DeleteMessage"_s, {{u"id"_s, ids[0]}, {u"reason"_s, u"clean-up"_s}});
    EXPECT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();

    EXPECT_TRUE(message(admin(u"SetComplianceConfiguration"_s,
                              {{u"config"_s, u"{\"legalHoldEnabled\": 1}"_s}}))
                    .contains(u"true or false"_s));
    EXPECT_TRUE(message(admin(u"SetComplianceConfiguration"_s,
                              {{u"config"_s, u"{\"retentionYears\": 3}"_s}}))
                    .contains(u"not a compliance setting"_s));
    EXPECT_EQ(scalar(u"SELECT count(*) FROM audit_log WHERE event = "
                     "'ComplianceChangeSettings'"_s),
              3);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(status(call(alice, u"GetComplianceConfiguration"_s)), u"failed"_s);
}

TEST_F(ArchiveRulesTest, WriteProtectedAndDisabledStoresBehave)
{
    const QStringList ids = importForAlice({u"rfc2047.eml"_s});
    ASSERT_EQ(ids.size(), 1);
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
              u"succeeded"_s);
    const QString oldStore = ids[0].section(u':', 0, 0);
    ASSERT_EQ(status(admin(u"CreateStore"_s, {{u"name"_s, u"Next"_s},
                                              {u"type"_s, u"FileSystemInternal"_s},
                                              {u"requestedState"_s, u"current"_s}})),
              u"succeeded"_s);
    ASSERT_EQ(status(admin(u"SetStoreRequestedState"_s,
                           {{u"id"_s, oldStore}, {u"requestedState"_s, u"writeProtected"_s}})),
              u"succeeded"_s);
    QJsonObject answer = admin(u"DeleteMessage"_s, {{u"id"_s, ids[0]}, {u"reason"_s, u"x"_s}});
    EXPECT_TRUE(message(answer).contains(u"write-protected"_s)) << message(answer).toStdString();
    EXPECT_EQ(status(admin(u"GetMessageContent"_s, {{u"id"_s, ids[0]}})), u"succeeded"_s)
        << "write-protected mail stays readable";

    ASSERT_EQ(status(admin(u"SetStoreRequestedState"_s,
                           {{u"id"_s, oldStore}, {u"requestedState"_s, u"disabled"_s}})),
              u"succeeded"_s);
    EXPECT_TRUE(admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s]
                    .toArray()
                    .isEmpty())
        << "a disabled store's mail is invisible";
    EXPECT_EQ(status(admin(u"GetMessageContent"_s, {{u"id"_s, ids[0]}})), u"failed"_s);
    answer = admin(u"ImportEmailFiles"_s,
                   {{u"userName"_s, u"alice"_s}, {u"path"_s, fixture(u"koi8r.eml"_s)}});
    EXPECT_TRUE(message(answer).contains(u"disabled"_s)) << message(answer).toStdString();
}

TEST_F(ArchiveRulesTest, EveryImportLeavesAWorkerResult)
{
    QTemporaryDir files;
    ASSERT_TRUE(QFile::copy(fixture(u"rfc2047.eml"_s), files.filePath(u"a.eml"_s)));
    QFile empty(files.filePath(u"empty.eml"_s));
    ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    empty.close();
    QFile truncated(files.filePath(u"cut.mbox"_s));
    ASSERT_TRUE(truncated.open(QIODevice::WriteOnly));
    truncated.write("From a@b Mon Nov 23 10:00:00 2026\nSubject: cut off\nFrom: a@b\n\nhalf a li");
    truncated.close();
    QFile garbage(files.filePath(u"garbage.eml"_s));
    ASSERT_TRUE(garbage.open(QIODevice::WriteOnly));
    QByteArray noise(70000, '\0');
    for (qsizetype i = 0; i < noise.size(); ++i)
        noise[i] = static_cast<char>((i * 7919 + 13) % 251);
    garbage.write(noise);
    garbage.close();
    const QJsonObject imported =
        admin(u"ImportEmailFiles"_s, {{u"userName"_s, u"alice"_s}, {u"path"_s, files.path()}});
    ASSERT_EQ(status(imported), u"succeeded"_s) << message(imported).toStdString();
    const QJsonObject summary = imported[u"result"_s].toObject();
    EXPECT_EQ(summary[u"archived"_s].toInt(), 3)
        << "the cut-off message and the binary garbage are kept as they are";
    EXPECT_EQ(summary[u"flagged"_s].toInt(), 1) << "the garbage has no header block";
    EXPECT_EQ(summary[u"failed"_s].toInt(), 1);
    const double resultId = summary[u"workerResultId"_s].toDouble();
    ASSERT_GT(resultId, 0);
    EXPECT_EQ(status(admin(u"ImportEmailFiles"_s,
                           {{u"userName"_s, u"carol"_s}, {u"path"_s, u"/no/such/file"_s}})),
              u"failed"_s);

    const Api::FormFields range{{u"fromIncluding"_s, u"2000-01-01T00:00:00"_s},
                                {u"toExcluding"_s, u"2100-01-01T00:00:00"_s},
                                {u"timeZoneID"_s, u"Europe/Berlin"_s}};
    const QJsonArray all = admin(u"GetWorkerResults"_s, range)[u"result"_s].toArray();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all[0][u"result"_s].toString(), u"failed"_s);
    EXPECT_EQ(all[0][u"userName"_s].toString(), u"carol"_s);
    EXPECT_EQ(all[1][u"result"_s].toString(), u"completedWithErrors"_s);
    EXPECT_EQ(all[1][u"itemsArchived"_s].toInt(), 3);
    EXPECT_EQ(all[1][u"itemsFailed"_s].toInt(), 1);
    EXPECT_TRUE(all[1][u"startTime"_s].toString().endsWith(u"+01:00"_s) ||
                all[1][u"startTime"_s].toString().endsWith(u"+02:00"_s))
        << "times in the asked time zone: " << all[1][u"startTime"_s].toString().toStdString();

    // An empty range, and one user's runs only.
    EXPECT_TRUE(admin(u"GetWorkerResults"_s, {{u"fromIncluding"_s, u"2000-01-01T00:00:00"_s},
                                              {u"toExcluding"_s, u"2000-01-02T00:00:00"_s},
                                              {u"timeZoneID"_s, u"$Local"_s}})[u"result"_s]
                    .toArray()
                    .isEmpty());
    Api::FormFields aliceOnly = range;
    aliceOnly.append({u"userName"_s, u"alice"_s});
    EXPECT_EQ(admin(u"GetWorkerResults"_s, aliceOnly)[u"result"_s].toArray().size(), 1);

    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonArray own = call(alice, u"GetWorkerResults"_s, range)[u"result"_s].toArray();
    ASSERT_EQ(own.size(), 1) << "alice sees the runs on her archive only";
    Api::FormFields carolOnly = range;
    carolOnly.append({u"userName"_s, u"carol"_s});
    EXPECT_TRUE(message(call(alice, u"GetWorkerResults"_s, carolOnly)).contains(u"own"_s));

    const QJsonObject report =
        call(alice, u"GetWorkerResultReport"_s, {{u"id"_s, QString::number(resultId)}});
    ASSERT_EQ(status(report), u"succeeded"_s) << message(report).toStdString();
    const QJsonArray failures = report[u"result"_s][u"report"_s][u"failures"_s].toArray();
    ASSERT_EQ(failures.size(), 1);
    EXPECT_TRUE(failures[0][u"item"_s].toString().endsWith(u"empty.eml"_s));
    EXPECT_EQ(status(call(alice, u"GetWorkerResultReport"_s,
                          {{u"id"_s, all[0][u"id"_s].toVariant().toString()}})),
              u"failed"_s)
        << "carol's run is not alice's business";
    EXPECT_TRUE(message(admin(u"GetWorkerResults"_s, {{u"fromIncluding"_s, u"yesterday"_s},
                                                      {u"toExcluding"_s, u"2100-01-01T00:00:00"_s},
                                                      {u"timeZoneID"_s, u"$Local"_s}}))
                    .contains(u"fromIncluding"_s));
    EXPECT_TRUE(message(admin(u"GetWorkerResults"_s, {{u"fromIncluding"_s, u"2000-01-01"_s},
                                                      {u"toExcluding"_s, u"2100-01-01"_s},
                                                      {u"timeZoneID"_s, u"Mars/Olympus"_s}}))
                    .contains(u"time zone"_s));
}

TEST_F(ArchiveRulesTest, ADirectoryTheServerCannotReadIsAClearFailure)
{
    if (geteuid() == 0)
        GTEST_SKIP() << "root reads every directory";
    QTemporaryDir files;
    ASSERT_TRUE(QDir(files.path()).mkdir(u"closed"_s));
    ASSERT_TRUE(QFile::setPermissions(files.filePath(u"closed"_s), QFileDevice::Permissions()));
    const QJsonObject answer =
        admin(u"ImportEmailFiles"_s,
              {{u"userName"_s, u"alice"_s}, {u"path"_s, files.filePath(u"closed"_s)}});
    QFile::setPermissions(files.filePath(u"closed"_s),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    EXPECT_TRUE(message(answer).contains(u"may not read"_s)) << message(answer).toStdString();
}

TEST_F(ArchiveRulesTest, ADatabaseDumpShowsNoWordOfTheMail)
{
    const QStringList ids = importForAlice({u"rfc2047.eml"_s, u"attachments.eml"_s});
    ASSERT_EQ(ids.size(), 2);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonArray listed =
        call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s].toArray();
    QProcess dump;
    dump.start(u"/usr/lib/postgresql/15/bin/pg_dump"_s, {u"--dbname"_s, conninfo()});
    ASSERT_TRUE(dump.waitForFinished(60000));
    ASSERT_EQ(dump.exitCode(), 0) << dump.readAllStandardError().toStdString();
    const QByteArray text = dump.readAllStandardOutput();
    ASSERT_TRUE(text.contains("CREATE TABLE")) << "a real dump";
    for (const QJsonValue &row : listed) {
        const QByteArray subject = row[u"subject"_s].toString().toUtf8();
        const QString from = row[u"from"_s].toString();
        const qsizetype open = from.indexOf(u'<');
        const QByteArray sender =
            (open < 0 ? from : from.mid(open + 1, from.indexOf(u'>') - open - 1)).toUtf8();
        ASSERT_GE(subject.size(), 4);
        EXPECT_FALSE(text.contains(subject)) << subject.toStdString();
        ASSERT_FALSE(sender.isEmpty()) << QJsonDocument(row.toObject()).toJson().toStdString();
        EXPECT_FALSE(text.contains(sender)) << sender.toStdString();
    }
    EXPECT_FALSE(text.contains("Content-Type")) << "no header of any message";
}

} // namespace
