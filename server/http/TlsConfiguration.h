#pragma once

#include "model/Result.h"

#include <QSslConfiguration>
#include <QString>

namespace Mailkeep::Http {

struct TlsFiles
{
    QString certificateFile; // PEM; may hold the chain after the server certificate
    QString keyFile;         // PEM, unencrypted, mode 0600
};

struct LoadedTls
{
    QSslConfiguration configuration; // TLS 1.2 or later only
    QString fingerprint;             // SHA-256 of the server certificate, "AB:CD:..."
    QString subject;
    QDateTime expires;
};

// Reads and checks the certificate and key: refuses unreadable files, a key that does not match
// the certificate, and an expired certificate, each with a message naming the file.
Result<LoadedTls> loadTls(const TlsFiles &files);

} // namespace Mailkeep::Http
