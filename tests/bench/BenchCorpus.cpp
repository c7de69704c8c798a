#include "BenchCorpus.h"

#include "IngestSupport.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// "Mon Jan  1 00:00:00 2024", the date format of mbox separator lines.
QByteArray asctimeDate(qint64 secondsSinceEpoch)
{
    static constexpr const char *kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate date = QDate(1970, 1, 1).addDays(secondsSinceEpoch / 86400);
    const int seconds = static_cast<int>(secondsSinceEpoch % 86400);
    char text[32];
    const int length =
        std::snprintf(text, sizeof text, "%s %s %2d %02d:%02d:%02d %04d",
                      kDays[date.dayOfWeek() - 1], kMonths[date.month() - 1], date.day(),
                      seconds / 3600, seconds / 60 % 60, seconds % 60, date.year());
    return QByteArray(text, length);
}

// mboxrd: every line matching ^>*From gets one more '>', which readers take off again.
QByteArray mboxrdEscaped(const QByteArray &message)
{
    if (!message.contains("From "))
        return message;
    QByteArray out;
    out.reserve(message.size() + 64);
    qsizetype start = 0;
    while (start < message.size()) {
        const qsizetype newline = message.indexOf('\n', start);
        const qsizetype end = newline < 0 ? message.size() : newline + 1;
        const QByteArrayView line(message.constData() + start, end - start);
        qsizetype quotes = 0;
        while (quotes < line.size() && line.at(quotes) == '>')
            ++quotes;
        if (line.sliced(quotes).startsWith("From "))
            out += '>';
        out += line;
        start = end;
    }
    return out;
}

QProcessEnvironment notmuchEnvironment(const QString &config)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"NOTMUCH_CONFIG"_s, config);
    return environment;
}

} // namespace

bool generateCorpus(std::uint64_t seed, int count, const QString &folder, bool withMaildir,
                    Corpus &corpus, const std::function<void(const QByteArray &message)> &inspect)
{
    QElapsedTimer timer;
    timer.start();
    corpus.mbox = folder + u"/bench.mbox"_s;
    QFile mbox(corpus.mbox);
    if (!mbox.open(QIODevice::WriteOnly))
        return false;
    if (withMaildir) {
        corpus.maildir = folder + u"/maildir"_s;
        for (const QString &sub : {u"cur"_s, u"new"_s, u"tmp"_s})
            QDir().mkpath(corpus.maildir + u'/' + sub);
    }
    MailGenerator generator(seed);
    for (int i = 0; i < count; ++i) {
        const QByteArray message = generator.next();
        if (inspect)
            inspect(message);
        const qint64 delivered = 1704067200 + static_cast<qint64>(i) * 300;
        mbox.write("From MAILER-DAEMON " + asctimeDate(delivered) + '\n');
        mbox.write(mboxrdEscaped(message));
        mbox.write("\n"); // the blank line before the next separator
        if (withMaildir) {
            QFile file(corpus.maildir + u"/cur/%1.M%2P1.bench:2,S"_s.arg(delivered).arg(i));
            if (!file.open(QIODevice::WriteOnly) || file.write(message) != message.size())
                return false;
        }
    }
    mbox.close();
    corpus.mboxBytes = QFileInfo(corpus.mbox).size();
    corpus.stats = generator.stats();
    corpus.milliseconds = timer.elapsed();
    return mbox.error() == QFile::NoError;
}

QString writeNotmuchConfig(const QString &maildir, const QString &folder)
{
    const QString config = folder + u"/notmuch-config"_s;
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("[database]\npath=" + maildir.toUtf8() + "\n\n[new]\ntags=\n\n[user]\n" +
               "name=Bench\nprimary_email=bench@example.invalid\n");
    return file.error() == QFile::NoError ? config : QString();
}

NotmuchRun runNotmuchNew(const QString &notmuch, const QString &config)
{
    NotmuchRun run;
    if (config.isEmpty())
        return run;
    QProcess process;
    process.setProcessEnvironment(notmuchEnvironment(config));
    const bool timed = QFileInfo(u"/usr/bin/time"_s).isExecutable();
    QElapsedTimer timer;
    timer.start();
    if (timed)
        process.start(u"/usr/bin/time"_s, {u"-v"_s, notmuch, u"new"_s, u"--quiet"_s});
    else
        process.start(notmuch, {u"new"_s, u"--quiet"_s});
    if (!process.waitForStarted(10000))
        return run;
    // Without time(1) the peak is what /proc said last before the process ended.
    while (!process.waitForFinished(50)) {
        if (!timed)
            run.peakKiB = qMax(run.peakKiB, statusKiB(process.processId(), "VmHWM:"));
    }
    run.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const QByteArray errors = process.readAllStandardError();
    if (timed) {
        const qsizetype at = errors.indexOf("Maximum resident set size (kbytes):");
        if (at >= 0)
            run.peakKiB = errors.mid(at + 35, 20).trimmed().split('\n').first().toLong();
    }
    run.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!run.ok)
        std::fprintf(stderr, "notmuch new failed: %s\n", errors.constData());
    return run;
}

NotmuchCall runNotmuch(const QString &notmuch, const QString &config, const QStringList &arguments)
{
    NotmuchCall call;
    QProcess process;
    process.setProcessEnvironment(notmuchEnvironment(config));
    QElapsedTimer timer;
    timer.start();
    process.start(notmuch, arguments);
    // Blocking waits: polling with a timeout would add its granularity to the latency.
    if (!process.waitForFinished(120000))
        return call;
    call.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    call.output = process.readAllStandardOutput();
    call.ok = process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!call.ok)
        std::fprintf(stderr, "notmuch %s failed: %s\n", qPrintable(arguments.join(u' ')),
                     process.readAllStandardError().constData());
    return call;
}
