// Full-text search through the API: languages and scripts, the query language, privileges,
// paging and sorting, deleted mail, index health, searching during an import, the corpora.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"
#include "core/TextTokenizer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QThread>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray mail(const QString &from, const QString &subject, const QString &body, int day,
                const QByteArray &extraHeaders = {})
{
    // UTF-8 headers as RFC 2047 words, the body as 8-bit UTF-8.
    const QByteArray encodedSubject = "=?UTF-8?B?" + subject.toUtf8().toBase64() + "?=";
    return "From: " + from.toUtf8() + "\r\nTo: team@example.org\r\nSubject: " + encodedSubject +
           "\r\nDate: " + QByteArray::number(day) + " Mar 2026 10:00:00 +0000\r\nMessage-ID: <" +
           QByteArray::number(qHash(subject + body)) + "@example.org>\r\nMIME-Version: 1.0\r\n" +
           extraHeaders +
           "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" +
           body.toUtf8() + "\r\n";
}

class SearchFunctionsTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        ASSERT_EQ(status(admin(u"SetUserPrivilegesOnFolder"_s, {{u"userName"_s, u"alice"_s},
                                                                {u"folder"_s, u"alice"_s},
                                                                {u"privileges"_s, u"read"_s}})),
                  u"succeeded"_s);
    }

    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    // Writes the messages as EML files and imports them for the user.
    void importMail(const QString &user, const QList<QByteArray> &messages,
                    const QString &folder = u"Inbox"_s)
    {
        QTemporaryDir files;
        for (qsizetype i = 0; i < messages.size(); ++i) {
            QFile file(files.filePath(u"m%1.eml"_s.arg(i)));
            ASSERT_TRUE(file.open(QIODevice::WriteOnly));
            file.write(messages.at(i));
        }
        const QJsonObject answer =
            admin(u"ImportEmailFiles"_s,
                  {{u"userName"_s, user}, {u"path"_s, files.path()}, {u"targetFolder"_s, folder}});
        ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        ASSERT_EQ(answer[u"result"_s][u"archived"_s].toInt(), messages.size());
    }
    QJsonObject search(HttpsTestClient &caller, const QString &query, Api::FormFields more = {})
    {
        more.append({u"query"_s, query});
        return call(caller, u"SearchMessages"_s, more);
    }
    QStringList subjects(HttpsTestClient &caller, const QString &query, Api::FormFields more = {})
    {
        const QJsonObject answer = search(caller, query, std::move(more));
        EXPECT_EQ(status(answer), u"succeeded"_s)
            << query.toStdString() << ": " << message(answer).toStdString();
        QStringList list;
        for (const QJsonValue &hit : answer[u"result"_s][u"results"_s].toArray())
            list << hit[u"subject"_s].toString();
        return list;
    }
    void importLanguages()
    {
        importMail(
            u"alice"_s,
            {mail(u"Jürgen Müller <juergen@example.de>"_s, u"Besprechung mit Müller"_s,
                  u"Die Übersicht für März ist fertig."_s, 2),
             mail(u"Élodie <elodie@example.fr>"_s, u"Réunion à Paris"_s,
                  u"Le café est prêt, élève."_s, 3),
             mail(u"Ayşe <ayse@example.tr>"_s, u"İstanbul toplantısı"_s, u"Yarın IĞDIR ve İzmir."_s,
                  4),
             mail(u"Νίκος <nikos@example.gr>"_s, u"Συνάντηση στην Αθήνα"_s, u"Καλημέρα σας."_s, 5),
             mail(u"Иван <ivan@example.ru>"_s, u"Встреча в Москве"_s, u"Ёлка будет в пятницу."_s,
                  6),
             mail(u"王伟 <wang@example.cn>"_s, u"北京会议安排"_s, u"我们明天在上海见面。"_s, 7),
             mail(u"田中 <tanaka@example.jp>"_s, u"東京での会議"_s, u"明日の打ち合わせについて。"_s,
                  8),
             mail(u"김민수 <kim@example.kr>"_s, u"서울 회의 일정"_s, u"내일 회의가 있습니다."_s,
                  9)});
    }

    std::unique_ptr<HttpsTestClient> m_admin;
};

TEST_F(SearchFunctionsTest, EveryLanguageIsFoundByTheNaturalQuery)
{
    importLanguages();
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QList<std::pair<QString, QString>> cases = {
        {u"muller"_s, u"Besprechung mit Müller"_s},
        {u"MÜLLER"_s, u"Besprechung mit Müller"_s},
        {u"ubersicht"_s, u"Besprechung mit Müller"_s},
        {u"reunion"_s, u"Réunion à Paris"_s},
        {u"cafe"_s, u"Réunion à Paris"_s},
        {u"istanbul"_s, u"İstanbul toplantısı"_s},
        {u"İSTANBUL"_s, u"İstanbul toplantısı"_s},
        {u"igdir"_s, u"İstanbul toplantısı"_s},
        {u"αθηνα"_s, u"Συνάντηση στην Αθήνα"_s},
        {u"ΣΥΝΑΝΤΗΣΗ"_s, u"Συνάντηση στην Αθήνα"_s},
        {u"москве"_s, u"Встреча в Москве"_s},
        {u"елка"_s, u"Встреча в Москве"_s},
        {u"北京"_s, u"北京会议安排"_s},
        {u"会议"_s, u"北京会议安排"_s},
        {u"上海"_s, u"北京会议安排"_s},
        {u"東京"_s, u"東京での会議"_s},
        {u"打ち合わせ"_s, u"東京での会議"_s},
        {u"회의"_s, u"서울 회의 일정"_s},
        {u"서울"_s, u"서울 회의 일정"_s},
    };
    for (const auto &[query, subject] : cases)
        EXPECT_EQ(subjects(alice, query), QStringList{subject}) << query.toStdString();
    EXPECT_TRUE(subjects(alice, u"会議"_s).contains(u"東京での会議"_s));
    // The exact form is kept too.
    importMail(u"alice"_s, {mail(u"m@example.org"_s, u"Muller without umlaut"_s, u"plain"_s, 10)});
    EXPECT_EQ(subjects(alice, u"muller"_s).size(), 2);
    EXPECT_EQ(subjects(alice, u"exact:Müller"_s), QStringList{u"Besprechung mit Müller"_s});
    EXPECT_EQ(subjects(alice, u"exact:MÜLLER"_s), QStringList{u"Besprechung mit Müller"_s});
    EXPECT_EQ(subjects(alice, u"exact:İstanbul"_s), QStringList{u"İstanbul toplantısı"_s});
    EXPECT_EQ(subjects(alice, u"from:王"_s), QStringList{u"北京会议安排"_s})
        << "one character finds the pairs it starts";
}

TEST_F(SearchFunctionsTest, TheQueryLanguageWorks)
{
    importLanguages();
    importMail(u"alice"_s,
               {mail(u"Finance <finance@example.org>"_s, u"Invoice 2026-17"_s,
                     u"Please find the quarterly report attached."_s, 20),
                mail(u"Finance <finance@example.org>"_s, u"Invoices overdue"_s,
                     u"A report, quarterly or not, is late."_s, 21)},
               u"Finance"_s);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(subjects(alice, u"\"quarterly report\""_s), QStringList{u"Invoice 2026-17"_s});
    EXPECT_EQ(subjects(alice, u"invoic*"_s).size(), 2);
    EXPECT_EQ(subjects(alice, u"invoice -overdue"_s), QStringList{u"Invoice 2026-17"_s});
    EXPECT_EQ(subjects(alice, u"invoic* NOT overdue"_s), QStringList{u"Invoice 2026-17"_s});
    EXPECT_EQ(subjects(alice, u"paris OR москве"_s).size(), 2);
    EXPECT_EQ(subjects(alice, u"(paris OR москве) AND cafe"_s), QStringList{u"Réunion à Paris"_s});
    EXPECT_EQ(subjects(alice, u"from:elodie@example.fr"_s), QStringList{u"Réunion à Paris"_s});
    EXPECT_EQ(subjects(alice, u"from:elodie"_s), QStringList{u"Réunion à Paris"_s});
    EXPECT_EQ(subjects(alice, u"from:example.fr"_s), QStringList{u"Réunion à Paris"_s});
    EXPECT_TRUE(subjects(alice, u"subject:cafe"_s).isEmpty()) << "the word is in the body";
    EXPECT_EQ(subjects(alice, u"body:cafe"_s), QStringList{u"Réunion à Paris"_s});
    EXPECT_EQ(subjects(alice, u"date:2026-03-20..2026-03-31"_s).size(), 2);
    EXPECT_EQ(subjects(alice, u"date:>2026-03-20"_s), QStringList{u"Invoices overdue"_s});
    EXPECT_EQ(subjects(alice, u"folder:alice/Finance"_s).size(), 2);
    EXPECT_EQ(subjects(alice, QString(), {{u"folder"_s, u"alice/Finance"_s}}).size(), 2);
    EXPECT_EQ(subjects(alice, u"size:<100KB"_s).size(), 10);
    EXPECT_TRUE(subjects(alice, u"has:attachment"_s).isEmpty());
    const QString messageId =
        search(alice, u"overdue"_s)[u"result"_s][u"results"_s][0][u"messageId"_s].toString();
    ASSERT_FALSE(messageId.isEmpty());
    EXPECT_EQ(subjects(alice, u"messageid:<%1>"_s.arg(messageId)),
              QStringList{u"Invoices overdue"_s});

    const QJsonObject bad = search(alice, u"from:(broken"_s);
    EXPECT_EQ(status(bad), u"failed"_s);
    EXPECT_TRUE(message(search(alice, u"?!"_s)).contains(u"no word"_s));
    EXPECT_TRUE(message(search(alice, u"colour:red"_s)).contains(u"not a field"_s));
    EXPECT_TRUE(message(search(alice, u"x"_s, {{u"sort"_s, u"colour"_s}})).contains(u"sort"_s));
    EXPECT_TRUE(message(search(alice, u"x"_s, {{u"limit"_s, u"100000"_s}})).contains(u"limit"_s));

    // Snippets show the matched words.
    const QJsonObject found = search(alice, u"quarterly"_s, {{u"sort"_s, u"relevance"_s}});
    const QString snippet = found[u"result"_s][u"results"_s][0][u"snippet"_s].toString();
    EXPECT_TRUE(snippet.contains(u"<mark>quarterly</mark>"_s)) << snippet.toStdString();
}

TEST_F(SearchFunctionsTest, PagingSortingAndTotals)
{
    QList<QByteArray> messages;
    for (int day = 1; day <= 25; ++day)
        messages << mail(u"Sender %1 <s%1@example.org>"_s.arg(QChar(u'A' + day)),
                         u"Status report %1"_s.arg(day, 2, 10, QChar(u'0')),
                         u"Weekly status."_s + QString(day * 10, u'x'), day);
    importMail(u"alice"_s, messages);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonObject first = search(alice, u"status"_s, {{u"limit"_s, u"10"_s}});
    EXPECT_EQ(first[u"result"_s][u"total"_s].toInt(), 25);
    const QJsonArray page = first[u"result"_s][u"results"_s].toArray();
    ASSERT_EQ(page.size(), 10);
    EXPECT_EQ(page[0][u"subject"_s].toString(), u"Status report 25"_s) << "newest first";
    const QJsonArray last =
        search(alice, u"status"_s,
               {{u"limit"_s, u"10"_s}, {u"offset"_s, u"20"_s}})[u"result"_s][u"results"_s]
            .toArray();
    ASSERT_EQ(last.size(), 5);
    EXPECT_EQ(last[4][u"subject"_s].toString(), u"Status report 01"_s);
    EXPECT_EQ(subjects(alice, u"status"_s, {{u"sort"_s, u"subject"_s}, {u"limit"_s, u"1"_s}}),
              QStringList{u"Status report 01"_s});
    EXPECT_EQ(
        subjects(alice, u"status"_s,
                 {{u"sort"_s, u"size"_s}, {u"descending"_s, u"true"_s}, {u"limit"_s, u"1"_s}}),
        QStringList{u"Status report 25"_s});
    EXPECT_EQ(subjects(alice, u"status"_s, {{u"sort"_s, u"sender"_s}, {u"limit"_s, u"1"_s}}),
              QStringList{u"Status report 01"_s})
        << "Sender B comes first";
}

TEST_F(SearchFunctionsTest, NobodyFindsAnotherUsersMail)
{
    importMail(u"alice"_s, {mail(u"a@example.org"_s, u"Alice secret plan"_s, u"alpha"_s, 1)});
    importMail(u"bob"_s, {mail(u"b@example.org"_s, u"Bob secret plan"_s, u"beta"_s, 2)});
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(subjects(alice, u"secret"_s), QStringList{u"Alice secret plan"_s});
    EXPECT_EQ(subjects(alice, u""_s), QStringList{u"Alice secret plan"_s});
    EXPECT_EQ(subjects(alice, u"sec*"_s), QStringList{u"Alice secret plan"_s});
    EXPECT_TRUE(subjects(alice, u"folder:bob"_s).isEmpty());
    EXPECT_TRUE(subjects(alice, u"archive:bob"_s).isEmpty());
    EXPECT_TRUE(subjects(alice, u"beta OR alpha"_s) == QStringList{u"Alice secret plan"_s});
    EXPECT_TRUE(subjects(alice, u"secret"_s, {{u"folder"_s, u"bob"_s}}).isEmpty());
    EXPECT_TRUE(subjects(alice, u"-alpha"_s).isEmpty());
    const QJsonObject scoped = search(alice, u"secret"_s, {{u"folder"_s, u"bob/Inbox"_s}});
    EXPECT_EQ(scoped[u"result"_s][u"total"_s].toInt(), 0);

    // Carol reads nothing; the administrator only with Archive Access.
    ASSERT_EQ(status(admin(u"SetUserLoginPrivileges"_s,
                           {{u"userName"_s, u"carol"_s}, {u"loginPrivileges"_s, u"api"_s}})),
              u"succeeded"_s);
    HttpsTestClient carol = client(u"carol"_s, kCarolPassword);
    EXPECT_TRUE(subjects(carol, u"secret"_s).isEmpty());
    EXPECT_TRUE(subjects(*m_admin, u"secret"_s).isEmpty());
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(subjects(*m_admin, u"secret"_s).size(), 2);
    EXPECT_EQ(subjects(*m_admin, u"secret archive:bob"_s), QStringList{u"Bob secret plan"_s});
}

TEST_F(SearchFunctionsTest, DeletedMailIsNoLongerFound)
{
    importMail(u"alice"_s, {mail(u"a@example.org"_s, u"Old contract"_s, u"terms"_s, 1)});
    ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                           {{u"config"_s, u"{\"adminEmailPreviewEnabled\": true}"_s}})),
              u"succeeded"_s);
    const QJsonObject found = search(*m_admin, u"contract"_s);
    ASSERT_EQ(found[u"result"_s][u"total"_s].toInt(), 1);
    const QString id = found[u"result"_s][u"results"_s][0][u"id"_s].toString();
    ASSERT_EQ(status(admin(u"DeleteMessage"_s, {{u"id"_s, id}, {u"reason"_s, u"expired"_s}})),
              u"succeeded"_s);
    EXPECT_EQ(search(*m_admin, u"contract"_s)[u"result"_s][u"total"_s].toInt(), 0);
}

TEST_F(SearchFunctionsTest, VerifyFindsAndRepairsAGapInTheIndex)
{
    importLanguages();
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    const QJsonObject found = search(alice, u"paris"_s);
    ASSERT_EQ(found[u"result"_s][u"total"_s].toInt(), 1);
    const QString id = found[u"result"_s][u"results"_s][0][u"id"_s].toString();
    const auto stores = m_archive->catalog().listStores(false);
    const Core::StoreRecord store = stores->first();
    // A document lost behind the database's back.
    ASSERT_TRUE(m_archive->index().removeDocuments(store, {id.section(u':', 1).toLongLong()}).ok());
    EXPECT_TRUE(subjects(alice, u"paris"_s).isEmpty());

    const QJsonObject verified = admin(
        u"VerifyStore"_s, {{u"id"_s, QString::number(store.id)}, {u"includeIndexes"_s, u"true"_s}});
    ASSERT_EQ(status(verified), u"succeeded"_s) << message(verified).toStdString();
    const QJsonObject indexes = verified[u"result"_s][u"indexes"_s].toObject();
    EXPECT_EQ(indexes[u"missing"_s].toInt(), 1);
    EXPECT_EQ(indexes[u"messages"_s].toInt(), 8);
    EXPECT_EQ(subjects(alice, u"paris"_s), QStringList{u"Réunion à Paris"_s}) << "repaired";

    const QJsonArray listed = admin(u"GetStoreIndexes"_s)[u"result"_s].toArray();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed[0][u"documents"_s].toInt(), 8);
    EXPECT_EQ(listed[0][u"pending"_s].toInt(), 0);
    const QJsonObject rebuilt = admin(u"RebuildStoreIndex"_s, {{u"id"_s, QString::number(store.id)},
                                                               {u"folder"_s, u"alice/Inbox"_s}});
    ASSERT_EQ(status(rebuilt), u"succeeded"_s) << message(rebuilt).toStdString();
    EXPECT_EQ(rebuilt[u"result"_s][u"reindexed"_s].toInt(), 8);
    ASSERT_EQ(status(admin(u"SelectAllStoreIndexesForRebuild"_s)), u"succeeded"_s);
    const QJsonObject all = admin(u"RebuildSelectedStoreIndexes"_s);
    ASSERT_EQ(status(all), u"succeeded"_s) << message(all).toStdString();
    EXPECT_EQ(all[u"result"_s][0][u"reindexed"_s].toInt(), 8);
    EXPECT_EQ(subjects(alice, u"москве"_s), QStringList{u"Встреча в Москве"_s});
}

TEST_F(SearchFunctionsTest, ADamagedIndexIsRebuiltAtTheNextStart)
{
    importLanguages();
    const auto stores = m_archive->catalog().listStores(false);
    const Core::StoreRecord store = stores->first();
    // Stop, damage the index files, start again.
    m_api->functions() = Core::FunctionRegistry();
    m_archive.reset();
    QDir folder(m_keyFolder.filePath(u"index/"_s + store.uid));
    int removed = 0;
    for (const QString &file : folder.entryList(QDir::Files)) {
        if (file != u"mailkeep-index.lock"_s && !file.startsWith(u"segments"_s))
            removed += QFile::remove(folder.filePath(file)) ? 1 : 0;
    }
    ASSERT_GT(removed, 0);
    m_archive = std::make_unique<App::ArchiveStack>(*m_pool, *m_users,
                                                    m_keyFolder.filePath(u"master.key"_s),
                                                    m_keyFolder.filePath(u"index"_s), m_clock);
    auto opened = m_archive->open();
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->indexedAtStart, 8);
    registerArchiveFunctions();
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(subjects(alice, u"서울"_s), QStringList{u"서울 회의 일정"_s});
    EXPECT_EQ(search(alice, u""_s)[u"result"_s][u"total"_s].toInt(), 8);
}

TEST_F(SearchFunctionsTest, SearchesDuringAnImportStayConsistent)
{
    QTemporaryDir files;
    QFile mbox(files.filePath(u"big.mbox"_s));
    ASSERT_TRUE(mbox.open(QIODevice::WriteOnly));
    constexpr int kMessages = 15000; // enough to run for some seconds
    for (int i = 0; i < kMessages; ++i)
        mbox.write("From x@example.org Mon Mar  2 10:00:00 2026\n" +
                   mail(u"x@example.org"_s, u"Ticket %1 budget"_s.arg(i),
                        u"Line for ticket %1."_s.arg(i), 1 + i % 28)
                       .replace("\r\n", "\n") +
                   "\n");
    mbox.close();
    HttpsTestClient importer = client(u"admin"_s, kAdminPassword);
    const HttpsResponse started =
        importer.post(u"/api/invoke/ImportEmailFiles"_s,
                      Api::encodeForm({{u"userName"_s, u"alice"_s}, {u"path"_s, mbox.fileName()}}));
    QJsonObject envelope = parseEnvelopeObject(started.body);
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    qint64 previous = 0;
    int searches = 0;
    while (envelope[u"statusCode"_s].toString() == u"running"_s) {
        const QJsonObject answer = search(alice, u"budget"_s, {{u"limit"_s, u"5"_s}});
        ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        const qint64 total = answer[u"result"_s][u"total"_s].toInteger();
        EXPECT_GE(total, previous) << "what was found stays found";
        EXPECT_LE(total, kMessages);
        EXPECT_EQ(answer[u"result"_s][u"results"_s].toArray().size(), std::min<qint64>(5, total));
        previous = total;
        ++searches;
        envelope = parseEnvelopeObject(
            importer
                .post(u"/api/get-status"_s,
                      Api::encodeForm({{u"token"_s, envelope[u"token"_s].toString()},
                                       {u"lastKnownStatusVersion"_s, u"-1"_s},
                                       {u"millisecondsTimeout"_s, u"0"_s}}))
                .body);
    }
    ASSERT_EQ(envelope[u"statusCode"_s].toString(), u"succeeded"_s);
    EXPECT_GT(searches, 0);
    EXPECT_EQ(search(alice, u"budget"_s)[u"result"_s][u"total"_s].toInt(), kMessages)
        << "searchable as soon as the import ends";
}

TEST_F(SearchFunctionsTest, EveryCorpusMessageIsFoundByAWordOfItsSubject)
{
    const QString corpora = QStringLiteral(MAILKEEP_DEFAULT_CORPORA_DIR);
    if (!QDir(corpora).exists())
        GTEST_SKIP() << "no corpora at " << corpora.toStdString();
    const QJsonObject imported =
        admin(u"ImportEmailFiles"_s, {{u"userName"_s, u"alice"_s}, {u"path"_s, corpora}});
    ASSERT_EQ(status(imported), u"succeeded"_s) << message(imported).toStdString();
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    QJsonArray all;
    for (int offset = 0;; offset += 500) {
        const QJsonArray page = search(alice, u""_s,
                                       {{u"limit"_s, u"500"_s},
                                        {u"offset"_s, QString::number(offset)},
                                        {u"snippets"_s, u"false"_s}})[u"result"_s][u"results"_s]
                                    .toArray();
        for (const QJsonValue &hit : page)
            all.append(hit);
        if (page.size() < 500)
            break;
    }
    EXPECT_EQ(all.size(), imported[u"result"_s][u"archived"_s].toInt());
    int checked = 0;
    int missed = 0;
    for (const QJsonValue &hit : all) {
        const QStringList words = Core::TextTokenizer::terms(hit[u"subject"_s].toString());
        if (words.isEmpty())
            continue;
        // The longest word of the subject, as a subject phrase, within the message's folder.
        QString word = words.first();
        for (const QString &candidate : words)
            word = candidate.size() > word.size() ? candidate : word;
        const QJsonObject answer = search(alice, u"subject:\"%1\""_s.arg(word),
                                          {{u"folder"_s, hit[u"folder"_s].toString()},
                                           {u"limit"_s, u"500"_s},
                                           {u"snippets"_s, u"false"_s}});
        ASSERT_EQ(status(answer), u"succeeded"_s) << message(answer).toStdString();
        bool found = false;
        for (const QJsonValue &result : answer[u"result"_s][u"results"_s].toArray())
            found = found || result[u"id"_s] == hit[u"id"_s];
        EXPECT_TRUE(found) << word.toStdString() << " in "
                           << hit[u"subject"_s].toString().toStdString();
        missed += found ? 0 : 1;
        ++checked;
    }
    EXPECT_GT(checked, 400);
    EXPECT_EQ(missed, 0);
}

} // namespace

namespace {

TEST_F(SearchFunctionsTest, EveryUserKeepsTheirOwnSavedSearches)
{
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    ASSERT_EQ(status(call(alice, u"SaveSearch"_s,
                          {{u"name"_s, u"Invoices"_s},
                           {u"query"_s, u"invoic* -draft"_s},
                           {u"folder"_s, u"alice/Finance"_s},
                           {u"sort"_s, u"subject"_s}})),
              u"succeeded"_s);
    EXPECT_TRUE(
        message(call(alice, u"SaveSearch"_s, {{u"name"_s, u"Broken"_s}, {u"query"_s, u"\"open"_s}}))
            .contains(u"phrase"_s))
        << "only a query that runs is saved";
    const QJsonArray saved = call(alice, u"GetSavedSearches"_s)[u"result"_s].toArray();
    ASSERT_EQ(saved.size(), 1);
    EXPECT_EQ(saved[0][u"query"_s].toString(), u"invoic* -draft"_s);
    EXPECT_EQ(saved[0][u"folder"_s].toString(), u"alice/Finance"_s);
    EXPECT_EQ(saved[0][u"sort"_s].toString(), u"subject"_s);
    EXPECT_TRUE(admin(u"GetSavedSearches"_s)[u"result"_s].toArray().isEmpty())
        << "an administrator sees only their own";
    EXPECT_EQ(status(admin(u"DeleteSavedSearch"_s, {{u"name"_s, u"Invoices"_s}})), u"failed"_s);
    EXPECT_EQ(status(call(alice, u"DeleteSavedSearch"_s, {{u"name"_s, u"Invoices"_s}})),
              u"succeeded"_s);
    EXPECT_TRUE(call(alice, u"GetSavedSearches"_s)[u"result"_s].toArray().isEmpty());
}

} // namespace
