// The Microsoft 365 profile conversion tool against the fake: every profile type in its
// category, a test conversion that names the missing permission and saves nothing, and a
// conversion that keeps the profile and hands over its folders, so that the first Graph run
// recognises everything EWS archived although Graph's bytes differ, and goes on working when
// EWS is blocked.
#include "Microsoft365Fixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

const QString kAda = u"ada@contoso.example"_s;

QJsonObject spec(const QString &subject)
{
    const QByteArray raw =
        "From: sender@example.org\r\nTo: ada@contoso.example\r\nSubject: " + subject.toUtf8() +
        "\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\n" + "Message-ID: <" +
        subject.toUtf8().toHex() + "@example.org>\r\n\r\nAbout " + subject.toUtf8() + "\r\n";
    return {{u"raw"_s, QString::fromLatin1(raw.toBase64())}};
}

class ProfileConversionTest : public Microsoft365Fixture
{
protected:
    void SetUp() override
    {
        Microsoft365Fixture::SetUp();
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
                  u"succeeded"_s);
    }
    QJsonObject scenario(const QJsonArray &graphRoles, bool ewsBlocked = false,
                         bool folderGraphDoesNotList = false)
    {
        QJsonArray inbox;
        for (int i = 0; i < 4; ++i)
            inbox.append(spec(u"inbox %1"_s.arg(i)));
        const QJsonArray folders{QJsonObject{
            {u"displayName"_s, u"Inbox"_s},
            {u"wellKnownName"_s, u"inbox"_s},
            {u"messages"_s, inbox},
            {u"childFolders"_s,
             QJsonArray{QJsonObject{
                 {u"displayName"_s, u"Projects"_s},
                 {u"messages"_s, QJsonArray{spec(u"project a"_s), spec(u"project b"_s)}}}}}}};
        QJsonArray all = folders;
        if (folderGraphDoesNotList)
            all.append(QJsonObject{{u"displayName"_s, u"Legacy"_s},
                                   {u"notInGraph"_s, true},
                                   {u"messages"_s, QJsonArray{spec(u"legacy"_s)}}});
        QJsonObject loaded = tenantScenario(
            QJsonArray{QJsonObject{{u"id"_s, u"id-ada"_s},
                                   {u"userPrincipalName"_s, kAda},
                                   {u"mail"_s, kAda},
                                   {u"mailbox"_s, QJsonObject{{u"folders"_s, all}}}}},
            graphRoles, {}, {u"full_access_as_app"_s});
        QJsonObject tenant = loaded[u"tenants"_s][0].toObject();
        tenant.insert(u"ewsBlocked"_s, ewsBlocked);
        loaded.insert(u"tenants"_s, QJsonArray{tenant});
        return loaded;
    }
    qint64 createProfile(const QString &type, const QJsonObject &extra = {})
    {
        QJsonObject properties{{u"name"_s, QString(u"Ada "_s + type)},
                               {u"type"_s, type},
                               {u"credentialId"_s, m_credentialId},
                               {u"mailbox"_s, kAda},
                               {u"userName"_s, u"alice"_s}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            properties.insert(it.key(), it.value());
        const QJsonObject created =
            admin(u"CreateProfile"_s, {{u"properties"_s, compactJson(properties)}});
        EXPECT_EQ(status(created), u"succeeded"_s) << message(created).toStdString();
        return created[u"result"_s][u"id"_s].toInteger();
    }
    QJsonObject stored(qint64 id)
    {
        for (const QJsonValue &profile :
             admin(u"GetProfiles"_s, {{u"raw"_s, u"true"_s}})[u"result"_s].toArray()) {
            if (profile[u"id"_s].toInteger() == id)
                return profile.toObject();
        }
        return {};
    }
    QJsonObject run(qint64 id) { return admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}}); }
};

TEST_F(ProfileConversionTest, EveryMicrosoft365ProfileIsInItsCategory)
{
    const qint64 mailbox = createProfile(u"microsoft365EwsMailbox"_s);
    const qint64 archive = createProfile(u"microsoft365EwsArchiveMailbox"_s);
    const qint64 publicFolders = createProfile(u"microsoft365EwsPublicFolders"_s);
    const qint64 graph = createProfile(u"microsoft365Mailbox"_s);
    const qint64 several = createProfile(u"microsoft365EwsMultiple"_s);
    const qint64 severalArchives = createProfile(u"microsoft365EwsMultipleArchive"_s);
    // Exports need a folder to export from.
    QTemporaryDir files;
    QFile eml(QDir(files.path()).filePath(u"one.eml"_s));
    ASSERT_TRUE(eml.open(QIODevice::WriteOnly));
    eml.write(QByteArray::fromBase64(spec(u"exported"_s)[u"raw"_s].toString().toLatin1()));
    eml.close();
    ASSERT_EQ(status(admin(u"ImportEmailFiles"_s,
                           {{u"userName"_s, u"alice"_s}, {u"path"_s, files.path()}})),
              u"succeeded"_s);
    const qint64 ewsExport =
        createProfile(u"microsoft365EwsExport"_s, {{u"sourceFolder"_s, u"alice"_s}});
    const qint64 imapExport =
        createProfile(u"microsoft365Export"_s, {{u"sourceFolder"_s, u"alice"_s}});
    const qint64 journal =
        createProfile(u"imapJournal"_s, {{u"host"_s, u"mail.example.org"_s},
                                         {u"imapUserName"_s, u"journal"_s},
                                         {u"password"_s, u"secret-Pa55"_s},
                                         {u"unknownAddresses"_s, u"doNotArchive"_s}});
    const qint64 emlFiles = createProfile(u"emlFolder"_s, {{u"path"_s, u"/tmp"_s}});
    const QJsonObject overview =
        admin(u"GetMicrosoft365ProfileConversions"_s)[u"result"_s].toObject();
    QHash<qint64, QString> category;
    QHash<qint64, QString> target;
    for (const QJsonValue &profile : overview[u"profiles"_s].toArray()) {
        category.insert(profile[u"id"_s].toInteger(), profile[u"category"_s].toString());
        target.insert(profile[u"id"_s].toInteger(), profile[u"convertsTo"_s].toString());
    }
    EXPECT_EQ(category.value(mailbox), u"automatic"_s);
    EXPECT_EQ(target.value(mailbox), u"microsoft365Mailbox"_s);
    EXPECT_EQ(category.value(several), u"automatic"_s);
    EXPECT_EQ(target.value(several), u"microsoft365Multiple"_s);
    EXPECT_EQ(category.value(archive), u"notSupported"_s);
    EXPECT_EQ(category.value(severalArchives), u"notSupported"_s);
    EXPECT_EQ(category.value(publicFolders), u"notSupported"_s);
    EXPECT_EQ(category.value(graph), u"notNeeded"_s);
    EXPECT_EQ(category.value(ewsExport), u"automatic"_s);
    EXPECT_EQ(target.value(ewsExport), u"microsoft365Export"_s);
    EXPECT_EQ(category.value(imapExport), u"notNeeded"_s);
    EXPECT_EQ(category.value(journal), u"notNeeded"_s);
    EXPECT_FALSE(category.contains(emlFiles)) << "no Microsoft 365 profile";
    EXPECT_EQ(overview[u"counts"_s][u"automatic"_s].toInt(), 3);
    EXPECT_EQ(overview[u"counts"_s][u"notSupported"_s].toInt(), 3);
    EXPECT_EQ(overview[u"counts"_s][u"notNeeded"_s].toInt(), 3);
    EXPECT_TRUE(overview[u"convertibleProfiles"_s].toBool());
    EXPECT_EQ(overview[u"daysUntilEwsEnds"_s].toInt(),
              QDate::currentDate().daysTo(QDate(2027, 4, 1)));
    for (const QJsonValue &profile : overview[u"profiles"_s].toArray()) {
        if (profile[u"category"_s] == u"notSupported"_s) {
            EXPECT_EQ(profile[u"stopsWorking"_s][u"switchedOff"_s].toString(), u"2027-04-01"_s);
        }
    }
    const QJsonObject refused =
        admin(u"ConvertMicrosoft365Profile"_s, {{u"id"_s, QString::number(archive)}});
    EXPECT_EQ(status(refused), u"failed"_s);
    EXPECT_TRUE(message(refused).contains(u"archive mailboxes"_s))
        << message(refused).toStdString();
}

TEST_F(ProfileConversionTest, AMissingPermissionFailsTheTestAndNothingIsSaved)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({})).ok());
    const qint64 id = createProfile(u"microsoft365EwsMailbox"_s);
    const QJsonObject tested =
        admin(u"TestMicrosoft365ProfileConversion"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(tested), u"succeeded"_s) << message(tested).toStdString();
    EXPECT_FALSE(tested[u"result"_s][u"passed"_s].toBool());
    bool namedIt = false;
    for (const QJsonValue &check : tested[u"result"_s][u"checks"_s].toArray()) {
        if (check[u"check"_s] == u"permission Mail.ReadWrite"_s) {
            EXPECT_FALSE(check[u"passed"_s].toBool());
            EXPECT_TRUE(check[u"fix"_s].toString().contains(u"admin consent"_s));
            namedIt = true;
        }
    }
    EXPECT_TRUE(namedIt) << QJsonDocument(tested).toJson().toStdString();
    const QJsonObject converted =
        admin(u"ConvertMicrosoft365Profile"_s, {{u"id"_s, QString::number(id)}});
    EXPECT_EQ(status(converted), u"failed"_s);
    EXPECT_TRUE(message(converted).contains(u"Mail.ReadWrite"_s));
    EXPECT_EQ(stored(id)[u"type"_s].toString(), u"microsoft365EwsMailbox"_s) << "nothing saved";

    // Several mailboxes need the directory as well.
    const qint64 several = createProfile(u"microsoft365EwsMultiple"_s);
    const QJsonObject severalTested =
        admin(u"TestMicrosoft365ProfileConversion"_s, {{u"id"_s, QString::number(several)}});
    ASSERT_EQ(status(severalTested), u"succeeded"_s) << message(severalTested).toStdString();
    QHash<QString, bool> passed;
    for (const QJsonValue &check : severalTested[u"result"_s][u"checks"_s].toArray())
        passed.insert(check[u"check"_s].toString(), check[u"passed"_s].toBool());
    EXPECT_TRUE(passed.contains(u"permission Directory.Read.All"_s));
    EXPECT_FALSE(passed.value(u"permission Directory.Read.All"_s, true));
    EXPECT_FALSE(passed.value(u"mailboxes"_s, true)) << "no user is synchronised yet";
    EXPECT_EQ(stored(several)[u"type"_s].toString(), u"microsoft365EwsMultiple"_s);
}

TEST_F(ProfileConversionTest, AConvertedProfileKeepsItsSettingsAndArchivesNothingTwice)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s})).ok());
    const qint64 id =
        createProfile(u"microsoft365EwsMailbox"_s, {{u"targetFolder"_s, u"Cloud"_s},
                                                    {u"excludeFolders"_s, QJsonArray{u"Junk"_s}}});
    // A window closed now: an automatic profile inside an open one starts at once (it never
    // ran), and this test runs it itself.
    const QTime now = m_clock.now().toLocalTime().time();
    const QString closedWindow = u"%1-%2"_s.arg(now.addSecs(3 * 3600).toString(u"HH:mm"_s),
                                                now.addSecs(4 * 3600).toString(u"HH:mm"_s));
    ASSERT_EQ(status(admin(u"SetProfileServerSideExecution"_s,
                           {{u"id"_s, QString::number(id)},
                            {u"automatic"_s, u"true"_s},
                            {u"automaticPauseBetweenExecutions"_s, u"86400"_s},
                            {u"automaticMaintenanceWindows"_s, closedWindow}})),
              u"succeeded"_s);
    QJsonObject ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    ASSERT_EQ(ran[u"result"_s][u"archived"_s].toInt(), 6);
    const QJsonObject before = stored(id);

    const QJsonObject converted =
        admin(u"ConvertMicrosoft365Profile"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(converted), u"succeeded"_s) << message(converted).toStdString();
    EXPECT_TRUE(converted[u"result"_s][u"converted"_s].toBool());
    EXPECT_EQ(converted[u"result"_s][u"foldersHandedOver"_s].toInt(), 2);
    const QJsonObject after = stored(id);
    EXPECT_EQ(after[u"type"_s].toString(), u"microsoft365Mailbox"_s);
    for (const QString &kept :
         {u"name"_s, u"owner"_s, u"targetFolder"_s, u"excludeFolders"_s, u"mailbox"_s,
          u"userName"_s, u"credentialId"_s, u"serverSideExecution"_s})
        EXPECT_EQ(after.value(kept), before.value(kept)) << kept.toStdString();
    const QJsonArray history =
        admin(u"GetProfileHistory"_s, {{u"id"_s, QString::number(id)}})[u"result"_s].toArray();
    ASSERT_FALSE(history.isEmpty());
    EXPECT_EQ(history.last()[u"event"_s].toString(), u"converted"_s);

    // EWS is blocked now; the converted profile goes on, through Graph.
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s}, true)).ok());
    ASSERT_TRUE(m_fake.addMessage(kAda, u"Inbox"_s, spec(u"after the conversion"_s)).ok());
    ran = run(id);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    const QJsonObject result = ran[u"result"_s].toObject();
    EXPECT_EQ(result[u"archived"_s].toInt(), 1) << "only the new message";
    EXPECT_EQ(result[u"alreadyArchived"_s].toInt() + result[u"duplicatesSkipped"_s].toInt(), 6)
        << "everything EWS archived is recognised";
    const QJsonArray inbox =
        admin(u"GetMessages"_s, {{u"folder"_s, u"alice/Cloud/Inbox"_s}})[u"result"_s].toArray();
    EXPECT_EQ(inbox.size(), 5) << "no second copy of old mail";
}

TEST_F(ProfileConversionTest, ThePreflightShowsBothSidesAndWhatGraphDoesNotReach)
{
    ASSERT_TRUE(m_fake.loadScenario(scenario({u"Mail.ReadWrite"_s}, false, true)).ok());
    const qint64 id = createProfile(u"microsoft365EwsMailbox"_s);
    const QJsonObject preflight =
        admin(u"GetMicrosoft365ConversionPreflight"_s, {{u"id"_s, QString::number(id)}});
    ASSERT_EQ(status(preflight), u"succeeded"_s) << message(preflight).toStdString();
    const QJsonArray mailboxes = preflight[u"result"_s][u"mailboxes"_s].toArray();
    ASSERT_EQ(mailboxes.size(), 1);
    QHash<QString, std::pair<int, int>> counts;
    for (const QJsonValue &folder : mailboxes.at(0)[u"folders"_s].toArray())
        counts.insert(folder[u"folder"_s].toString(),
                      {folder[u"ewsItems"_s].toInt(-1), folder[u"graphItems"_s].toInt(-1)});
    EXPECT_EQ(counts.value(u"Inbox"_s), std::make_pair(4, 4));
    EXPECT_EQ(counts.value(u"Inbox/Projects"_s), std::make_pair(2, 2));
    EXPECT_EQ(counts.value(u"Legacy"_s), std::make_pair(1, -1));
    EXPECT_EQ(mailboxes.at(0)[u"notReachedByGraph"_s].toArray(), QJsonArray{u"Legacy"_s});
    // 2 folders, 6 messages: 2 listings + 6 $value at 10,000 requests per 10 minutes.
    EXPECT_GE(preflight[u"result"_s][u"estimatedFirstRunSeconds"_s].toDouble(), 1);
}

} // namespace
