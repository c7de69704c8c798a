#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace Mailkeep::Connectors {

// A name any file system takes: no separators, no control or reserved characters, no "." or
// "..", not too long. Empty input gives `fallback`.
QString safeFileName(const QString &name, const QString &fallback, int maxLength = 80);

// The file name of an exported message, the same in every run for the same message (so an
// "update existing export" recognises it): "2026-03-01 100000 Subject 1a2b3c4d5e6f.eml".
QString exportFileName(const QDateTime &date, const QString &subject, const QByteArray &sha256);

} // namespace Mailkeep::Connectors
