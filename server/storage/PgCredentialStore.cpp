#include "storage/PgCredentialStore.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

const QString kColumns = u"id, uid, type, description, tenant_id, application_id, cloud, "
                         "assertion_algorithm, certificate, sealed_private_key, created_at, "
                         "updated_at"_s;

Core::CredentialRecord credentialFromRow(const PgResult &rows, int row)
{
    Core::CredentialRecord credential;
    credential.id = rows.toInt64(row, 0);
    credential.uid = rows.text(row, 1);
    credential.type = rows.text(row, 2);
    credential.description = rows.text(row, 3);
    credential.tenantId = rows.text(row, 4);
    credential.applicationId = rows.text(row, 5);
    credential.cloud = rows.text(row, 6);
    credential.assertionAlgorithm = rows.text(row, 7);
    credential.certificatePem = rows.text(row, 8).toLatin1();
    credential.sealedPrivateKey = rows.bytes(row, 9);
    credential.createdAt = rows.toDateTime(row, 10);
    credential.updatedAt = rows.toDateTime(row, 11);
    return credential;
}

} // namespace

PgCredentialStore::PgCredentialStore(PgConnectionPool &pool)
    : m_pool(pool)
{}

Result<QList<Core::CredentialRecord>> PgCredentialStore::select(const QString &where,
                                                                const QVariantList &values)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"SELECT "_s + kColumns + u" FROM credentials "_s + where, values);
    if (!rows.ok())
        return rows.error();
    QList<Core::CredentialRecord> credentials;
    for (int row = 0; row < rows->rowCount(); ++row)
        credentials.append(credentialFromRow(rows.value(), row));
    return credentials;
}

Result<Core::CredentialRecord> PgCredentialStore::create(const Core::CredentialRecord &credential)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"INSERT INTO credentials (uid, type, description, tenant_id, application_id, cloud, "
        "assertion_algorithm, certificate, sealed_private_key) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7, $8, $9) RETURNING "_s +
            kColumns,
        {credential.uid, credential.type, credential.description, credential.tenantId,
         credential.applicationId, credential.cloud, credential.assertionAlgorithm,
         QString::fromLatin1(credential.certificatePem), credential.sealedPrivateKey});
    if (!rows.ok())
        return rows.error();
    return credentialFromRow(rows.value(), 0);
}

Result<bool> PgCredentialStore::update(const Core::CredentialRecord &credential)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows = (*lease)->exec(
        u"UPDATE credentials SET description = $2, tenant_id = $3, application_id = $4, "
        "cloud = $5, assertion_algorithm = $6, certificate = $7, sealed_private_key = $8, "
        "updated_at = now() WHERE id = $1 RETURNING id"_s,
        {credential.id, credential.description, credential.tenantId, credential.applicationId,
         credential.cloud, credential.assertionAlgorithm,
         QString::fromLatin1(credential.certificatePem), credential.sealedPrivateKey});
    if (!rows.ok())
        return rows.error();
    return rows->rowCount() == 1;
}

Result<bool> PgCredentialStore::remove(qint64 id)
{
    Result<PgLease> lease = m_pool.acquire();
    if (!lease.ok())
        return lease.error();
    Result<PgResult> rows =
        (*lease)->exec(u"DELETE FROM credentials WHERE id = $1 RETURNING id"_s, {id});
    if (!rows.ok())
        return rows.error();
    return rows->rowCount() == 1;
}

Result<std::optional<Core::CredentialRecord>> PgCredentialStore::credential(qint64 id)
{
    Result<QList<Core::CredentialRecord>> found = select(u"WHERE id = $1"_s, {id});
    if (!found.ok())
        return found.error();
    if (found->isEmpty())
        return std::optional<Core::CredentialRecord>();
    return std::optional(found->first());
}

Result<QList<Core::CredentialRecord>> PgCredentialStore::credentials()
{
    return select(u"ORDER BY id"_s, {});
}

} // namespace Mailkeep::Storage
