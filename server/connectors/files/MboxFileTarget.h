#pragma once

#include "core/profiles/MailTarget.h"

#include <QFile>

namespace Mailkeep::Connectors {

// Export to one mboxrd file. It is written beside the target as "<path>.part" and put in
// place when the export ends, so the file at `path` is always a complete export.
class MboxFileTarget final : public Core::MailTarget
{
public:
    explicit MboxFileTarget(QString path);
    Status begin() override;
    Result<Outcome> write(const Core::ExportMessage &message) override;
    bool fatal() const override { return true; } // one file: a failed write ends it
    Status finish(QJsonObject &details) override;

private:
    QString m_path;
    QFile m_part;
    qint64 m_count = 0;
};

} // namespace Mailkeep::Connectors
