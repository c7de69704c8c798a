// The one main() of every test binary: GoogleTest on a live Qt event loop's application object,
// so tests can use signals, timers, QNetworkAccessManager and QProcess.
#include <QCoreApplication>

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
