#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Mailkeep::Core {

// One archived message on its way out.
struct ExportMessage
{
    QStringList folder; // where it goes below the target's root ({} when folders are not kept)
    QByteArray raw;     // the archived bytes
    QByteArray sha256;  // of raw
    QDateTime date;     // the message's date (its archive date when it has none)
    QString subject;
};

// Where an export profile writes (a directory, an mbox file, an IMAP mailbox); implemented by
// Mailkeep::Connectors. One target per run; begin, every message, then finish.
class MailTarget
{
public:
    enum class Outcome
    {
        Written,
        AlreadyThere, // "update existing export": the target holds it from an earlier run
    };
    virtual ~MailTarget() = default;
    virtual Status begin() = 0;
    // A failure here is the message's alone unless the target cannot go on (then fatal).
    virtual Result<Outcome> write(const ExportMessage &message) = 0;
    virtual bool fatal() const { return false; }
    // Completes the export (closes files, signs); adds what it did to `details`.
    virtual Status finish(QJsonObject &details) = 0;
};

} // namespace Mailkeep::Core
