#pragma once

#include "core/profiles/MailTarget.h"

#include <QMap>

namespace Mailkeep::Connectors {

struct DirectoryExportSettings
{
    QString path;
    bool updateExisting = false; // skip files an earlier run wrote (names are deterministic)
    bool sign = false;
    QByteArray signingCertificatePem;
    QByteArray signingKeyPem;
};

// Export to a directory: one EML file per message, byte for byte as archived, below folders
// named after the archive folders when they are kept. With signing, the export ends with
// MANIFEST.sha256 (sha256sum format: every file of this export), MANIFEST.sha256.sig (its
// SHA-256 signature by the server's key) and MANIFEST.signer.pem (the server's certificate);
// docs/exports.md tells how to check them with openssl.
class DirectoryTarget final : public Core::MailTarget
{
public:
    explicit DirectoryTarget(DirectoryExportSettings settings);
    Status begin() override;
    Result<Outcome> write(const Core::ExportMessage &message) override;
    bool fatal() const override { return m_fatal; }
    Status finish(QJsonObject &details) override;

private:
    Status writeManifest(QJsonObject &details);

    DirectoryExportSettings m_settings;
    QMap<QString, QByteArray> m_manifest; // relative path -> SHA-256 hex
    bool m_fatal = false;
};

} // namespace Mailkeep::Connectors
