// mailkeep-cmd: the management shell (MailStoreCmd's options and exit codes).
#include "cmd/Session.h"
#include "shell/ExitCode.h"
#include "shell/ShellOptions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"mailkeep-cmd"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MAILKEEP_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), u"mailkeep"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(&translator);

    using namespace Mailkeep;
    Shell::ConsoleOutput console;
    Result<Shell::ShellOptions> options = Shell::parseShellOptions(app.arguments().mid(1));
    if (!options.ok()) {
        console.error(options.error().message);
        return Shell::exitStatus(Shell::ExitCode::BadArguments);
    }
    if (options->showHelp) {
        console.result(Shell::shellUsage());
        return Shell::exitStatus(Shell::ExitCode::Success);
    }
    if (options->outputFile.isEmpty())
        return Cmd::runSession(options.value(), console, true);

    QFile file(Shell::expandOutputFile(options->outputFile, QDateTime::currentDateTime()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        console.error(
            QCoreApplication::translate("main", "The output file %1 cannot be written: %2")
                .arg(file.fileName(), file.errorString()));
        return Shell::exitStatus(Shell::ExitCode::BadArguments);
    }
    Shell::FileOutput output(file);
    return Cmd::runSession(options.value(), output, false);
}
