#include "app/ServerConfig.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::App;
using namespace Qt::Literals::StringLiterals;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    file.write(contents);
    return path;
}

} // namespace

TEST(ServerConfig, DefaultsWithoutFileOrFlags)
{
    QTemporaryDir dir;
    const auto outcome = parseCommandLine({u"mailkeep-server"_s, u"--data-dir"_s, dir.path()});
    ASSERT_TRUE(outcome.ok()) << outcome.error().toString().toStdString();
    EXPECT_EQ(outcome->config.apiPort, 8463);
    EXPECT_EQ(outcome->config.listenAddress, u"127.0.0.1"_s);
    EXPECT_TRUE(outcome->config.databaseUrl.isEmpty());
    EXPECT_TRUE(outcome->config.configFile.isEmpty());
}

TEST(ServerConfig, FileInDataFolderIsReadAndFlagsWin)
{
    QTemporaryDir dir;
    writeFile(dir, u"mailkeep-server.conf"_s,
              "[server]\nlisten=0.0.0.0\napiPort=9443\n[database]\n"
              "url=postgresql://archive:secret@db.example/mailkeep?sslmode=require\n"
              "[log]\nlevel=debug\n[security]\nloginDelayBaseMs=500\n");
    const auto outcome = parseCommandLine(
        {u"mailkeep-server"_s, u"--data-dir"_s, dir.path(), u"--api-port"_s, u"10443"_s});
    ASSERT_TRUE(outcome.ok()) << outcome.error().toString().toStdString();
    const ServerConfig &config = outcome->config;
    EXPECT_EQ(config.listenAddress, u"0.0.0.0"_s);
    EXPECT_EQ(config.apiPort, 10443);
    EXPECT_EQ(config.databaseUrl,
              u"postgresql://archive:secret@db.example/mailkeep?sslmode=require"_s);
    EXPECT_EQ(config.logLevel, u"debug"_s);
    EXPECT_EQ(config.loginThrottle.baseDelay, std::chrono::milliseconds(500));
}

TEST(ServerConfig, BadValuesNameTheirOrigin)
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, u"bad.conf"_s, "[server]\napiPort=http\n");
    const auto fromFile = parseCommandLine({u"mailkeep-server"_s, u"--config"_s, path});
    ASSERT_FALSE(fromFile.ok());
    EXPECT_TRUE(fromFile.error().message.contains(u"server/apiPort"_s));
    const auto fromFlag = parseCommandLine({u"mailkeep-server"_s, u"--log-level"_s, u"loud"_s});
    ASSERT_FALSE(fromFlag.ok());
    EXPECT_TRUE(fromFlag.error().message.contains(u"--log-level"_s));
    EXPECT_FALSE(
        parseCommandLine({u"mailkeep-server"_s, u"--config"_s, dir.filePath(u"missing"_s)}).ok());
    EXPECT_FALSE(parseCommandLine({u"mailkeep-server"_s, u"--no-such-flag"_s}).ok());
}

TEST(ServerConfig, PasswordsAreStrippedForDisplay)
{
    EXPECT_EQ(withoutPassword(u"postgresql://archive:secret@db.example:5432/mk?sslmode=require"_s),
              u"postgresql://archive@db.example:5432/mk?sslmode=require"_s);
    EXPECT_EQ(withoutPassword(u"postgresql://db.example/mk?password=secret&sslmode=require"_s),
              u"postgresql://db.example/mk?sslmode=require"_s);
    EXPECT_EQ(withoutPassword(u"host=db user=archive password='se cret' dbname=mk"_s),
              u"host=db user=archive password=*** dbname=mk"_s);
}

TEST(ServerConfig, Microsoft365EndpointsMayBeSetAndMustBeHttps)
{
    QTemporaryDir dir;
    const QString authorities = writeFile(dir, u"ca.pem"_s, "-----BEGIN CERTIFICATE-----\n");
    writeFile(dir, u"mailkeep-server.conf"_s,
              "[microsoft365]\nglobalLoginUrl=https://127.0.0.1:4443\n"
              "chinaGraphUrl=https://proxy.example.cn/graph\ncaCertificates=" +
                  authorities.toUtf8() + "\n");
    auto outcome = parseCommandLine({u"mailkeep-server"_s, u"--data-dir"_s, dir.path()});
    ASSERT_TRUE(outcome.ok()) << outcome.error().toString().toStdString();
    const Connectors::CloudOverrides &set = outcome->config.microsoft365;
    EXPECT_EQ(set.globalLogin, QUrl(u"https://127.0.0.1:4443"_s));
    EXPECT_EQ(set.chinaGraph, QUrl(u"https://proxy.example.cn/graph"_s));
    EXPECT_TRUE(set.globalGraph.isEmpty()) << "unset: Microsoft's own";
    EXPECT_EQ(set.caCertificatesFile, authorities);
    EXPECT_EQ(Connectors::endpointsFor(u"global"_s, set).login, set.globalLogin);
    EXPECT_EQ(Connectors::endpointsFor(u"global"_s, set).graph.host(), u"graph.microsoft.com"_s);

    writeFile(dir, u"mailkeep-server.conf"_s,
              "[microsoft365]\nglobalGraphUrl=http://graph.example.com\n");
    outcome = parseCommandLine({u"mailkeep-server"_s, u"--data-dir"_s, dir.path()});
    ASSERT_FALSE(outcome.ok());
    EXPECT_TRUE(outcome.error().message.contains(u"microsoft365/globalGraphUrl"_s))
        << outcome.error().toString().toStdString();

    writeFile(dir, u"mailkeep-server.conf"_s, "[microsoft365]\ncaCertificates=/nonexistent.pem\n");
    outcome = parseCommandLine({u"mailkeep-server"_s, u"--data-dir"_s, dir.path()});
    ASSERT_FALSE(outcome.ok());
    EXPECT_TRUE(outcome.error().message.contains(u"/nonexistent.pem"_s));
}
