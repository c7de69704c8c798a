// The queries bench_search runs: a fixed mix of query kinds built from the words, names,
// addresses and dates the generator really puts into the corpus, each written for Mailkeep and
// for notmuch. And the percentiles the latencies are reported in.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

// What the generated messages hold that queries should find: seen while they are generated.
class CorpusFacts
{
public:
    void inspect(const QByteArray &message);

    QStringList senders;  // addresses in From, a sample
    QStringList tickets;  // "[#12345]" numbers in subjects, each in one or two messages
    qint64 firstDate = 0; // Date headers, seconds since the epoch
    qint64 lastDate = 0;

private:
    QSet<QString> m_seen;
    qint64 m_messages = 0;
};

struct BenchQuery
{
    QString mailkeep;
    QString notmuch; // empty: notmuch has no such query
};

struct QueryKind
{
    QString name;
    QList<BenchQuery> queries;
};

// perKind queries of every kind; the same facts give the same queries.
QList<QueryKind> searchMix(const CorpusFacts &facts, int perKind);

struct Latency
{
    qsizetype calls = 0;
    double p50 = 0;
    double p95 = 0;
    double p99 = 0;
    double max = 0;
};

// Nearest-rank percentiles of the milliseconds.
Latency summarize(QList<double> milliseconds);
