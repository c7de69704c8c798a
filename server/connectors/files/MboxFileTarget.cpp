#include "connectors/files/MboxFileTarget.h"

#include "mime/MboxWriter.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

MboxFileTarget::MboxFileTarget(QString path)
    : m_path(std::move(path))
    , m_part(m_path + u".part"_s)
{}

Status MboxFileTarget::begin()
{
    if (QFileInfo(m_path).isDir())
        return Error(ErrorCode::InvalidArgument,
                     u"%1 is a folder; an mbox export writes one file."_s.arg(m_path));
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()) ||
        !m_part.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::IoError,
                     u"Cannot write %1: %2"_s.arg(m_part.fileName(), m_part.errorString()));
    return {};
}

Result<Core::MailTarget::Outcome> MboxFileTarget::write(const Core::ExportMessage &message)
{
    const QByteArray entry = Mime::mboxrdEntry(message.raw, message.date);
    if (m_part.write(entry) != entry.size())
        return Error(ErrorCode::IoError,
                     u"Cannot write %1: %2"_s.arg(m_part.fileName(), m_part.errorString()));
    ++m_count;
    return Outcome::Written;
}

Status MboxFileTarget::finish(QJsonObject &details)
{
    if (!m_part.flush())
        return Error(ErrorCode::IoError, u"Cannot write %1."_s.arg(m_part.fileName()));
    m_part.close();
    QFile::remove(m_path);
    if (!QFile::rename(m_part.fileName(), m_path))
        return Error(ErrorCode::IoError, u"Cannot put the export in place at %1."_s.arg(m_path));
    details.insert(u"path"_s, m_path);
    details.insert(u"messages"_s, static_cast<double>(m_count));
    return {};
}

} // namespace Mailkeep::Connectors
