// Importing EML and mbox files and reading the mail back: byte-exact round trip,
// single-instance storage, duplicates, privileges, encryption at rest and bad input.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QString fixture(const QString &name)
{
    return QStringLiteral(MAILKEEP_TEST_DATA_DIR "/mime/") + name;
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

class MessageFunctionsTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        // A folder like an export of a mail client: messages, a sub-folder, an mbox file.
        QDir root(m_files.path());
        ASSERT_TRUE(root.mkpath(u"Projects"_s));
        for (const QString &name : {u"rfc2047.eml"_s, u"attachments.eml"_s, u"nested.eml"_s}) {
            ASSERT_TRUE(QFile::copy(fixture(name), root.filePath(name)));
            m_expected.insert(sha256Hex(readFile(fixture(name))), name);
        }
        ASSERT_TRUE(QFile::copy(fixture(u"koi8r.eml"_s), root.filePath(u"Projects/koi8r.eml"_s)));
        m_expected.insert(sha256Hex(readFile(fixture(u"koi8r.eml"_s))), u"koi8r.eml"_s);
        ASSERT_TRUE(QFile::copy(fixture(u"several.mbox"_s), root.filePath(u"Old mail.mbox"_s)));
        QFile notes(root.filePath(u"notes.txt"_s));
        ASSERT_TRUE(notes.open(QIODevice::WriteOnly));
        notes.write("not a message\n");
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QJsonObject import(const Api::FormFields &fields)
    {
        return call(*m_admin, u"ImportEmailFiles"_s, fields);
    }
    void grant(const QString &user, const QString &folder)
    {
        ASSERT_EQ(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                       {{u"userName"_s, user},
                        {u"folder"_s, folder},
                        {u"privileges"_s, u"read"_s}})[u"statusCode"_s]
                      .toString(),
                  u"succeeded"_s);
    }

    QTemporaryDir m_files;
    QHash<QByteArray, QString> m_expected; // sha256 hex -> EML fixture
    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(MessageFunctionsTest, ImportedMailReadsBackByteForByte)
{
    const QJsonObject imported = import({{u"userName"_s, u"alice"_s},
                                         {u"path"_s, m_files.path()},
                                         {u"targetFolder"_s, u"Old PC"_s}});
    ASSERT_EQ(imported[u"statusCode"_s].toString(), u"succeeded"_s)
        << message(imported).toStdString();
    const QJsonObject summary = imported[u"result"_s].toObject();
    EXPECT_EQ(summary[u"targetFolder"_s].toString(), u"alice/Old PC"_s);
    EXPECT_EQ(summary[u"skippedFiles"_s].toInt(), 1) << "notes.txt";
    EXPECT_EQ(summary[u"failed"_s].toInt(), 0);
    const int fromMbox = summary[u"archived"_s].toInt() - 4;
    EXPECT_GE(fromMbox, 2) << "several.mbox holds several messages";

    // An administrator does not read mail without a folder privilege.
    EXPECT_TRUE(message(call(*m_admin, u"GetMessages"_s, {{u"folder"_s, u"alice/Old PC"_s}}))
                    .contains(u"may not read"_s));
    grant(u"alice"_s, u"alice"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonArray top =
        call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Old PC"_s}})[u"result"_s].toArray();
    const QJsonArray projects =
        call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Old PC/Projects"_s}})[u"result"_s]
            .toArray();
    const QJsonArray mbox =
        call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Old PC/Old mail"_s}})[u"result"_s]
            .toArray();
    EXPECT_EQ(top.size(), 3);
    EXPECT_EQ(projects.size(), 1);
    EXPECT_EQ(mbox.size(), fromMbox);

    QJsonArray emlMessages = top;
    emlMessages.append(projects.at(0)); // operator+ would nest the array
    int compared = 0;
    for (const QJsonValue &listed : emlMessages) {
        const QJsonObject content = call(alice, u"GetMessageContent"_s,
                                         {{u"id"_s, listed[u"id"_s].toString()}})[u"result"_s]
                                        .toObject();
        const QByteArray raw = QByteArray::fromBase64(content[u"raw"_s].toString().toLatin1());
        ASSERT_TRUE(m_expected.contains(sha256Hex(raw)))
            << listed[u"subject"_s].toString().toStdString();
        EXPECT_EQ(content[u"sha256"_s].toString().toLatin1(), sha256Hex(raw));
        ++compared;
    }
    EXPECT_EQ(compared, 4);
    EXPECT_FALSE(projects[0][u"subject"_s].toString().isEmpty());

    // The date is the one of the Date header, to the second.
    const QJsonObject content = call(alice, u"GetMessageContent"_s,
                                     {{u"id"_s, projects[0][u"id"_s].toString()}})[u"result"_s]
                                    .toObject();
    const QByteArray raw = QByteArray::fromBase64(content[u"raw"_s].toString().toLatin1());
    const qsizetype dateAt = raw.indexOf("\nDate: ");
    ASSERT_GE(dateAt, 0);
    const QString header = QString::fromLatin1(
        raw.mid(dateAt + 7, raw.indexOf('\n', dateAt + 7) - dateAt - 7).trimmed());
    const QDateTime expected = QDateTime::fromString(header, Qt::RFC2822Date);
    ASSERT_TRUE(expected.isValid()) << header.toStdString();
    EXPECT_EQ(QDateTime::fromString(projects[0][u"date"_s].toString(), Qt::ISODate), expected);
}

TEST_F(MessageFunctionsTest, ImportingAgainAddsNothing)
{
    const Api::FormFields request = {{u"userName"_s, u"alice"_s}, {u"path"_s, m_files.path()}};
    const int archived = import(request)[u"result"_s].toObject()[u"archived"_s].toInt();
    ASSERT_GT(archived, 4);
    const QJsonObject again = import(request)[u"result"_s].toObject();
    EXPECT_EQ(again[u"archived"_s].toInt(), 0);
    EXPECT_EQ(again[u"alreadyArchived"_s].toInt(), archived);
}

TEST_F(MessageFunctionsTest, OneContentServesTwoFoldersAndTransportCopiesAreDuplicates)
{
    const QString file = fixture(u"rfc2047.eml"_s);
    ASSERT_EQ(import({{u"userName"_s, u"alice"_s},
                      {u"path"_s, file},
                      {u"targetFolder"_s, u"A"_s}})[u"result"_s][u"archived"_s]
                  .toInt(),
              1);
    ASSERT_EQ(import({{u"userName"_s, u"alice"_s},
                      {u"path"_s, file},
                      {u"targetFolder"_s, u"B"_s}})[u"result"_s][u"archived"_s]
                  .toInt(),
              1);
    const auto store = m_archive->catalog().listStores(false).value().first();
    auto counts = connection().exec(u"SELECT (SELECT count(*) FROM "_s + store.schemaName() +
                                    u".messages), (SELECT count(*) FROM "_s + store.schemaName() +
                                    u".contents)"_s);
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->toInt64(0, 0), 2) << "referenced twice";
    EXPECT_EQ(counts->toInt64(0, 1), 1) << "stored once";

    // The same message fetched through two protocols differs in transport headers only.
    ASSERT_EQ(import({{u"userName"_s, u"alice"_s},
                      {u"path"_s, fixture(u"same-message-smtp.eml"_s)}})[u"result"_s][u"archived"_s]
                  .toInt(),
              1);
    const QJsonObject second =
        import({{u"userName"_s, u"alice"_s},
                {u"path"_s, fixture(u"same-message-graph.eml"_s)}})[u"result"_s]
            .toObject();
    EXPECT_EQ(second[u"archived"_s].toInt(), 0);
    EXPECT_EQ(second[u"duplicatesSkipped"_s].toInt(), 1);
}

TEST_F(MessageFunctionsTest, NothingReadableIsStoredInTheClear)
{
    ASSERT_EQ(import({{u"userName"_s, u"alice"_s},
                      {u"path"_s, fixture(u"attachments.eml"_s)}})[u"result"_s][u"archived"_s]
                  .toInt(),
              1);
    grant(u"alice"_s, u"alice"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonArray listed =
        call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s].toArray();
    ASSERT_EQ(listed.size(), 1);
    const QByteArray subject = listed[0][u"subject"_s].toString().toUtf8();
    ASSERT_GE(subject.size(), 4);
    // Every text column and byte column of the store, as a dump would show them.
    const auto store = m_archive->catalog().listStores(false).value().first();
    auto dump = connection().exec(u"SELECT string_agg(t::text, ' ') FROM (SELECT * FROM "_s +
                                  store.schemaName() + u".messages) t"_s);
    auto contents = connection().exec(u"SELECT string_agg(encode(sealed, 'escape'), ' ') FROM "_s +
                                      store.schemaName() + u".contents"_s);
    ASSERT_TRUE(dump.ok() && contents.ok());
    EXPECT_FALSE(dump->text(0, 0).toUtf8().contains(subject));
    EXPECT_FALSE(contents->text(0, 0).toUtf8().contains(subject));
    EXPECT_FALSE(contents->text(0, 0).toUtf8().contains("Content-Type"));
}

TEST_F(MessageFunctionsTest, OtherUsersCannotReadMail)
{
    ASSERT_EQ(import({{u"userName"_s, u"alice"_s},
                      {u"path"_s, fixture(u"rfc2047.eml"_s)}})[u"result"_s][u"archived"_s]
                  .toInt(),
              1);
    grant(u"alice"_s, u"alice"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QString id =
        call(alice, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}})[u"result"_s][0][u"id"_s]
            .toString();
    ASSERT_FALSE(id.isEmpty());
    HttpsTestClient carol = client(u"carol"_s, kCarolPassword);
    carol.setExtraHeader("X-Mailkeep-Client", "console");
    EXPECT_TRUE(message(call(carol, u"GetMessages"_s, {{u"folder"_s, u"alice/Imported"_s}}))
                    .contains(u"may not read"_s));
    EXPECT_EQ(message(call(carol, u"GetMessageContent"_s, {{u"id"_s, id}})),
              u"There is no message %1."_s.arg(id));
    EXPECT_EQ(message(call(*m_admin, u"GetMessageContent"_s, {{u"id"_s, id}})),
              u"There is no message %1."_s.arg(id))
        << "administrators need a folder privilege too";
}

TEST_F(MessageFunctionsTest, BadInputGivesClearAnswers)
{
    EXPECT_TRUE(message(import({{u"userName"_s, u"alice"_s}, {u"path"_s, u"/no/such/path"_s}}))
                    .contains(u"does not exist"_s));
    EXPECT_TRUE(message(import({{u"userName"_s, u"alice"_s},
                                {u"path"_s, m_files.path()},
                                {u"format"_s, u"pst"_s}}))
                    .contains(u"format"_s));
    QFile empty(m_files.filePath(u"empty.eml"_s));
    ASSERT_TRUE(empty.open(QIODevice::WriteOnly));
    empty.close();
    const QJsonObject emptyResult =
        import({{u"userName"_s, u"alice"_s},
                {u"path"_s, m_files.filePath(u"empty.eml"_s)}})[u"result"_s]
            .toObject();
    EXPECT_EQ(emptyResult[u"failed"_s].toInt(), 1);
    EXPECT_EQ(emptyResult[u"failures"_s][0][u"reason"_s].toString(), u"The file is empty."_s);

    // Garbage is archived as it is, and flagged.
    const QJsonObject garbage = import({{u"userName"_s, u"alice"_s},
                                        {u"path"_s, fixture(u"no-headers.txt"_s)}})[u"result"_s]
                                    .toObject();
    EXPECT_EQ(garbage[u"archived"_s].toInt(), 1);
    EXPECT_EQ(garbage[u"flagged"_s].toInt(), 1);
    grant(u"alice"_s, u"alice"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonArray listed =
        call(alice, u"GetMessages"_s,
             {{u"folder"_s, garbage[u"targetFolder"_s].toString()}})[u"result"_s]
            .toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_NE(listed[0][u"parseStatus"_s].toString(), u"ok"_s);
    EXPECT_FALSE(listed[0][u"defects"_s].toArray().isEmpty()) << "the defects are kept with it";
    EXPECT_FALSE(listed[0][u"defects"_s][0].toString().isEmpty());

    EXPECT_TRUE(message(call(*m_admin, u"GetMessageContent"_s, {{u"id"_s, u"x"_s}}))
                    .contains(u"store:message"_s));
}

TEST_F(MessageFunctionsTest, FolderStatisticsMovesAndEmptyFolders)
{
    ASSERT_EQ(import({{u"userName"_s, u"alice"_s}, {u"path"_s, m_files.path()}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    ASSERT_TRUE(m_archive->folders().ensureFolder({u"alice"_s, u"Empty"_s, u"Deeper"_s}).ok());

    QHash<QString, int> counts;
    for (const QJsonValue &row : call(*m_admin, u"GetFolderStatistics"_s)[u"result"_s].toArray())
        counts.insert(row[u"folder"_s].toString(), row[u"messageCount"_s].toInt());
    EXPECT_EQ(counts.value(u"alice/Imported"_s), 3);
    EXPECT_EQ(counts.value(u"alice/Imported/Projects"_s), 1);
    EXPECT_EQ(counts.value(u"alice/Empty/Deeper"_s), 0);

    const QJsonObject deleted = call(*m_admin, u"DeleteEmptyFolders"_s);
    ASSERT_EQ(deleted[u"statusCode"_s].toString(), u"succeeded"_s)
        << message(deleted).toStdString();
    EXPECT_EQ(deleted[u"result"_s].toArray(),
              (QJsonArray{u"alice/Empty"_s, u"alice/Empty/Deeper"_s}));
    QStringList remaining;
    for (const QJsonValue &folder : call(*m_admin, u"GetChildFolders"_s)[u"result"_s].toArray())
        remaining << folder[u"folder"_s].toString();
    EXPECT_TRUE(remaining.contains(u"alice"_s)) << "archives stay";
    EXPECT_TRUE(remaining.contains(u"alice/Imported/Projects"_s));
    EXPECT_FALSE(remaining.contains(u"alice/Empty"_s));

    ASSERT_EQ(call(*m_admin, u"MoveFolder"_s,
                   {{u"fromFolder"_s, u"alice/Imported"_s},
                    {u"toFolder"_s, u"alice/Old computer"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    grant(u"alice"_s, u"alice"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(call(alice, u"GetMessages"_s,
                   {{u"folder"_s, u"alice/Old computer/Projects"_s}})[u"result"_s]
                  .toArray()
                  .size(),
              1);
    EXPECT_TRUE(message(call(*m_admin, u"MoveFolder"_s,
                             {{u"fromFolder"_s, u"alice/Old computer/Projects"_s},
                              {u"toFolder"_s, u"alice/Old computer"_s}}))
                    .contains(u"exists already"_s));
    EXPECT_TRUE(message(call(*m_admin, u"MoveFolder"_s,
                             {{u"fromFolder"_s, u"alice/Old computer"_s},
                              {u"toFolder"_s, u"alice/Old computer/Projects/Inner"_s}}))
                    .contains(u"into itself"_s));

    // Mail in a write-protected store stays where it is.
    const auto store = m_archive->catalog().listStores(false).value().first();
    ASSERT_TRUE(m_archive->catalog().setStoreState(store.id, Core::StoreState::Current).ok());
    ASSERT_TRUE(call(*m_admin, u"CreateStore"_s,
                     {{u"name"_s, u"next"_s},
                      {u"type"_s, u"FileSystemInternal"_s},
                      {u"requestedState"_s, u"current"_s}})[u"statusCode"_s]
                    .toString() == u"succeeded"_s);
    ASSERT_TRUE(
        m_archive->catalog().setStoreState(store.id, Core::StoreState::WriteProtected).ok());
    EXPECT_TRUE(message(call(*m_admin, u"MoveFolder"_s,
                             {{u"fromFolder"_s, u"alice/Old computer"_s},
                              {u"toFolder"_s, u"alice/Elsewhere"_s}}))
                    .contains(u"write-protected"_s));
}

TEST_F(MessageFunctionsTest, ArchiveStatisticsCountWhatTheCallerMayRead)
{
    const int archived = import({{u"userName"_s, u"alice"_s},
                                 {u"path"_s, m_files.path()}})[u"result"_s][u"archived"_s]
                             .toInt();
    ASSERT_GT(archived, 0);
    const auto todayCount = [](const QJsonObject &envelope) {
        const QJsonArray days = envelope[u"result"_s][u"archivedPerDay"_s].toArray();
        return days.isEmpty() ? -1 : days.last()[u"archived"_s].toInt();
    };
    const QJsonObject all = call(*m_admin, u"GetArchiveStatistics"_s,
                                 {{u"days"_s, u"7"_s}, {u"timeZoneId"_s, u"UTC"_s}});
    ASSERT_EQ(status(all), u"succeeded"_s) << message(all).toStdString();
    const QJsonArray days = all[u"result"_s][u"archivedPerDay"_s].toArray();
    ASSERT_EQ(days.size(), 7);
    EXPECT_EQ(days.last()[u"date"_s].toString(),
              QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate));
    EXPECT_EQ(todayCount(all), archived);
    EXPECT_EQ(all[u"result"_s][u"archivedTotal"_s].toInt(), archived);

    // alice sees her archive once she may read it; nobody else's mail is counted for her.
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(todayCount(call(alice, u"GetArchiveStatistics"_s, {{u"timeZoneId"_s, u"UTC"_s}})), 0);
    grant(u"alice"_s, u"alice"_s);
    EXPECT_EQ(todayCount(call(alice, u"GetArchiveStatistics"_s, {{u"timeZoneId"_s, u"UTC"_s}})),
              archived);

    EXPECT_EQ(status(call(*m_admin, u"GetArchiveStatistics"_s, {{u"days"_s, u"0"_s}})),
              u"failed"_s);
    EXPECT_TRUE(
        message(call(*m_admin, u"GetArchiveStatistics"_s, {{u"timeZoneId"_s, u"Mars/Base"_s}}))
            .contains(u"Unknown time zone"_s));
}

TEST_F(MessageFunctionsTest, GetMessagesPagesAndSorts)
{
    ASSERT_EQ(status(import({{u"userName"_s, u"alice"_s},
                             {u"path"_s, m_files.path()},
                             {u"targetFolder"_s, u"Old PC"_s}})),
              u"succeeded"_s);
    grant(u"alice"_s, u"alice"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const auto ids = [&](const Api::FormFields &extra) {
        Api::FormFields fields{{u"folder"_s, u"alice/Old PC"_s}};
        fields.append(extra);
        QStringList list;
        for (const QJsonValue &message :
             call(alice, u"GetMessages"_s, fields)[u"result"_s].toArray())
            list << message[u"id"_s].toString();
        return list;
    };
    const QStringList all = ids({});
    ASSERT_EQ(all.size(), 3);
    EXPECT_EQ(ids({{u"offset"_s, u"1"_s}, {u"limit"_s, u"2"_s}}), all.mid(1, 2));
    EXPECT_EQ(ids({{u"offset"_s, u"5"_s}, {u"limit"_s, u"2"_s}}), QStringList());
    QStringList reversed = all;
    std::reverse(reversed.begin(), reversed.end());
    EXPECT_EQ(ids({{u"descending"_s, u"false"_s}, {u"limit"_s, u"10"_s}}), reversed);
    EXPECT_EQ(ids({{u"descending"_s, u"false"_s}}), reversed) << "paged or not, the same order";
    EXPECT_EQ(ids({{u"sort"_s, u"subject"_s}}).size(), 3);
    EXPECT_EQ(status(call(alice, u"GetMessages"_s,
                          {{u"folder"_s, u"alice/Old PC"_s}, {u"sort"_s, u"colour"_s}})),
              u"failed"_s);
    EXPECT_EQ(status(call(alice, u"GetMessages"_s,
                          {{u"folder"_s, u"alice/Old PC"_s}, {u"offset"_s, u"-1"_s}})),
              u"failed"_s);
}
