#include "cmd/LineEditor.h"

#include <QDir>
#include <QStandardPaths>

#include <cstdlib>
#include <cstring>
#include <editline/readline.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Cmd {

namespace {

constexpr int kHistoryLines = 1000;

// libedit's completion hooks are plain functions: the one editor of the process is reached
// through this.
LineEditor::Completer *g_completer = nullptr;
QStringList g_candidates;

char *nextCandidate(const char *, int state)
{
    if (state >= g_candidates.size())
        return nullptr;
    // libedit frees what it is given: malloc'd copies.
    return ::strdup(g_candidates.at(state).toLocal8Bit().constData());
}

char **complete(const char *text, int start, int)
{
    ::rl_attempted_completion_over = 1; // no file-name completion
    if (!g_completer)
        return nullptr;
    const QString line = QString::fromLocal8Bit(::rl_line_buffer);
    const QString before = QString::fromLocal8Bit(line.toLocal8Bit().left(start));
    g_candidates = (*g_completer)(before, QString::fromLocal8Bit(text));
    // An argument completes to "--name=": the value follows without a space.
    const bool arguments = !g_candidates.isEmpty() &&
                           std::all_of(g_candidates.cbegin(), g_candidates.cend(),
                                       [](const QString &name) { return name.endsWith(u'='); });
    ::rl_completion_append_character = arguments ? '\0' : ' ';

    return ::rl_completion_matches(text, nextCandidate);
}

} // namespace

LineEditor::LineEditor(Completer completer)
{
    static Completer stored;
    stored = std::move(completer);
    g_completer = &stored;
    ::rl_readline_name = const_cast<char *>("mailkeep-cmd");
    ::rl_attempted_completion_function = complete;
    ::using_history();
    ::stifle_history(kHistoryLines);
    const QString folder =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/mailkeep"_s;
    QDir().mkpath(folder);
    m_historyFile = folder + u"/cmd_history"_s;
    ::read_history(m_historyFile.toLocal8Bit().constData());
}

LineEditor::~LineEditor()
{
    ::write_history(m_historyFile.toLocal8Bit().constData());
    g_completer = nullptr;
}

std::optional<QString> LineEditor::readLine(const QString &prompt)
{
    char *line = ::readline(prompt.toLocal8Bit().constData());
    if (!line)
        return std::nullopt;
    const QString text = QString::fromLocal8Bit(line);
    std::free(line);
    // Passwords do not belong in a history file: lines with --password are not kept.
    if (!text.trimmed().isEmpty() && !text.contains(u"--password"_s))
        ::add_history(text.toLocal8Bit().constData());
    return text;
}

} // namespace Mailkeep::Cmd
