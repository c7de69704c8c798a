#pragma once

#include <QFile>
#include <QString>

#include <cstdio>

namespace Mailkeep::Shell {

// Where the shell writes: results to one stream, errors and progress to another. The console
// page of mailkeep-console gives its own.
class ShellOutput
{
public:
    virtual ~ShellOutput() = default;
    virtual void result(const QString &text) = 0; // one or more lines
    virtual void error(const QString &text) = 0;
    // A running call's progress; shown in place where the output is a terminal.
    virtual void progress(std::optional<int> percent, const QString &text) = 0;
    virtual void clearScreen() = 0;
};

// stdout and stderr.
class ConsoleOutput final : public ShellOutput
{
public:
    void result(const QString &text) override;
    void error(const QString &text) override;
    void progress(std::optional<int> percent, const QString &text) override;
    void clearScreen() override;

private:
    void endProgressLine();
    bool m_progressShown = false;
};

// --o: everything into one file, nothing on the console.
class FileOutput final : public ShellOutput
{
public:
    explicit FileOutput(QFile &file)
        : m_file(file)
    {}
    void result(const QString &text) override;
    void error(const QString &text) override;
    void progress(std::optional<int> percent, const QString &text) override;
    void clearScreen() override {}

private:
    void write(const QString &text);
    QFile &m_file;
    QString m_lastProgress;
};

} // namespace Mailkeep::Shell
