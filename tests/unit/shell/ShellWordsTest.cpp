// The shell's parsing on its own: interactive lines, command arguments, options and --o.
#include "shell/CommandWords.h"
#include "shell/ShellOptions.h"

#include <QDateTime>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Shell;
using namespace Qt::Literals::StringLiterals;

TEST(ShellWordsTest, SplitsLinesLikeAShell)
{
    EXPECT_EQ(splitCommandLine(u"  GetUsers  "_s).value(), QStringList{u"GetUsers"_s});
    EXPECT_EQ(splitCommandLine(u"SearchMessages --query=\"quarterly report\" --limit=5"_s).value(),
              (QStringList{u"SearchMessages"_s, u"--query=quarterly report"_s, u"--limit=5"_s}));
    EXPECT_EQ(splitCommandLine(u"X --config='{\"a\": \"b c\"}'"_s).value(),
              (QStringList{u"X"_s, u"--config={\"a\": \"b c\"}"_s}));
    EXPECT_EQ(splitCommandLine(u"X --text=\"say \\\"hi\\\" \\\\ bye\""_s).value(),
              (QStringList{u"X"_s, u"--text=say \"hi\" \\ bye"_s}));
    EXPECT_EQ(splitCommandLine(u"X --empty=\"\""_s).value(), (QStringList{u"X"_s, u"--empty="_s}));
    EXPECT_TRUE(splitCommandLine(QString()).value().isEmpty());
    Result<QStringList> open = splitCommandLine(u"X --text=\"never closed"_s);
    ASSERT_FALSE(open.ok());
    EXPECT_TRUE(open.error().message.contains(u"not closed"_s));
}

TEST(ShellWordsTest, ParsesArgumentsAndRefusesStrayWords)
{
    Result<ParsedCommand> command =
        parseCommand({u"import-execute"_s, u"--name=Mailbox"_s, u"--verbose"_s, u"--a=b=c"_s});
    ASSERT_TRUE(command.ok());
    EXPECT_EQ(command->name, u"import-execute"_s);
    EXPECT_EQ(command->value(u"name"_s), u"Mailbox"_s);
    EXPECT_EQ(command->value(u"verbose"_s), u"true"_s) << "a flag without a value is true";
    EXPECT_EQ(command->value(u"a"_s), u"b=c"_s) << "only the first = separates";
    EXPECT_FALSE(command->has(u"Name"_s)) << "names keep their case";

    EXPECT_FALSE(parseCommand({}).ok());
    EXPECT_FALSE(parseCommand({u"--name=x"_s}).ok());
    EXPECT_FALSE(parseCommand({u"GetUserInfo"_s, u"userName=x"_s}).ok());
    EXPECT_FALSE(parseCommand({u"GetUserInfo"_s, u"-userName=x"_s}).ok());
    EXPECT_FALSE(parseCommand({u"GetUserInfo"_s, u"--=x"_s}).ok());
    EXPECT_FALSE(parseCommand({u"X"_s, u"--a=1"_s, u"--a=2"_s}).ok());
}

TEST(ShellWordsTest, ReadsMailStoreCmdOptions)
{
    Result<ShellOptions> options = parseShellOptions(
        {u"--h=archive.example.com:9000"_s, u"--u=admin"_s, u"--p="_s, u"--pkv3=AA:BB"_s,
         u"--nologo"_s, u"--o=out-{DATE}.txt"_s, u"-c"_s, u"GetUsers"_s, u"--nologo"_s});
    ASSERT_TRUE(options.ok()) << options.error().message.toStdString();
    EXPECT_EQ(options->host, u"archive.example.com"_s);
    EXPECT_EQ(options->port, 9000);
    EXPECT_EQ(options->userName, u"admin"_s);
    EXPECT_EQ(options->password, QString()) << "an empty password is a password";
    EXPECT_EQ(options->pinnedSha256, u"AA:BB"_s);
    EXPECT_TRUE(options->noLogo);
    EXPECT_EQ(options->command, (QStringList{u"GetUsers"_s, u"--nologo"_s}))
        << "everything after -c belongs to the command";

    Result<ShellOptions> cred = parseShellOptions({u"--cred=alice@archive"_s});
    ASSERT_TRUE(cred.ok());
    EXPECT_EQ(cred->userName, u"alice"_s);
    EXPECT_FALSE(cred->password.has_value());

    EXPECT_FALSE(parseShellOptions({u"--x=1"_s}).ok());
    EXPECT_FALSE(parseShellOptions({u"GetUsers"_s}).ok()) << "a command needs -c";
    EXPECT_FALSE(parseShellOptions({u"-c"_s}).ok());
    EXPECT_FALSE(parseShellOptions({u"--u"_s}).ok());
    EXPECT_FALSE(parseShellOptions({u"--h=host:0"_s}).ok());
    EXPECT_FALSE(parseShellOptions({u"--h=host:70000"_s}).ok());
}

TEST(ShellWordsTest, ServerAddresses)
{
    EXPECT_EQ(parseHostAndPort(u"archive"_s).value(), (std::pair{u"archive"_s, quint16(8463)}));
    EXPECT_EQ(parseHostAndPort(u"[::1]:9000"_s).value(), (std::pair{u"::1"_s, quint16(9000)}));
    EXPECT_EQ(parseHostAndPort(u"[fe80::1]"_s).value(), (std::pair{u"fe80::1"_s, quint16(8463)}));
    EXPECT_FALSE(parseHostAndPort(u":8463"_s).ok());
    EXPECT_FALSE(parseHostAndPort(u"[::1"_s).ok());
}

TEST(ShellWordsTest, OutputFilePlaceholders)
{
    const QDateTime at(QDate(2026, 12, 1), QTime(9, 5, 7));
    EXPECT_EQ(expandOutputFile(u"/var/log/mk-{DATE}_{TIME}.log"_s, at),
              u"/var/log/mk-2026-12-01_09-05-07.log"_s);
    EXPECT_EQ(expandOutputFile(u"plain.log"_s, at), u"plain.log"_s);
}
