// Parses the shared real-world corpora when they are present (never in a plain clone).
#include "mime/MessageParser.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

#include <gtest/gtest.h>
#include <iostream>

using namespace Mailkeep::Mime;
using namespace Qt::Literals::StringLiterals;

namespace {

QString corporaDir()
{
    const QString fromEnvironment = qEnvironmentVariable("MAILKEEP_CORPORA_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral(MAILKEEP_DEFAULT_CORPORA_DIR)
                                     : fromEnvironment;
}

// Independent of the parser: the first line (after an optional mbox "From " line) is a header
// field "Name: value".
bool hasHeaderBlock(const QByteArray &raw)
{
    static const QRegularExpression headerLine(u"^[!-9;-~]+[ \\t]*:"_s);
    QByteArray head = raw.left(4096);
    if (head.startsWith("From "))
        head = head.mid(head.indexOf('\n') + 1);
    const qsizetype end = head.indexOf('\n');
    return headerLine.match(QString::fromLatin1(end < 0 ? head : head.left(end))).hasMatch();
}

} // namespace

TEST(MimeCorpus, ParsesEveryCorpusMessage)
{
    const QString root = corporaDir();
    if (!QFile::exists(root))
        GTEST_SKIP() << "no corpora at " << root.toStdString()
                     << " (set MAILKEEP_CORPORA_DIR to run this test)";

    QElapsedTimer timer;
    timer.start();
    QMap<QString, int> perStatus;
    int files = 0;
    QDirIterator it(root, {u"*.eml"_s}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
        const QByteArray raw = file.readAll();
        const ParsedMessage message = MessageParser::parse(raw);
        ++files;
        ++perStatus[parseStatusName(message.status)];
        EXPECT_EQ(message.size, raw.size());
        if (hasHeaderBlock(raw)) {
            EXPECT_NE(message.status, ParseStatus::Unparseable)
                << path.toStdString() << ": " << message.defects.join(u"; "_s).toStdString();
        }
    }
    const qint64 elapsed = timer.elapsed();
    std::cout << "[ corpus   ] " << files << " files in " << elapsed << " ms:";
    for (auto entry = perStatus.cbegin(); entry != perStatus.cend(); ++entry)
        std::cout << ' ' << entry.key().toStdString() << '=' << entry.value();
    std::cout << std::endl;
    EXPECT_GT(files, 0);
    EXPECT_LT(elapsed, 10000);
}
