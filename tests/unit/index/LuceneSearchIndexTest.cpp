// The Lucene++ index on its own: readers released, searches during writes, the OS lock, and a
// rebuild that is written beside the live index and swapped in.
#include "index/LuceneSearchIndex.h"

#include <QDir>
#include <QTemporaryDir>

#include <atomic>
#include <gtest/gtest.h>
#include <thread>

using namespace Mailkeep;
using namespace Mailkeep::Core;
using Mailkeep::Index::LuceneSearchIndex;
using namespace Qt::Literals::StringLiterals;

namespace {

StoreRecord testStore()
{
    StoreRecord store;
    store.id = 1;
    store.uid = u"store-one"_s;
    store.name = u"One"_s;
    return store;
}

IndexDocument document(qint64 id, const QString &body)
{
    IndexDocument result;
    result.messageId = id;
    result.folderPaths = {u"alice"_s};
    result.terms.insert(SearchField::Body, body);
    result.messageDate = 1700000000 + id;
    return result;
}

QList<IndexDocument> documents(qint64 firstId, int count, const QString &body)
{
    QList<IndexDocument> result;
    for (int i = 0; i < count; ++i)
        result << document(firstId + i, body);
    return result;
}

qint64 hits(LuceneSearchIndex &index, const QString &term)
{
    SearchRequest request;
    request.query.kind = SearchNode::Kind::Terms;
    request.query.terms = {term};
    request.unrestricted = true;
    request.limit = 5;
    Result<SearchHits> found = index.search({testStore()}, request);
    EXPECT_TRUE(found.ok()) << (found.ok() ? "" : qPrintable(found.error().message));
    return found.ok() ? found->total : -1;
}

class LuceneSearchIndexTest : public ::testing::Test
{
protected:
    QTemporaryDir root;
    StoreRecord store = testStore();
};

} // namespace

TEST_F(LuceneSearchIndexTest, FindsAddedDocumentsAndForgetsRemovedOnes)
{
    LuceneSearchIndex index(root.path());
    ASSERT_TRUE(index.addDocuments(store, documents(1, 3, u"hello world"_s), false).ok());
    EXPECT_EQ(hits(index, u"hello"_s), 3) << "found before any commit";
    ASSERT_TRUE(index.removeDocuments(store, {2}).ok());
    EXPECT_EQ(hits(index, u"hello"_s), 2);
    Result<QSet<qint64>> ids = index.documentIds(store);
    ASSERT_TRUE(ids.ok());
    EXPECT_EQ(ids.value(), (QSet<qint64>{1, 3}));
}

TEST_F(LuceneSearchIndexTest, SearchesWhileAnotherThreadAddsNeverFail)
{
    // Two searching threads: one of them replaces the reader the other is still using.
    LuceneSearchIndex index(root.path());
    std::atomic<bool> done = false;
    std::atomic<int> failures = 0;
    std::thread writer([&]() {
        for (int batch = 0; batch < 200; ++batch) {
            if (!index.addDocuments(store, documents(1 + batch * 10, 10, u"steady"_s), false).ok())
                ++failures;
            if (batch % 50 == 49 && !index.commit(store).ok())
                ++failures;
        }
        done = true;
    });
    const auto search = [&]() {
        qint64 previous = 0;
        int searches = 0;
        while (!done || searches < 50) {
            const qint64 found = hits(index, u"steady"_s);
            if (found < 0 || found < previous) // an error, or fewer than a search before
                ++failures;
            previous = std::max(previous, found);
            ++searches;
        }
    };
    std::thread otherSearcher(search);
    search();
    otherSearcher.join();
    writer.join();
    EXPECT_EQ(failures, 0);
    EXPECT_EQ(hits(index, u"steady"_s), 2000);
}

TEST_F(LuceneSearchIndexTest, OneIndexFolderHasOneOwner)
{
    LuceneSearchIndex first(root.path());
    ASSERT_TRUE(first.addDocuments(store, documents(1, 1, u"mine"_s), false).ok());
    LuceneSearchIndex second(root.path());
    Status refused = second.addDocuments(store, documents(2, 1, u"theirs"_s), false);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
}

TEST_F(LuceneSearchIndexTest, RebuildIsWrittenBesideAndSwappedIn)
{
    {
        LuceneSearchIndex index(root.path());
        ASSERT_TRUE(index.addDocuments(store, documents(1, 100, u"before"_s), false).ok());
        ASSERT_TRUE(index.commit(store).ok());

        ASSERT_TRUE(index.beginRebuild(store).ok());
        EXPECT_FALSE(index.beginRebuild(store).ok()) << "one rebuild at a time";
        ASSERT_TRUE(index.addToRebuild(store, documents(1, 100, u"after"_s)).ok());
        // Mail archived meanwhile goes into both; a delete too.
        ASSERT_TRUE(index.addDocuments(store, documents(500, 1, u"meanwhile"_s), false).ok());
        ASSERT_TRUE(index.removeDocuments(store, {7}).ok());
        // Searches use the old index until the swap.
        EXPECT_EQ(hits(index, u"before"_s), 99);
        EXPECT_EQ(hits(index, u"after"_s), 0);
        EXPECT_EQ(hits(index, u"meanwhile"_s), 1);
        EXPECT_TRUE(QDir(index.indexFolder(store) + u".rebuild"_s).exists());

        ASSERT_TRUE(index.finishRebuild(store).ok());
        EXPECT_EQ(hits(index, u"before"_s), 0);
        EXPECT_EQ(hits(index, u"after"_s), 99) << "the document deleted meanwhile stays deleted";
        EXPECT_EQ(hits(index, u"meanwhile"_s), 1);
        EXPECT_FALSE(QDir(index.indexFolder(store) + u".rebuild"_s).exists());
        ASSERT_TRUE(index.addDocuments(store, documents(600, 1, u"later"_s), false).ok());
        ASSERT_TRUE(index.commit(store).ok());
    }
    // The swapped-in index is the one on disk, and the old folder is gone.
    LuceneSearchIndex reopened(root.path());
    EXPECT_EQ(hits(reopened, u"after"_s), 99);
    EXPECT_EQ(hits(reopened, u"later"_s), 1);
    const QStringList leftovers = QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    EXPECT_EQ(leftovers, QStringList{store.uid});
}

TEST_F(LuceneSearchIndexTest, AbandonedOrInterruptedRebuildLeavesTheIndexAsItWas)
{
    {
        LuceneSearchIndex index(root.path());
        ASSERT_TRUE(index.addDocuments(store, documents(1, 10, u"kept"_s), false).ok());
        ASSERT_TRUE(index.commit(store).ok());
        ASSERT_TRUE(index.beginRebuild(store).ok());
        ASSERT_TRUE(index.addToRebuild(store, documents(1, 10, u"dropped"_s)).ok());
        index.abandonRebuild(store);
        EXPECT_FALSE(QDir(index.indexFolder(store) + u".rebuild"_s).exists());
        EXPECT_EQ(hits(index, u"kept"_s), 10);
        // Begun again and cut off, as by a crash: the process ends with the rebuild open.
        ASSERT_TRUE(index.beginRebuild(store).ok());
        ASSERT_TRUE(index.addToRebuild(store, documents(1, 10, u"dropped"_s)).ok());
    }
    QDir().mkpath(root.filePath(store.uid + u".rebuild"_s)); // as a crash would leave it
    LuceneSearchIndex reopened(root.path());
    EXPECT_EQ(hits(reopened, u"kept"_s), 10);
    EXPECT_EQ(hits(reopened, u"dropped"_s), 0);
    EXPECT_FALSE(QDir(root.filePath(store.uid + u".rebuild"_s)).exists());
}
