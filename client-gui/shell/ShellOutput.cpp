#include "shell/ShellOutput.h"

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Shell {

namespace {

void writeTo(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stream);
    std::fflush(stream);
}

QString progressText(std::optional<int> percent, const QString &text)
{
    const QString figure = percent ? u"[%1%] "_s.arg(*percent, 3) : QString();
    return figure + text;
}

} // namespace

void ConsoleOutput::endProgressLine()
{
    if (m_progressShown)
        writeTo(stderr, u"\n"_s);
    m_progressShown = false;
}

void ConsoleOutput::result(const QString &text)
{
    endProgressLine();
    writeTo(stdout, text.endsWith(u'\n') ? text : text + u'\n');
}

void ConsoleOutput::error(const QString &text)
{
    endProgressLine();
    writeTo(stderr, text.endsWith(u'\n') ? text : text + u'\n');
}

void ConsoleOutput::progress(std::optional<int> percent, const QString &text)
{
    if (::isatty(STDERR_FILENO)) {
        // In place: carriage return, the line, clear to its end.
        writeTo(stderr, u"\r"_s + progressText(percent, text) + u"\x1b[K"_s);
        m_progressShown = true;
    } else {
        writeTo(stderr, progressText(percent, text) + u'\n');
    }
}

void ConsoleOutput::clearScreen()
{
    if (::isatty(STDOUT_FILENO))
        writeTo(stdout, u"\x1b[2J\x1b[H"_s);
}

void FileOutput::write(const QString &text)
{
    m_file.write((text.endsWith(u'\n') ? text : text + u'\n').toUtf8());
    m_file.flush();
}

void FileOutput::result(const QString &text)
{
    write(text);
}

void FileOutput::error(const QString &text)
{
    write(text);
}

void FileOutput::progress(std::optional<int> percent, const QString &text)
{
    // A log file gets each distinct status once.
    const QString line = progressText(percent, text);
    if (line != m_lastProgress)
        write(line);
    m_lastProgress = line;
}

} // namespace Mailkeep::Shell
