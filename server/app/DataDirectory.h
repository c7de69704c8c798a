#pragma once

#include "model/Result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace Mailkeep::App {

// The server's data folder: creates it with tight permissions, holds a lock so two servers
// never share one folder, and knows where each part lives.
class DataDirectory
{
public:
    explicit DataDirectory(QString path);

    // Creates missing folders (mode 0750; secrets inside are 0600) and takes the lock.
    Status open();

    QString path() const { return m_path; }
    QString clusterDirectory() const { return m_path + QStringLiteral("/postgresql"); }
    QString logDirectory() const { return m_path + QStringLiteral("/logs"); }
    QString tlsDirectory() const { return m_path + QStringLiteral("/tls"); }
    QString initialPasswordFile() const
    {
        return m_path + QStringLiteral("/initial-admin-password");
    }
    QString masterKeyFile() const { return m_path + QStringLiteral("/master.key"); }
    QString recoveryKeyFile() const { return m_path + QStringLiteral("/recovery-key"); }

    // Writes a file readable by the owner only (0600), replacing it atomically.
    static Status writeSecretFile(const QString &path, const QByteArray &contents);

private:
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace Mailkeep::App
