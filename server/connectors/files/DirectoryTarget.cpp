#include "connectors/files/DirectoryTarget.h"

#include "connectors/files/SafeFileNames.h"
#include "crypto/Signer.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

Status writeWhole(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error(ErrorCode::IoError, u"Cannot write %1: %2"_s.arg(path, file.errorString()));
    return {};
}

} // namespace

DirectoryTarget::DirectoryTarget(DirectoryExportSettings settings)
    : m_settings(std::move(settings))
{}

Status DirectoryTarget::begin()
{
    if (!QDir().mkpath(m_settings.path)) {
        m_fatal = true;
        return Error(ErrorCode::IoError, u"Cannot create the folder %1."_s.arg(m_settings.path));
    }
    if (m_settings.sign &&
        (m_settings.signingCertificatePem.isEmpty() || m_settings.signingKeyPem.isEmpty()))
        return Error(ErrorCode::Unavailable, u"This server has no key to sign exports with."_s);
    return {};
}

Result<Core::MailTarget::Outcome> DirectoryTarget::write(const Core::ExportMessage &message)
{
    QStringList folders;
    for (const QString &segment : message.folder)
        folders << safeFileName(segment, u"_"_s);
    const QString relativeFolder = folders.join(u'/');
    const QString name = exportFileName(message.date, message.subject, message.sha256);
    const QString relative = relativeFolder.isEmpty() ? name : relativeFolder + u'/' + name;
    const QDir root(m_settings.path);
    if (!relativeFolder.isEmpty() && !root.mkpath(relativeFolder)) {
        m_fatal = true;
        return Error(ErrorCode::IoError,
                     u"Cannot create the folder %1."_s.arg(root.filePath(relativeFolder)));
    }
    m_manifest.insert(relative, message.sha256.toHex());
    const QString path = root.filePath(relative);
    if (m_settings.updateExisting && QFileInfo::exists(path))
        return Outcome::AlreadyThere;
    if (Status written = writeWhole(path, message.raw); !written.ok()) {
        m_manifest.remove(relative);
        // A full disk or a folder that went read-only stops the whole export.
        m_fatal = true;
        return written.error();
    }
    return Outcome::Written;
}

Status DirectoryTarget::writeManifest(QJsonObject &details)
{
    QByteArray manifest;
    for (auto it = m_manifest.cbegin(); it != m_manifest.cend(); ++it)
        manifest += it.value() + "  " + it.key().toUtf8() + '\n';
    Result<QByteArray> signature = Crypto::Signer::signSha256(m_settings.signingKeyPem, manifest);
    if (!signature.ok())
        return signature.error();
    const QDir root(m_settings.path);
    for (const auto &[name, bytes] :
         {std::pair{u"MANIFEST.sha256"_s, manifest},
          std::pair{u"MANIFEST.sha256.sig"_s, signature.value()},
          std::pair{u"MANIFEST.signer.pem"_s, m_settings.signingCertificatePem}}) {
        if (Status written = writeWhole(root.filePath(name), bytes); !written.ok())
            return written;
    }
    details.insert(u"manifest"_s, root.filePath(u"MANIFEST.sha256"_s));
    details.insert(u"manifestEntries"_s, static_cast<int>(m_manifest.size()));
    return {};
}

Status DirectoryTarget::finish(QJsonObject &details)
{
    details.insert(u"path"_s, m_settings.path);
    if (m_settings.sign)
        return writeManifest(details);
    return {};
}

} // namespace Mailkeep::Connectors
