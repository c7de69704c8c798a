// Migrator: fresh databases get every step, re-runs change nothing, newer databases and
// broken steps are refused without leaving anything behind.
#include "storage/Migrator.h"

#include "storage/PgConnection.h"
#include "support/TestPostgres.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <thread>

using namespace Qt::Literals::StringLiterals;
using namespace Mailkeep;
using namespace Mailkeep::Storage;

namespace {

class MigratorTest : public PostgresTest
{
protected:
    bool tableExists(const QString &name)
    {
        Result<PgResult> found = connection().exec(u"SELECT to_regclass($1) IS NOT NULL"_s, {name});
        EXPECT_TRUE(found.ok());
        return found.ok() && found->toBool(0, 0);
    }

    int recordedVersions()
    {
        Result<PgResult> count = connection().exec(u"SELECT count(*) FROM schema_migrations"_s);
        return count.ok() ? static_cast<int>(count->toInt64(0, 0)) : -1;
    }

    static QList<Migration> twoSteps()
    {
        return {{1, u"first"_s, u"CREATE TABLE alpha (id int); CREATE TABLE beta (id int);"_s},
                {2, u"second"_s, u"ALTER TABLE alpha ADD COLUMN name text;"_s}};
    }
};

void writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(contents);
}

} // namespace

TEST_F(MigratorTest, FreshDatabaseGetsEveryMigration)
{
    Result<int> before = Migrator::currentVersion(connection());
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before.value(), 0);

    Result<int> version = Migrator(twoSteps()).migrate(connection());
    ASSERT_TRUE(version.ok()) << version.error().toString().toStdString();
    EXPECT_EQ(version.value(), 2);
    EXPECT_TRUE(tableExists(u"alpha"_s));
    EXPECT_TRUE(tableExists(u"beta"_s));
    EXPECT_TRUE(connection().exec(u"SELECT name FROM alpha"_s).ok()) << "step 2 ran";
    Result<PgResult> recorded =
        connection().exec(u"SELECT version, name, applied_at FROM schema_migrations ORDER BY 1"_s);
    ASSERT_TRUE(recorded.ok());
    ASSERT_EQ(recorded->rowCount(), 2);
    EXPECT_EQ(recorded->text(1, 1), u"second"_s);
    EXPECT_TRUE(recorded->toDateTime(1, 2).isValid());
    EXPECT_EQ(Migrator::currentVersion(connection()).value(), 2);
}

TEST_F(MigratorTest, RunningAgainIsANoOp)
{
    ASSERT_TRUE(Migrator(twoSteps()).migrate(connection()).ok());
    Result<int> again = Migrator(twoSteps()).migrate(connection());
    ASSERT_TRUE(again.ok()) << again.error().toString().toStdString();
    EXPECT_EQ(again.value(), 2);
    EXPECT_EQ(recordedVersions(), 2);
}

TEST_F(MigratorTest, OnlyMissingStepsRunLater)
{
    QList<Migration> migrations = twoSteps();
    ASSERT_TRUE(Migrator(migrations.mid(0, 1)).migrate(connection()).ok());
    EXPECT_EQ(Migrator::currentVersion(connection()).value(), 1);
    Result<int> upgraded = Migrator(migrations).migrate(connection());
    ASSERT_TRUE(upgraded.ok()) << upgraded.error().toString().toStdString();
    EXPECT_EQ(upgraded.value(), 2);
    EXPECT_EQ(recordedVersions(), 2);
}

TEST_F(MigratorTest, NewerDatabaseIsRefusedWithoutChanges)
{
    ASSERT_TRUE(
        connection()
            .execScript(u"CREATE TABLE schema_migrations (version integer PRIMARY KEY,"
                        " name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());"
                        " INSERT INTO schema_migrations VALUES (999, 'future');"_s)
            .ok());
    Result<int> version = Migrator(twoSteps()).migrate(connection());
    ASSERT_FALSE(version.ok());
    EXPECT_EQ(version.error().code, ErrorCode::Unsupported);
    EXPECT_EQ(version.error().message,
              u"The database schema is at version 999, but this mailkeep-server only understands "
              "versions up to 2. Install a newer mailkeep-server."_s);
    EXPECT_FALSE(tableExists(u"alpha"_s)) << "nothing applied";
    EXPECT_EQ(recordedVersions(), 1);
}

TEST_F(MigratorTest, FailingMigrationLeavesNoTrace)
{
    QList<Migration> migrations = twoSteps();
    migrations.append({3, u"broken"_s,
                       u"CREATE TABLE gamma (id int); INSERT INTO gamma VALUES (1);"
                       " SELECT no_such_function();"_s});
    Result<int> version = Migrator(migrations).migrate(connection());
    ASSERT_FALSE(version.ok());
    EXPECT_TRUE(version.error().message.contains(u"0003_broken"_s))
        << version.error().message.toStdString();
    EXPECT_TRUE(version.error().details.contains(u"no_such_function"_s));
    EXPECT_FALSE(tableExists(u"gamma"_s)) << "the failed step was rolled back completely";
    EXPECT_TRUE(tableExists(u"alpha"_s)) << "earlier steps stay";
    EXPECT_EQ(Migrator::currentVersion(connection()).value(), 2);
    EXPECT_TRUE(connection().isIdle());
}

TEST_F(MigratorTest, ConcurrentMigrationsApplyEachStepOnce)
{
    // Step 1 is slow and not idempotent: run twice it would fail on the existing table.
    QList<Migration> migrations = {
        {1, u"slow"_s, u"SELECT pg_sleep(0.3); CREATE TABLE once (id int);"_s}};
    Result<int> results[2] = {0, 0};
    std::thread threads[2];
    for (int i = 0; i < 2; ++i) {
        threads[i] = std::thread([&, i] {
            auto own = PgConnection::open(conninfo());
            results[i] = own.ok() ? Migrator(migrations).migrate(**own) : Result<int>(own.error());
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    for (const Result<int> &result : results) {
        ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
        EXPECT_EQ(result.value(), 1);
    }
    EXPECT_EQ(recordedVersions(), 1);
}

TEST_F(MigratorTest, EmbeddedMigrationsLoadAndApply)
{
    EXPECT_TRUE(QFile::exists(u":/migrations/0001_users.sql"_s))
        << "the resource is linked into every binary using Mailkeep::Storage";
    Result<QList<Migration>> migrations = Migrator::fromResources();
    ASSERT_TRUE(migrations.ok()) << migrations.error().toString().toStdString();
    ASSERT_GE(migrations->size(), 1);
    EXPECT_EQ(migrations->first().version, 1);
    EXPECT_EQ(migrations->first().name, u"users"_s);
    EXPECT_TRUE(migrations->first().sql.contains(u"CREATE TABLE users"_s));

    Result<int> version = Migrator(migrations.value()).migrate(connection());
    ASSERT_TRUE(version.ok()) << version.error().toString().toStdString();
    EXPECT_EQ(version.value(), migrations->size());
    EXPECT_TRUE(tableExists(u"users"_s));
    EXPECT_TRUE(tableExists(u"server_properties"_s));
}

TEST(MigratorFilesTest, LoadsSortedFilesFromAFolder)
{
    QTemporaryDir folder;
    writeFile(folder.filePath(u"0002_second.sql"_s), "SELECT 2;");
    writeFile(folder.filePath(u"0001_first.sql"_s), "SELECT 1;");
    writeFile(folder.filePath(u"README.txt"_s), "not a migration");
    Result<QList<Migration>> migrations = Migrator::fromResources(folder.path());
    ASSERT_TRUE(migrations.ok()) << migrations.error().toString().toStdString();
    ASSERT_EQ(migrations->size(), 2);
    EXPECT_EQ(migrations->at(0).name, u"first"_s);
    EXPECT_EQ(migrations->at(1).version, 2);
    EXPECT_EQ(migrations->at(1).sql, u"SELECT 2;"_s);
}

TEST(MigratorFilesTest, GapsDuplicatesAndBadNamesAreErrors)
{
    {
        QTemporaryDir folder;
        writeFile(folder.filePath(u"0001_a.sql"_s), "");
        writeFile(folder.filePath(u"0003_c.sql"_s), "");
        Result<QList<Migration>> gap = Migrator::fromResources(folder.path());
        ASSERT_FALSE(gap.ok());
        EXPECT_TRUE(gap.error().message.contains(u"2"_s)) << "names the missing version";
    }
    {
        QTemporaryDir folder;
        writeFile(folder.filePath(u"0001_a.sql"_s), "");
        writeFile(folder.filePath(u"0001_b.sql"_s), "");
        EXPECT_FALSE(Migrator::fromResources(folder.path()).ok());
    }
    {
        QTemporaryDir folder;
        writeFile(folder.filePath(u"1_short.sql"_s), "");
        EXPECT_FALSE(Migrator::fromResources(folder.path()).ok());
    }
    EXPECT_EQ(Migrator::fromResources(u"/nonexistent/folder"_s).error().code, ErrorCode::NotFound);
}
