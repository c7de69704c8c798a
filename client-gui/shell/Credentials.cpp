#include "shell/Credentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Shell {

namespace {

// The translation context of this file's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Shell::Credentials)
};

} // namespace

QString credentialsFilePath()
{
    if (const QString explicitPath = qEnvironmentVariable("MAILKEEP_CREDENTIALS");
        !explicitPath.isEmpty())
        return explicitPath;
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty())
        config = QDir::home().filePath(u".config"_s);
    return QDir(config).filePath(u"mailkeep/credentials"_s);
}

Result<std::optional<QString>> storedPassword(const QString &userName, const QString &server,
                                              bool required)
{
    if (!required) {
        if (const QByteArray fromEnvironment = qgetenv("MAILKEEP_PASSWORD");
            !fromEnvironment.isNull())
            return std::optional<QString>(QString::fromLocal8Bit(fromEnvironment));
    }
    const QString path = credentialsFilePath();
    QFile file(path);
    if (!file.exists()) {
        if (!required)
            return std::optional<QString>();
        return Error(ErrorCode::NotFound, Text::tr("There is no credentials file %1.").arg(path));
    }
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                            QFileDevice::ReadOther | QFileDevice::WriteOther |
                                            QFileDevice::ExeGroup | QFileDevice::ExeOther;
    if (file.permissions() & others)
        return Error(ErrorCode::PermissionDenied,
                     Text::tr("The credentials file %1 may be read by other users; it is not used "
                        "until only its owner can read it (chmod 600).")
                         .arg(path));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return Error(ErrorCode::PermissionDenied,
                     Text::tr("The credentials file %1 cannot be read.").arg(path));
    const QString wanted = userName + u'@' + server;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(0).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype space = line.indexOf(u' ');
        if (space < 0)
            continue;
        if (line.left(space).compare(wanted, Qt::CaseInsensitive) == 0)
            return std::optional<QString>(line.mid(space + 1));
    }
    if (!required)
        return std::optional<QString>();
    return Error(ErrorCode::NotFound,
                 Text::tr("The credentials file %1 has no password for %2.").arg(path, wanted));
}

} // namespace Mailkeep::Shell
