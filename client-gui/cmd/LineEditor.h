#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Mailkeep::Cmd {

// Interactive input through libedit: line editing, a history kept between sessions
// (~/.local/share/mailkeep/cmd_history) and tab completion.
class LineEditor
{
public:
    // Completion candidates for the word being typed, given the line up to it.
    using Completer = std::function<QStringList(const QString &lineBefore, const QString &word)>;
    explicit LineEditor(Completer completer);
    ~LineEditor();
    LineEditor(const LineEditor &) = delete;
    LineEditor &operator=(const LineEditor &) = delete;

    // The next line; nullopt at end of input (Ctrl-D).
    std::optional<QString> readLine(const QString &prompt);

private:
    QString m_historyFile;
};

} // namespace Mailkeep::Cmd
