#pragma once

#include "api/FormEncoding.h"
#include "model/Result.h"

#include <QString>
#include <QStringList>

namespace Mailkeep::Shell {

// Splits an interactive line into words as a POSIX shell would for simple cases: blanks
// separate, "double" and 'single' quotes group (a backslash escapes " and \ inside double
// quotes), so --subject="Quarterly report" is one word. An open quote is an error.
Result<QStringList> splitCommandLine(const QString &line);

// A command with its arguments: `Name --arg=value --flag`. A --flag without a value is
// "true" (MailStoreCmd's --verbose). Argument names keep their case.
struct ParsedCommand
{
    QString name;
    Api::FormFields arguments;

    bool has(const QString &argument) const;
    QString value(const QString &argument) const;
};

Result<ParsedCommand> parseCommand(const QStringList &words);

} // namespace Mailkeep::Shell
