// mailkeep-server: parse the command line, start the server, run until SIGTERM/SIGINT.
#include "app/Logging.h"
#include "app/ServerApplication.h"
#include "app/ServerConfig.h"
#include "app/UnixSignalWatcher.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mailkeep-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILKEEP_VERSION));

    const Mailkeep::Result<Mailkeep::App::CommandLineOutcome> outcome =
        Mailkeep::App::parseCommandLine(QCoreApplication::arguments());
    if (!outcome.ok()) {
        std::fprintf(stderr, "mailkeep-server: %s\nTry mailkeep-server --help.\n",
                     qUtf8Printable(outcome.error().toString()));
        return 2;
    }
    if (outcome->action != Mailkeep::App::CommandLineOutcome::Action::Run) {
        std::fputs(qUtf8Printable(outcome->text), stdout);
        return 0;
    }

    Mailkeep::App::setUpLogging(outcome->config.logLevel);
    Mailkeep::App::UnixSignalWatcher signals;
    Mailkeep::App::ServerApplication server(outcome->config);
    QObject::connect(&signals, &Mailkeep::App::UnixSignalWatcher::terminationRequested, &app,
                     [&](int signalNumber) {
                         qInfo("Signal %d received, shutting down", signalNumber);
                         QCoreApplication::quit();
                     });

    if (Mailkeep::Status started = server.start(); !started.ok()) {
        qCritical().noquote() << "Cannot start:" << started.error().toString();
        return 1;
    }
    // A signal that arrived during start-up is waiting in the pipe and ends exec() at once.
    const int code = QCoreApplication::exec();
    qInfo("Server stopped");
    return code;
}
