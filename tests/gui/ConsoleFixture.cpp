#include "ConsoleFixture.h"

#include "core/credentials/CredentialService.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSettings>
#include <QThread>

#include <gtest/gtest.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Testing {

void ConsoleFixture::SetUp()
{
    ApiServerFixture::SetUp();
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    ASSERT_EQ(status(call(admin, u"SetUserLoginPrivileges"_s,
                          {{u"userName"_s, u"alice"_s},
                           {u"loginPrivileges"_s, u"api,windows,windowsCmd"_s}})),
              u"succeeded"_s);
    const QString fixtures = QStringLiteral(MAILKEEP_TEST_DATA_DIR "/mime/");
    QDir root(m_mail.path());
    ASSERT_TRUE(root.mkpath(u"Projects"_s));
    for (const QString &name :
         {u"rfc2047.eml"_s, u"attachments.eml"_s, u"nested.eml"_s, u"html-only.eml"_s})
        ASSERT_TRUE(QFile::copy(fixtures + name, root.filePath(name)));
    ASSERT_TRUE(QFile::copy(fixtures + u"koi8r.eml"_s, root.filePath(u"Projects/koi8r.eml"_s)));
    const QJsonObject imported = call(admin, u"ImportEmailFiles"_s,
                                      {{u"userName"_s, u"alice"_s},
                                       {u"path"_s, m_mail.path()},
                                       {u"targetFolder"_s, u"Old PC"_s}});
    ASSERT_EQ(status(imported), u"succeeded"_s) << message(imported).toStdString();
    ASSERT_EQ(status(call(admin, u"SetUserPrivilegesOnFolder"_s,
                          {{u"userName"_s, u"alice"_s},
                           {u"folder"_s, u"alice"_s},
                           {u"privileges"_s, u"read"_s}})),
              u"succeeded"_s);
}

Api::ServerAddress ConsoleFixture::aliceAddress(bool pinned) const
{
    Api::ServerAddress address;
    address.host = u"127.0.0.1"_s;
    address.port = m_port;
    address.userName = u"alice"_s;
    address.password = kAlicePassword;
    if (pinned)
        address.pinnedSha256 = m_fingerprint;
    return address;
}

std::unique_ptr<ClientCore::ConsoleSession> ConsoleFixture::aliceSession(bool pinned)
{
    auto session = std::make_unique<ClientCore::ConsoleSession>(aliceAddress(pinned));
    bool done = false;
    QObject context;
    session->signIn(&context, [&](const Api::CallResult &) { done = true; });
    EXPECT_TRUE(waitFor([&]() { return done; }));
    EXPECT_TRUE(session->signedIn());
    return session;
}

void ConsoleFixture::createMicrosoft365Profiles(const QStringList &types)
{
    Core::CredentialSettings settings;
    settings.description = u"Contoso"_s;
    settings.tenantId = u"contoso.onmicrosoft.com"_s;
    settings.applicationId = u"0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a"_s;
    Result<Core::CredentialRecord> credential =
        m_microsoft365->credentials().create(u"Office365_Modern"_s, settings);
    ASSERT_TRUE(credential.ok());
    HttpsTestClient admin = client(u"admin"_s, kAdminPassword);
    for (const QString &type : types) {
        const QJsonObject profile{{u"name"_s, type},
                                  {u"type"_s, type},
                                  {u"credentialId"_s, credential->id},
                                  {u"mailbox"_s, u"alice@contoso.example"_s},
                                  {u"userName"_s, u"alice"_s}};
        ASSERT_EQ(status(call(admin, u"CreateProfile"_s,
                              {{u"properties"_s, QString::fromUtf8(QJsonDocument(profile).toJson(
                                                     QJsonDocument::Compact))}})),
                  u"succeeded"_s);
    }
}

std::unique_ptr<ClientCore::ConsoleSession> ConsoleFixture::adminSession()
{
    Api::ServerAddress address = aliceAddress();
    address.userName = u"admin"_s;
    address.password = kAdminPassword;
    auto session = std::make_unique<ClientCore::ConsoleSession>(address);
    bool done = false;
    QObject context;
    session->signIn(&context, [&](const Api::CallResult &) { done = true; });
    EXPECT_TRUE(waitFor([&]() { return done; }));
    EXPECT_TRUE(session->signedIn());
    return session;
}

bool ConsoleFixture::waitFor(const std::function<bool()> &condition, int ms)
{
    QDeadlineTimer deadline(ms);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(2);
    }
    return true;
}

} // namespace Mailkeep::Testing
