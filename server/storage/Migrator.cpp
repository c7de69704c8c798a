#include "storage/Migrator.h"

#include "storage/PgConnection.h"
#include "storage/PgTransaction.h"
#include "storage/StorageLogging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

QString label(const Migration &migration)
{
    return u"%1_%2"_s.arg(migration.version, 4, 10, QLatin1Char('0')).arg(migration.name);
}

// Versions must be exactly 1..n in order: a gap or a duplicate means a file was misnamed.
Status checkSequence(const QList<Migration> &migrations)
{
    for (qsizetype i = 0; i < migrations.size(); ++i) {
        const int expected = static_cast<int>(i + 1);
        if (migrations.at(i).version != expected) {
            const bool duplicate =
                i > 0 && migrations.at(i).version == migrations.at(i - 1).version;
            return Error(ErrorCode::InvalidArgument,
                         duplicate ? u"Two database migrations have version %1."_s.arg(
                                         migrations.at(i).version)
                                   : u"Database migration version %1 is missing."_s.arg(expected),
                         label(migrations.at(i)));
        }
    }
    return {};
}

Result<int> highestVersion(PgConnection &connection)
{
    Result<PgResult> rows =
        connection.exec(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s);
    if (!rows.ok())
        return rows.error();
    return static_cast<int>(rows->toInt64(0, 0));
}

Error tooNew(int databaseVersion, int known)
{
    return Error(
        ErrorCode::Unsupported,
        u"The database schema is at version %1, but this mailkeep-server only "
        "understands versions up to %2. Install a newer mailkeep-server."_s.arg(databaseVersion)
            .arg(known));
}

// Starts a transaction that holds the migration lock until it ends.
Result<PgTransaction> lockedTransaction(PgConnection &connection)
{
    Result<PgTransaction> transaction = PgTransaction::begin(connection);
    if (!transaction.ok())
        return transaction.error();
    Result<PgResult> locked =
        connection.exec(u"SELECT pg_advisory_xact_lock($1)"_s, {Migrator::kAdvisoryLockKey});
    if (!locked.ok())
        return locked.error();
    return transaction;
}

} // namespace

Result<QList<Migration>> Migrator::fromResources(const QString &directory)
{
    const QDir folder(directory);
    if (!folder.exists())
        return Error(ErrorCode::NotFound, u"The database migrations were not found."_s, directory);
    static const QRegularExpression pattern(u"^(\\d{4})_([A-Za-z0-9_]+)\\.sql$"_s);
    QList<Migration> migrations;
    const QStringList files = folder.entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QRegularExpressionMatch match = pattern.match(file);
        if (!match.hasMatch())
            return Error(ErrorCode::InvalidArgument,
                         u"A database migration file is not named NNNN_name.sql."_s, file);
        QFile source(folder.filePath(file));
        if (!source.open(QIODevice::ReadOnly))
            return Error(ErrorCode::IoError, u"A database migration cannot be read."_s,
                         source.fileName() + u": "_s + source.errorString());
        migrations.append(
            {match.captured(1).toInt(), match.captured(2), QString::fromUtf8(source.readAll())});
    }
    std::stable_sort(migrations.begin(), migrations.end(),
                     [](const Migration &a, const Migration &b) { return a.version < b.version; });
    if (Status sequence = checkSequence(migrations); !sequence.ok())
        return sequence.error();
    return migrations;
}

Migrator::Migrator(QList<Migration> migrations)
    : m_migrations(std::move(migrations))
{
    std::stable_sort(m_migrations.begin(), m_migrations.end(),
                     [](const Migration &a, const Migration &b) { return a.version < b.version; });
}

Result<int> Migrator::migrate(PgConnection &connection) const
{
    if (Status sequence = checkSequence(m_migrations); !sequence.ok())
        return sequence.error();
    const int newest = static_cast<int>(m_migrations.size());

    {
        // Under the lock as well: two sessions creating the table at once would collide.
        Result<PgTransaction> transaction = lockedTransaction(connection);
        if (!transaction.ok())
            return transaction.error();
        if (Status created =
                connection.execScript(u"CREATE TABLE IF NOT EXISTS schema_migrations ("
                                      " version integer PRIMARY KEY,"
                                      " name text NOT NULL,"
                                      " applied_at timestamptz NOT NULL DEFAULT now())"_s);
            !created.ok())
            return created.error();
        if (Status committed = transaction->commit(); !committed.ok())
            return committed.error();
    }

    // A cheap look without the lock first, so an up-to-date database costs one query.
    Result<int> before = highestVersion(connection);
    if (!before.ok())
        return before.error();
    int version = before.value();
    if (version > newest)
        return tooNew(version, newest);
    for (const Migration &migration : m_migrations) {
        if (migration.version <= version)
            continue;
        Result<PgTransaction> transaction = lockedTransaction(connection);
        if (!transaction.ok())
            return transaction.error();
        // Re-read inside the lock: another server may have migrated while this one waited.
        Result<int> current = highestVersion(connection);
        if (!current.ok())
            return current.error();
        version = current.value();
        if (version > newest)
            return tooNew(version, newest);
        if (migration.version <= version)
            continue; // the transaction rolls back; nothing was changed in it

        qCInfo(lcStorage).noquote() << "Applying database migration" << label(migration);
        Status applied = connection.execScript(migration.sql);
        if (applied.ok()) {
            Result<PgResult> recorded =
                connection.exec(u"INSERT INTO schema_migrations (version, name) VALUES ($1, $2)"_s,
                                {migration.version, migration.name});
            if (!recorded.ok())
                applied = recorded.error();
        }
        if (applied.ok())
            applied = transaction->commit();
        if (!applied.ok()) {
            const Error &cause = applied.error();
            return Error(cause.code,
                         u"Database migration %1 failed: %2"_s.arg(label(migration), cause.message),
                         cause.details);
        }
        version = migration.version;
    }
    return version;
}

Result<int> Migrator::currentVersion(PgConnection &connection)
{
    Result<PgResult> exists =
        connection.exec(u"SELECT to_regclass('schema_migrations') IS NOT NULL"_s);
    if (!exists.ok())
        return exists.error();
    if (!exists->toBool(0, 0))
        return 0;
    return highestVersion(connection);
}

} // namespace Mailkeep::Storage
