#include "storage/PgConnection.h"

#include "storage/PgError.h"
#include "storage/PgParameters.h"
#include "storage/StorageLogging.h"

#include <algorithm>
#include <libpq-fe.h>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Storage {

namespace {

// Without this libpq prints NOTICEs (e.g. "relation already exists, skipping") on stderr.
void logNotice(void *, const char *message)
{
    qCDebug(lcStorage).noquote() << QString::fromUtf8(message).trimmed();
}

// The caller's parameters plus ours. Settings go into the start-up packet ("options"), so a
// session never exists with another time zone and no extra round trip is needed; the caller's
// own "options" are kept in front of ours.
struct ConnectParameters
{
    std::vector<QByteArray> keywords;
    std::vector<QByteArray> values;
};

Result<ConnectParameters> connectParameters(const QString &conninfo)
{
    char *parseError = nullptr;
    PQconninfoOption *parsed = PQconninfoParse(conninfo.toUtf8().constData(), &parseError);
    if (!parsed) {
        const QString reason = parseError ? QString::fromUtf8(parseError).trimmed() : QString();
        PQfreemem(parseError);
        return Error(ErrorCode::InvalidArgument, u"The database connection string is not valid."_s,
                     reason);
    }
    ConnectParameters parameters;
    QByteArray options;
    for (const PQconninfoOption *option = parsed; option->keyword; ++option) {
        if (!option->val)
            continue;
        const QByteArray keyword(option->keyword);
        if (keyword == "options") {
            options = option->val;
        } else if (keyword != "client_encoding") {
            parameters.keywords.push_back(keyword);
            parameters.values.push_back(option->val);
        }
    }
    PQconninfoFree(parsed);
    options += (options.isEmpty() ? "" : " ") + QByteArray("-c TimeZone=UTC -c DateStyle=ISO");
    parameters.keywords.push_back("options");
    parameters.values.push_back(options);
    parameters.keywords.push_back("client_encoding");
    parameters.values.push_back("UTF8");
    return parameters;
}

} // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const QString &conninfo)
{
    Result<ConnectParameters> parameters = connectParameters(conninfo);
    if (!parameters.ok())
        return parameters.error();
    std::vector<const char *> keywords, values;
    for (size_t i = 0; i < parameters->keywords.size(); ++i) {
        keywords.push_back(parameters->keywords[i].constData());
        values.push_back(parameters->values[i].constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    pg_conn *connection = PQconnectdbParams(keywords.data(), values.data(), 0);
    if (!connection)
        return Error(ErrorCode::Unavailable, u"Cannot connect to the database."_s,
                     u"libpq could not allocate a connection"_s);
    if (PQstatus(connection) != CONNECTION_OK) {
        const QString reason = QString::fromUtf8(PQerrorMessage(connection)).trimmed();
        PQfinish(connection);
        return Error(ErrorCode::Unavailable, u"Cannot connect to the database."_s, reason);
    }
    PQsetNoticeProcessor(connection, logNotice, nullptr);
    return std::unique_ptr<PgConnection>(new PgConnection(connection));
}

PgConnection::PgConnection(pg_conn *connection)
    : m_connection(connection)
{}

PgConnection::~PgConnection()
{
    PQfinish(m_connection);
}

Result<PgResult> PgConnection::exec(const QString &sql, const QVariantList &params)
{
    Result<PgParameters> bound = PgParameters::bind(params);
    if (!bound.ok())
        return bound.error();
    static_assert(sizeof(Oid) == sizeof(unsigned int));
    return checked(PQexecParams(m_connection, sql.toUtf8().constData(), bound->count(),
                                bound->types(), bound->values(), bound->lengths(), bound->formats(),
                                0));
}

Status PgConnection::execScript(const QString &sql)
{
    Result<PgResult> result = checked(PQexec(m_connection, sql.toUtf8().constData()));
    if (!result.ok())
        return result.error();
    return {};
}

Result<qint64> PgConnection::copyIn(const QString &copySql, const QByteArray &data)
{
    pg_result *started = PQexec(m_connection, copySql.toUtf8().constData());
    if (PQresultStatus(started) != PGRES_COPY_IN) {
        Result<PgResult> checkedStart = checked(started);
        if (!checkedStart.ok())
            return checkedStart.error();
        return Error(ErrorCode::InvalidArgument, u"The statement is not a COPY FROM STDIN."_s);
    }
    PQclear(started);
    // libpq copies the data into its buffer; sending in slices keeps that buffer small.
    constexpr qsizetype kSlice = 1024 * 1024;
    bool sent = true;
    for (qsizetype at = 0; sent && at < data.size(); at += kSlice) {
        const qsizetype length = std::min(kSlice, data.size() - at);
        sent = PQputCopyData(m_connection, data.constData() + at, static_cast<int>(length)) == 1;
    }
    if (PQputCopyEnd(m_connection, sent ? nullptr : "sending the rows failed") != 1)
        sent = false;
    Result<PgResult> finished = checked(PQgetResult(m_connection));
    while (pg_result *rest = PQgetResult(m_connection))
        PQclear(rest);
    if (!finished.ok())
        return finished.error();
    if (!sent)
        return Error(ErrorCode::Unavailable, u"The database connection failed during COPY."_s,
                     QString::fromUtf8(PQerrorMessage(m_connection)).trimmed());
    return finished->affectedRows();
}

Result<PgResult> PgConnection::checked(pg_result *result)
{
    switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
        return PgResult(result);
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH: {
        // COPY needs a streaming API this class does not offer. End it so the session stays
        // usable, then report the misuse.
        PQclear(result);
        PQputCopyEnd(m_connection, "COPY is not supported by this client");
        char *row = nullptr;
        while (PQgetCopyData(m_connection, &row, 0) > 0)
            PQfreemem(row);
        while (pg_result *rest = PQgetResult(m_connection))
            PQclear(rest);
        return Error(ErrorCode::Unsupported, u"COPY statements are not supported here."_s);
    }
    default: {
        Error error = errorFromResult(result, m_connection);
        PQclear(result);
        return error;
    }
    }
}

bool PgConnection::isHealthy() const
{
    return PQstatus(m_connection) == CONNECTION_OK;
}

bool PgConnection::isIdle() const
{
    return isHealthy() && PQtransactionStatus(m_connection) == PQTRANS_IDLE;
}

bool PgConnection::isInFailedTransaction() const
{
    return PQtransactionStatus(m_connection) == PQTRANS_INERROR;
}

int PgConnection::backendPid() const
{
    return PQbackendPID(m_connection);
}

} // namespace Mailkeep::Storage
