#pragma once

#include "model/Result.h"

#include <QList>
#include <QString>

namespace Mailkeep::Storage {

class PgConnection;

// One schema step: the file NNNN_name.sql holds version NNNN.
struct Migration
{
    int version = 0;
    QString name;
    QString sql;
};

// Brings a database's schema to the newest version this build knows. Versions are recorded in
// schema_migrations; each missing one runs in its own transaction under an advisory lock, so
// two servers starting at once never apply a step twice, and a failing step leaves no trace.
class Migrator
{
public:
    // Every NNNN_name.sql in directory (by default the migrations embedded in the binary),
    // ordered by version. Versions must run 1, 2, 3... without gaps or duplicates.
    static Result<QList<Migration>>
    fromResources(const QString &directory = QStringLiteral(":/migrations"));

    explicit Migrator(QList<Migration> migrations);

    // Applies the missing migrations and returns the version the database is at afterwards.
    // Running it again is a no-op. A database newer than this build is refused (Unsupported)
    // without any change.
    Result<int> migrate(PgConnection &connection) const;

    // The highest version recorded, 0 for a database that was never migrated.
    static Result<int> currentVersion(PgConnection &connection);

    // Key of the transaction-scoped advisory lock that serialises migrations.
    static constexpr qint64 kAdvisoryLockKey = 0x4d61696c6b656570; // "Mailkeep"

private:
    QList<Migration> m_migrations;
};

} // namespace Mailkeep::Storage
