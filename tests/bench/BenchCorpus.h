// The benchmarks' input and their peer: N generated messages written once as an mbox for
// mailkeep-server and, for notmuch, as a Maildir; notmuch run on that Maildir.
#pragma once

#include "MailGenerator.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>

struct Corpus
{
    QString mbox;
    QString maildir; // empty unless asked for
    qint64 mboxBytes = 0;
    MailGenerator::Stats stats;
    qint64 milliseconds = 0;
};

// Writes count messages of the seeded generator to folder/bench.mbox (mboxrd) and, withMaildir,
// to folder/maildir/cur. inspect, when given, sees every message as generated.
bool generateCorpus(std::uint64_t seed, int count, const QString &folder, bool withMaildir,
                    Corpus &corpus,
                    const std::function<void(const QByteArray &message)> &inspect = {});

// A notmuch configuration for the Maildir, written into folder; its path, or empty.
QString writeNotmuchConfig(const QString &maildir, const QString &folder);

struct NotmuchRun
{
    bool ok = false;
    double seconds = 0;
    long peakKiB = -1;
};

// `notmuch new` on the configured Maildir: wall time and peak memory.
NotmuchRun runNotmuchNew(const QString &notmuch, const QString &config);

struct NotmuchCall
{
    bool ok = false;
    double milliseconds = 0; // from starting the process to its end
    QByteArray output;
};

// One notmuch command with the configuration, e.g. {"count", "from:alice"}.
NotmuchCall runNotmuch(const QString &notmuch, const QString &config, const QStringList &arguments);
