#pragma once

// Helpers of the embedded-cluster tests: a shared cluster folder per test suite and a look
// at processes through /proc, independent of the code under test.
#include "storage/EmbeddedCluster.h"

#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>
#include <gtest/gtest.h>
#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace ClusterTest {

using namespace Qt::Literals::StringLiterals;

// A Status as text for assertion messages; empty when it is ok.
inline std::string str(const Mailkeep::Status &status)
{
    return status.ok() ? std::string() : status.error().toString().toStdString();
}

inline Mailkeep::Storage::EmbeddedClusterOptions optionsFor(const QString &clusterDirectory)
{
    Mailkeep::Storage::EmbeddedClusterOptions options;
    options.clusterDirectory = clusterDirectory;
    options.extraSettings = {u"fsync=off"_s, u"synchronous_commit=off"_s,
                             u"full_page_writes=off"_s};
    return options;
}

// Exists and is no zombie.
inline bool isAlive(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.size() && text.at(close + 2) != 'Z';
}

inline bool waitUntilGone(qint64 pid, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (isAlive(pid)) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        QThread::msleep(20);
    }
    return true;
}

// The real uid from /proc/<pid>/status ("Uid:\treal\teffective\t...").
inline qint64 realUid(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("Uid:"))
            return line.mid(4).simplified().split(' ').value(0).toLongLong();
    }
    return -1;
}

inline uid_t serviceUid()
{
    const passwd *entry = getpwnam("mailkeep");
    return entry ? entry->pw_uid : 0;
}

// One cluster folder for all tests of a suite: initdb runs once, and every test starts its own
// EmbeddedCluster objects on it (start() copes with whatever the previous test left).
class SharedClusterTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_folder = std::make_unique<QTemporaryDir>(u"/tmp/mk-cluster-test-XXXXXX"_s);
    }
    static void TearDownTestSuite() { s_folder.reset(); }

    static QString clusterDirectory() { return s_folder->filePath(u"postgresql"_s); }
    static Mailkeep::Storage::EmbeddedClusterOptions options()
    {
        return optionsFor(clusterDirectory());
    }

    static inline std::unique_ptr<QTemporaryDir> s_folder;
};

} // namespace ClusterTest
