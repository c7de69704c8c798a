#include "storage/PgTransaction.h"

#include "storage/PgConnection.h"
#include "storage/StorageLogging.h"

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

Result<PgTransaction> PgTransaction::begin(PgConnection &connection)
{
    if (Status begun = connection.execScript(u"BEGIN"_s); !begun.ok())
        return begun.error();
    return PgTransaction(&connection);
}

PgTransaction::PgTransaction(PgConnection *connection)
    : m_connection(connection)
{}

PgTransaction::~PgTransaction()
{
    if (!m_connection)
        return;
    try {
        if (Status rolledBack = rollback(); !rolledBack.ok())
            qCWarning(lcStorage).noquote()
                << "Rolling back a transaction failed:" << rolledBack.error().toString();
    } catch (...) {
        // Destructors must not throw; a lost connection has rolled back by itself anyway.
    }
}

PgTransaction::PgTransaction(PgTransaction &&other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
{}

PgTransaction &PgTransaction::operator=(PgTransaction &&other) noexcept
{
    if (this != &other) {
        if (m_connection)
            (void)rollback();
        m_connection = std::exchange(other.m_connection, nullptr);
    }
    return *this;
}

Status PgTransaction::commit()
{
    if (!m_connection)
        return Error(ErrorCode::Internal, u"The transaction has already ended."_s);
    PgConnection *connection = std::exchange(m_connection, nullptr);
    if (connection->isInFailedTransaction()) {
        (void)connection->execScript(u"ROLLBACK"_s);
        return Error(ErrorCode::DatabaseError,
                     u"The transaction was rolled back because one of its statements failed."_s);
    }
    Result<PgResult> committed = connection->exec(u"COMMIT"_s);
    if (!committed.ok())
        return committed.error();
    // The server answers COMMIT of an aborted transaction with a successful "ROLLBACK".
    if (committed->commandStatus() == "ROLLBACK"_L1)
        return Error(ErrorCode::DatabaseError,
                     u"The transaction was rolled back because one of its statements failed."_s);
    return {};
}

Status PgTransaction::rollback()
{
    if (!m_connection)
        return Error(ErrorCode::Internal, u"The transaction has already ended."_s);
    PgConnection *connection = std::exchange(m_connection, nullptr);
    if (!connection->isHealthy())
        return {}; // the server rolled back when the session ended
    return connection->execScript(u"ROLLBACK"_s);
}

} // namespace Mailkeep::Storage
