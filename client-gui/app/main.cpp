// mailkeep-console: sign in, then the main window.
#include "core/ConsoleSettings.h"
#include "widgets/MainWindow.h"
#include "widgets/SignInDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"mailkeep-console"_s);
    QApplication::setApplicationDisplayName(u"Mailkeep"_s);
    QApplication::setApplicationVersion(QStringLiteral(MAILKEEP_VERSION));
    QApplication::setOrganizationName(u"Mailkeep"_s);
    QApplication::setWindowIcon(QIcon(u":/icons/mailkeep.svg"_s));

    using namespace Mailkeep;
    const QString chosen = ClientCore::ConsoleSettings::language();
    const QLocale locale = chosen.isEmpty() ? QLocale() : QLocale(chosen);
    // Dates, numbers and sizes follow the chosen language too.
    QLocale::setDefault(locale);

    QTranslator ours;
    QTranslator qt;
    if (ours.load(locale, u"mailkeep"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&ours);
    if (qt.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qt);

    QCommandLineParser options;
    options.setApplicationDescription(QApplication::translate("main", "The Mailkeep console."));
    options.addHelpOption();
    options.addVersionOption();
    const QCommandLineOption server(u"server"_s,
                                    QApplication::translate("main", "The server to sign in to."),
                                    u"host[:port]"_s);
    const QCommandLineOption user(u"user"_s, QApplication::translate("main", "The user name."),
                                  u"name"_s);
    options.addOption(server);
    options.addOption(user);
    options.process(app);

    ClientWidgets::SignInDialog signIn;
    if (options.isSet(server) || options.isSet(user))
        signIn.fill(options.value(server), options.value(user), QString());
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    ClientWidgets::MainWindow window(signIn.takeSession());
    window.show();
    return QApplication::exec();
}
