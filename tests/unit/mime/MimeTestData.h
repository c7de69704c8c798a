#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <gtest/gtest.h>

namespace MimeTestData {

inline QString path(const char *name)
{
    return QStringLiteral(MAILKEEP_TEST_DATA_DIR "/mime/") + QString::fromUtf8(name);
}

// The fixture's bytes; fails the calling test when it is missing.
inline QByteArray read(const char *name)
{
    QFile file(path(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << "missing fixture " << name;
    return file.readAll();
}

} // namespace MimeTestData
