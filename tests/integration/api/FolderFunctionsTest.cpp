// Archive folders and folder privileges through the HTTPS API.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

class FolderFunctionsTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        // Mail archived later lands in folders like these.
        for (const QStringList &path :
             {QStringList{u"alice"_s, u"Inbox"_s, u"Projects"_s},
              QStringList{u"alice"_s, u"Sent Items"_s}, QStringList{u"carol"_s, u"Inbox"_s}}) {
            ASSERT_TRUE(m_archive->folders().ensureFolder(path).ok());
        }
    }
    QJsonObject call(HttpsTestClient &caller, const QString &function,
                     const Api::FormFields &fields = {})
    {
        return invokeJson(caller, function, Api::encodeForm(fields));
    }
    static QStringList folderList(const QJsonObject &envelope)
    {
        QStringList paths;
        for (const QJsonValue &folder : envelope[u"result"_s].toArray())
            paths << folder[u"folder"_s].toString();
        return paths;
    }
    static QString message(const QJsonObject &envelope)
    {
        return envelope[u"error"_s].toObject()[u"message"_s].toString();
    }
    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(FolderFunctionsTest, ChildFoldersByParentAndDepth)
{
    EXPECT_EQ(folderList(call(*m_admin, u"GetChildFolders"_s)),
              (QStringList{u"alice"_s, u"alice/Inbox"_s, u"alice/Inbox/Projects"_s,
                           u"alice/Sent Items"_s, u"carol"_s, u"carol/Inbox"_s}));
    EXPECT_EQ(folderList(call(*m_admin, u"GetChildFolders"_s, {{u"maxLevels"_s, u"1"_s}})),
              (QStringList{u"alice"_s, u"carol"_s}));
    EXPECT_EQ(folderList(call(*m_admin, u"GetChildFolders"_s,
                              {{u"folder"_s, u"Alice"_s}, {u"maxLevels"_s, u"1"_s}})),
              (QStringList{u"alice/Inbox"_s, u"alice/Sent Items"_s}));
    EXPECT_EQ(folderList(call(*m_admin, u"GetChildFolders"_s, {{u"folder"_s, u"alice/Inbox"_s}})),
              QStringList{u"alice/Inbox/Projects"_s});
}

TEST_F(FolderFunctionsTest, UsersSeeOnlyFoldersTheyMayRead)
{
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_TRUE(folderList(call(alice, u"GetChildFolders"_s)).isEmpty()) << "no privileges yet";
    ASSERT_EQ(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                   {{u"userName"_s, u"alice"_s},
                    {u"folder"_s, u"alice"_s},
                    {u"privileges"_s, u"read,write"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    EXPECT_EQ(folderList(call(alice, u"GetChildFolders"_s)),
              (QStringList{u"alice"_s, u"alice/Inbox"_s, u"alice/Inbox/Projects"_s,
                           u"alice/Sent Items"_s}));

    const QJsonObject info = call(*m_admin, u"GetUserInfo"_s, {{u"userName"_s, u"alice"_s}});
    EXPECT_EQ(info[u"result"_s].toObject()[u"privilegesOnFolders"_s].toArray(),
              (QJsonArray{QJsonObject{{u"folder"_s, u"alice"_s},
                                      {u"privileges"_s, QJsonArray{u"read"_s, u"write"_s}}}}));

    ASSERT_EQ(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                   {{u"userName"_s, u"alice"_s},
                    {u"folder"_s, u"alice"_s},
                    {u"privileges"_s, u"none"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    EXPECT_TRUE(folderList(call(alice, u"GetChildFolders"_s)).isEmpty());
}

TEST_F(FolderFunctionsTest, AUsersArchiveIsCreatedWhenPrivilegesAreGranted)
{
    ASSERT_EQ(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                   {{u"userName"_s, u"admin"_s},
                    {u"folder"_s, u"admin"_s},
                    {u"privileges"_s, u"read"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    EXPECT_TRUE(folderList(call(*m_admin, u"GetChildFolders"_s, {{u"maxLevels"_s, u"1"_s}}))
                    .contains(u"admin"_s));
    EXPECT_TRUE(message(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                             {{u"userName"_s, u"alice"_s},
                              {u"folder"_s, u"nobody"_s},
                              {u"privileges"_s, u"read"_s}}))
                    .contains(u"no archive folder nobody"_s));
}

TEST_F(FolderFunctionsTest, AllFoldersClearAndBadValues)
{
    ASSERT_EQ(call(*m_admin, u"SetUserPrivilegesOnAllFolders"_s,
                   {{u"userName"_s, u"carol"_s},
                    {u"privileges"_s, u"read"_s},
                    {u"excludeFolders"_s, u"Alice"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    QJsonArray onFolders =
        call(*m_admin, u"GetUserInfo"_s, {{u"userName"_s, u"carol"_s}})[u"result"_s]
            .toObject()[u"privilegesOnFolders"_s]
            .toArray();
    ASSERT_EQ(onFolders.size(), 1);
    EXPECT_EQ(onFolders[0][u"folder"_s].toString(), u"carol"_s);

    ASSERT_EQ(call(*m_admin, u"ClearUserPrivilegesOnFolders"_s,
                   {{u"userName"_s, u"carol"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    EXPECT_TRUE(call(*m_admin, u"GetUserInfo"_s, {{u"userName"_s, u"carol"_s}})[u"result"_s]
                    .toObject()[u"privilegesOnFolders"_s]
                    .toArray()
                    .isEmpty());

    EXPECT_TRUE(message(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                             {{u"userName"_s, u"carol"_s},
                              {u"folder"_s, u"carol"_s},
                              {u"privileges"_s, u"none,read"_s}}))
                    .contains(u"only one"_s));
    EXPECT_TRUE(message(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                             {{u"userName"_s, u"carol"_s},
                              {u"folder"_s, u"carol"_s},
                              {u"privileges"_s, u"admin"_s}}))
                    .contains(u"Unknown folder privilege"_s));
    EXPECT_TRUE(message(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                             {{u"userName"_s, u"ghost"_s},
                              {u"folder"_s, u"carol"_s},
                              {u"privileges"_s, u"read"_s}}))
                    .contains(u"no user named ghost"_s));
    HttpsTestClient alice = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(call(alice, u"SetUserPrivilegesOnFolder"_s,
                   {{u"userName"_s, u"alice"_s},
                    {u"folder"_s, u"carol"_s},
                    {u"privileges"_s, u"read"_s}})[u"statusCode"_s]
                  .toString(),
              u"failed"_s)
        << "only administrators grant privileges";
}

TEST_F(FolderFunctionsTest, RenameUserRenamesTheArchiveToo)
{
    ASSERT_EQ(call(*m_admin, u"SetUserPrivilegesOnFolder"_s,
                   {{u"userName"_s, u"alice"_s},
                    {u"folder"_s, u"alice"_s},
                    {u"privileges"_s, u"read"_s}})[u"statusCode"_s]
                  .toString(),
              u"succeeded"_s);
    const QJsonObject renamed =
        call(*m_admin, u"RenameUser"_s,
             {{u"oldUserName"_s, u"alice"_s}, {u"newUserName"_s, u"Alicia"_s}});
    ASSERT_EQ(renamed[u"statusCode"_s].toString(), u"succeeded"_s)
        << message(renamed).toStdString();
    EXPECT_EQ(folderList(call(*m_admin, u"GetChildFolders"_s)),
              (QStringList{u"alicia"_s, u"alicia/Inbox"_s, u"alicia/Inbox/Projects"_s,
                           u"alicia/Sent Items"_s, u"carol"_s, u"carol/Inbox"_s}));
    const QJsonObject info = call(*m_admin, u"GetUserInfo"_s, {{u"userName"_s, u"alicia"_s}});
    EXPECT_EQ(info[u"result"_s][u"privilegesOnFolders"_s][0][u"folder"_s].toString(), u"alicia"_s);
    HttpsTestClient alicia = client(u"alicia"_s, kAlicePassword);
    EXPECT_EQ(folderList(call(alicia, u"GetChildFolders"_s, {{u"maxLevels"_s, u"1"_s}})),
              QStringList{u"alicia"_s});
    HttpsTestClient oldName = client(u"alice"_s, kAlicePassword);
    EXPECT_EQ(oldName.post(u"/api/invoke/GetServerInfo"_s).status, 401);
    EXPECT_TRUE(message(call(*m_admin, u"RenameUser"_s,
                             {{u"oldUserName"_s, u"alicia"_s}, {u"newUserName"_s, u"carol"_s}}))
                    .contains(u"already exists"_s));
    EXPECT_TRUE(message(call(*m_admin, u"RenameUser"_s,
                             {{u"oldUserName"_s, u"nobody"_s}, {u"newUserName"_s, u"x"_s}}))
                    .contains(u"no user named nobody"_s));
}
