// PgTransaction: commit keeps, destruction without commit throws the work away.
#include "storage/PgTransaction.h"

#include "storage/PgConnection.h"
#include "support/TestPostgres.h"

#include <gtest/gtest.h>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;

namespace {

class PgTransactionTest : public PostgresTest
{
protected:
    void SetUp() override
    {
        PostgresTest::SetUp();
        ASSERT_TRUE(connection().execScript(u"CREATE TABLE log (entry text UNIQUE)"_s).ok());
    }

    qint64 rows()
    {
        Result<PgResult> count = connection().exec(u"SELECT count(*) FROM log"_s);
        EXPECT_TRUE(count.ok());
        return count.ok() ? count->toInt64(0, 0) : -1;
    }

    Status insert(const QString &entry)
    {
        Result<PgResult> inserted = connection().exec(u"INSERT INTO log VALUES ($1)"_s, {entry});
        return inserted.ok() ? Status() : Status(inserted.error());
    }
};

} // namespace

TEST_F(PgTransactionTest, DestructionWithoutCommitRollsBack)
{
    {
        Result<PgTransaction> transaction = PgTransaction::begin(connection());
        ASSERT_TRUE(transaction.ok());
        ASSERT_TRUE(insert(u"a"_s).ok());
        EXPECT_FALSE(connection().isIdle()) << "inside the transaction block";
    }
    EXPECT_EQ(rows(), 0);
    EXPECT_TRUE(connection().isIdle());
}

TEST_F(PgTransactionTest, CommitKeepsTheWork)
{
    Result<PgTransaction> transaction = PgTransaction::begin(connection());
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(insert(u"a"_s).ok());
    ASSERT_TRUE(insert(u"b"_s).ok());
    ASSERT_TRUE(transaction->commit().ok());
    EXPECT_FALSE(transaction->isActive());
    EXPECT_FALSE(transaction->commit().ok()) << "a transaction commits once";
    EXPECT_EQ(rows(), 2);
}

TEST_F(PgTransactionTest, MovedTransactionIsCommittedOnceAndRolledBackByNewOwner)
{
    Result<PgTransaction> first = PgTransaction::begin(connection());
    ASSERT_TRUE(first.ok());
    ASSERT_TRUE(insert(u"a"_s).ok());
    PgTransaction moved = std::move(first.value());
    EXPECT_FALSE(first->isActive());
    EXPECT_TRUE(moved.isActive());
    {
        PgTransaction dropped = std::move(moved);
    }
    EXPECT_EQ(rows(), 0);
}

TEST_F(PgTransactionTest, CommitAfterFailedStatementFailsAndKeepsNothing)
{
    Result<PgTransaction> transaction = PgTransaction::begin(connection());
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(insert(u"a"_s).ok());
    Status duplicate = insert(u"a"_s);
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::AlreadyExists);
    EXPECT_FALSE(transaction->commit().ok());
    EXPECT_TRUE(connection().isIdle());
    EXPECT_EQ(rows(), 0);
}

TEST_F(PgTransactionTest, ExplicitRollback)
{
    Result<PgTransaction> transaction = PgTransaction::begin(connection());
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(insert(u"a"_s).ok());
    ASSERT_TRUE(transaction->rollback().ok());
    EXPECT_FALSE(transaction->isActive());
    EXPECT_EQ(rows(), 0);
}
