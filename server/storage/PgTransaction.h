#pragma once

#include "model/Result.h"

namespace Mailkeep::Storage {

class PgConnection;

// A transaction block as an object: BEGIN on creation, ROLLBACK on destruction unless
// commit() succeeded, so an early return or an error never leaves a half-done change behind.
// Movable; the connection must outlive it.
class PgTransaction
{
public:
    [[nodiscard]] static Result<PgTransaction> begin(PgConnection &connection);
    ~PgTransaction(); // rolls back when still open; never throws
    PgTransaction(PgTransaction &&other) noexcept;
    PgTransaction &operator=(PgTransaction &&other) noexcept;
    PgTransaction(const PgTransaction &) = delete;
    PgTransaction &operator=(const PgTransaction &) = delete;

    // COMMIT. Fails when a statement of the transaction failed (the server then only rolls
    // back) or when COMMIT itself fails (deferred constraint, serialisation failure); either
    // way the transaction has ended and nothing of it was kept.
    Status commit();
    // ROLLBACK now instead of at destruction.
    Status rollback();
    // Still open: neither committed nor rolled back.
    bool isActive() const { return m_connection != nullptr; }

private:
    explicit PgTransaction(PgConnection *connection);

    PgConnection *m_connection = nullptr; // null once ended or moved from
};

} // namespace Mailkeep::Storage
