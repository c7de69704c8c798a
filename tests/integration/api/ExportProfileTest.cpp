// Export profiles: an archive folder or a saved search to EML files (folders kept, updating
// an earlier export, a signed manifest checked with openssl and sha256sum) or to one mbox
// file; the owner's privileges decide what is exported.
#include "ApiServerFixture.h"
#include "api/FormEncoding.h"
#include "mime/MboxReader.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>

#include <gtest/gtest.h>

using namespace Mailkeep;
using namespace Mailkeep::Testing;
using namespace Qt::Literals::StringLiterals;

namespace {

QString json(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// What a folder holds: relative path -> SHA-256 of the bytes, MANIFEST files left out.
QMap<QString, QByteArray> filesIn(const QString &root)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName().startsWith(u"MANIFEST"_s))
            continue;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            files.insert(QDir(root).relativeFilePath(path), sha256Hex(file.readAll()));
    }
    return files;
}

int runIn(const QString &folder, const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(program, arguments);
    if (!process.waitForFinished(30000))
        return -1;
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

class ExportProfileTest : public ApiServerFixture
{
protected:
    void SetUp() override
    {
        ApiServerFixture::SetUp();
        m_admin = std::make_unique<HttpsTestClient>(client(u"admin"_s, kAdminPassword));
        const QString fixtures = QStringLiteral(MAILKEEP_TEST_DATA_DIR "/mime/");
        QDir source(m_source.path());
        ASSERT_TRUE(source.mkpath(u"Projects"_s));
        for (const QString &name : {u"rfc2047.eml"_s, u"attachments.eml"_s, u"nested.eml"_s}) {
            ASSERT_TRUE(QFile::copy(fixtures + name, source.filePath(name)));
            m_archived.insert(hashOf(fixtures + name));
        }
        ASSERT_TRUE(QFile::copy(fixtures + u"koi8r.eml"_s, source.filePath(u"Projects/k.eml"_s)));
        m_archived.insert(hashOf(fixtures + u"koi8r.eml"_s));
        const QJsonObject imported =
            admin(u"ImportEmailFiles"_s, {{u"userName"_s, u"alice"_s},
                                          {u"path"_s, m_source.path()},
                                          {u"targetFolder"_s, u"Old PC"_s}});
        ASSERT_EQ(status(imported), u"succeeded"_s) << message(imported).toStdString();
    }
    static QByteArray hashOf(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? sha256Hex(file.readAll()) : QByteArray();
    }
    QJsonObject admin(const QString &function, const Api::FormFields &fields = {})
    {
        return call(*m_admin, function, fields);
    }
    void archiveAccess(bool on)
    {
        ASSERT_EQ(status(admin(u"SetComplianceConfiguration"_s,
                               {{u"config"_s, on ? u"{\"adminEmailPreviewEnabled\": true}"_s
                                                 : u"{\"adminEmailPreviewEnabled\": false}"_s}})),
                  u"succeeded"_s);
    }
    QJsonObject run(const QJsonObject &profile)
    {
        const qint64 id =
            admin(u"CreateProfile"_s, {{u"properties"_s, json(profile)}})[u"result"_s][u"id"_s]
                .toInteger();
        EXPECT_GT(id, 0);
        return admin(u"RunProfile"_s, {{u"id"_s, QString::number(id)}});
    }

    QTemporaryDir m_source;
    QTemporaryDir m_out;
    QSet<QByteArray> m_archived; // SHA-256 of every imported message
    std::unique_ptr<HttpsTestClient> m_admin;
};

} // namespace

TEST_F(ExportProfileTest, AFolderGoesOutByteForByteWithItsFoldersAndASignedManifest)
{
    const QString target = m_out.filePath(u"export"_s);
    const QJsonObject profile{{u"name"_s, u"Alice to disk"_s},
                              {u"type"_s, u"exportDirectory"_s},
                              {u"sourceFolder"_s, u"alice/Old PC"_s},
                              {u"path"_s, target},
                              {u"retainFolderStructure"_s, true},
                              {u"updateExisting"_s, true},
                              {u"sign"_s, true}};
    // Without Archive Access an administrator exports nobody's mail.
    QJsonObject ran = run(profile);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"exported"_s].toInt(), 0);
    EXPECT_EQ(ran[u"result"_s][u"foldersNotReadable"_s].toArray().size(), 2);

    archiveAccess(true);
    ran = run(profile);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"result"_s].toString(), u"succeeded"_s);
    EXPECT_EQ(ran[u"result"_s][u"exported"_s].toInt(), 4);
    const QMap<QString, QByteArray> files = filesIn(target);
    ASSERT_EQ(files.size(), 4);
    const QList<QByteArray> hashes = files.values();
    EXPECT_EQ(QSet<QByteArray>(hashes.cbegin(), hashes.cend()), m_archived)
        << "the archived bytes, unchanged";
    const QStringList paths = files.keys();
    EXPECT_EQ(std::count_if(paths.cbegin(), paths.cend(),
                            [](const QString &p) { return p.startsWith(u"Old PC/Projects/"_s); }),
              1)
        << paths.join(u", "_s).toStdString();

    // Checked offline, as docs/exports.md says.
    ASSERT_EQ(runIn(target, u"sh"_s,
                    {u"-c"_s, u"openssl x509 -in MANIFEST.signer.pem -pubkey -noout > "
                              "../signer.pub && openssl dgst -sha256 -verify ../signer.pub "
                              "-signature MANIFEST.sha256.sig MANIFEST.sha256"_s}),
              0);
    EXPECT_EQ(runIn(target, u"sha256sum"_s, {u"--quiet"_s, u"-c"_s, u"MANIFEST.sha256"_s}), 0);

    // An update writes nothing again.
    ran = run(profile);
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"exported"_s].toInt(), 0);
    EXPECT_EQ(ran[u"result"_s][u"alreadyExported"_s].toInt(), 4);

    // A changed file, or a changed manifest, no longer checks out.
    {
        QFile file(QDir(target).filePath(files.firstKey()));
        ASSERT_TRUE(file.open(QIODevice::Append));
        file.write("tampered");
    }
    EXPECT_NE(runIn(target, u"sha256sum"_s, {u"--quiet"_s, u"-c"_s, u"MANIFEST.sha256"_s}), 0);
    {
        QFile manifest(QDir(target).filePath(u"MANIFEST.sha256"_s));
        ASSERT_TRUE(manifest.open(QIODevice::Append));
        manifest.write("0000  extra.eml\n");
    }
    EXPECT_NE(runIn(target, u"openssl"_s,
                    {u"dgst"_s, u"-sha256"_s, u"-verify"_s, u"../signer.pub"_s, u"-signature"_s,
                     u"MANIFEST.sha256.sig"_s, u"MANIFEST.sha256"_s}),
              0);
}

TEST_F(ExportProfileTest, ASavedSearchGoesIntoOneMboxFile)
{
    archiveAccess(true);
    ASSERT_EQ(status(admin(u"SaveSearch"_s, {{u"name"_s, u"Everything of Alice"_s},
                                             {u"query"_s, QString()},
                                             {u"folder"_s, u"alice"_s}})),
              u"succeeded"_s);
    const QString file = m_out.filePath(u"alice.mbox"_s);
    const QJsonObject ran = run({{u"name"_s, u"Alice to mbox"_s},
                                 {u"type"_s, u"exportMbox"_s},
                                 {u"savedSearch"_s, u"Everything of Alice"_s},
                                 {u"path"_s, file}});
    ASSERT_EQ(status(ran), u"succeeded"_s) << message(ran).toStdString();
    EXPECT_EQ(ran[u"result"_s][u"exported"_s].toInt(), 4);
    EXPECT_FALSE(QFile::exists(file + u".part"_s));
    Mime::MboxReader reader;
    ASSERT_TRUE(reader.open(file).ok());
    QSet<QByteArray> read;
    for (;;) {
        auto next = reader.next();
        ASSERT_TRUE(next.ok());
        if (!next->has_value())
            break;
        read.insert(sha256Hex((*next)->raw));
    }
    EXPECT_EQ(read, m_archived);

    EXPECT_TRUE(message(admin(u"CreateProfile"_s,
                              {{u"properties"_s, json({{u"name"_s, u"x"_s},
                                                       {u"type"_s, u"exportMbox"_s},
                                                       {u"savedSearch"_s, u"Nothing saved"_s},
                                                       {u"path"_s, file}})}}))
                    .contains(u"no saved search"_s));
    EXPECT_TRUE(
        message(
            admin(u"CreateProfile"_s,
                  {{u"properties"_s,
                    json({{u"name"_s, u"x"_s}, {u"type"_s, u"exportMbox"_s}, {u"path"_s, file}})}}))
            .contains(u"either an archive folder"_s));
}
