#include "shell/CommandWords.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Shell {

namespace {

// The translation context of this file's messages.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(Mailkeep::Shell::CommandWords)
};

} // namespace

Result<QStringList> splitCommandLine(const QString &line)
{
    QStringList words;
    QString word;
    bool inWord = false;
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (!quote.isNull()) {
            if (c == quote) {
                quote = QChar();
            } else if (quote == u'"' && c == u'\\' && i + 1 < line.size() &&
                       (line.at(i + 1) == u'"' || line.at(i + 1) == u'\\')) {
                word += line.at(++i);
            } else {
                word += c;
            }
        } else if (c == u'"' || c == u'\'') {
            quote = c;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(std::exchange(word, QString()));
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return Error(ErrorCode::InvalidArgument, Text::tr("A quote (%1) is not closed.").arg(quote));
    if (inWord)
        words.append(word);
    return words;
}

bool ParsedCommand::has(const QString &argument) const
{
    return std::any_of(arguments.cbegin(), arguments.cend(),
                       [&](const auto &field) { return field.first == argument; });
}

QString ParsedCommand::value(const QString &argument) const
{
    for (const auto &[key, value] : arguments) {
        if (key == argument)
            return value;
    }

    return {};
}

Result<ParsedCommand> parseCommand(const QStringList &words)
{
    if (words.isEmpty())
        return Error(ErrorCode::InvalidArgument, Text::tr("No command given."));
    ParsedCommand command;
    command.name = words.first();
    if (command.name.startsWith(u'-'))
        return Error(ErrorCode::InvalidArgument,
                     Text::tr("A command comes first, then its arguments: %1 is not a command.")
                         .arg(command.name));
    for (qsizetype i = 1; i < words.size(); ++i) {
        const QString &word = words.at(i);
        if (!word.startsWith(u"--"_s) || word.size() < 3 || word.at(2) == u'=')
            return Error(
                ErrorCode::InvalidArgument,
                Text::tr("%1 is not an argument; arguments are written --name=value.").arg(word));
        const qsizetype equals = word.indexOf(u'=');
        const QString name = word.mid(2, equals < 0 ? -1 : equals - 2);
        const QString value = equals < 0 ? u"true"_s : word.mid(equals + 1);
        if (command.has(name))
            return Error(ErrorCode::InvalidArgument,
                         Text::tr("The argument %1 is given twice.").arg(name));
        command.arguments.append({name, value});
    }
    return command;
}

} // namespace Mailkeep::Shell
