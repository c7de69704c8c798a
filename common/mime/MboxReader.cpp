#include "mime/MboxReader.h"

#include "mime/HeaderSyntax.h"

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Mime {
namespace {

// Reads are chunked and lines longer than a piece are handed on in pieces, so the buffer never
// holds more than about two chunks whatever the file and line lengths.
constexpr qsizetype kChunkSize = 64 * 1024;
constexpr qsizetype kMaxLinePiece = 64 * 1024;

bool isEmptyLine(const QByteArray &line)
{
    return line == "\n" || line == "\r\n";
}

bool isQuotedFrom(const QByteArray &line)
{
    qsizetype quotes = 0;
    while (quotes < line.size() && line.at(quotes) == '>')
        ++quotes;
    return quotes > 0 && QByteArrayView(line).sliced(quotes).startsWith("From ");
}

QByteArray withoutLineEnding(QByteArray line)
{
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

} // namespace

Status MboxReader::open(const QString &path, qint64 startOffset)
{
    close();
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, u"Cannot open the mbox file"_s,
                     path + u": "_s + m_file.errorString());
    if (startOffset < 0 || startOffset > m_file.size()) {
        m_file.close();
        return Error(ErrorCode::InvalidArgument, u"The mbox start offset is outside the file"_s,
                     path + u": "_s + QString::number(startOffset));
    }
    if (!m_file.seek(startOffset)) {
        const QString details = path + u": "_s + m_file.errorString();
        m_file.close();
        return Error(ErrorCode::IoError, u"Cannot seek in the mbox file"_s, details);
    }
    m_bufferOffset = startOffset;
    return {};
}

void MboxReader::close()
{
    m_file.close();
    m_buffer = QByteArray();
    m_pos = 0;
    m_bufferOffset = 0;
    m_eof = false;
    m_nextAtLineStart = true;
    m_previousLineEmpty = true;
    m_pending.reset();
}

Status MboxReader::fill()
{
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_bufferOffset += m_pos;
        m_pos = 0;
    }
    const qsizetype kept = m_buffer.size();
    m_buffer.resize(kept + kChunkSize);
    const qint64 read = m_file.read(m_buffer.data() + kept, kChunkSize);
    m_buffer.resize(kept + qMax<qint64>(read, 0));
    if (read < 0)
        return Error(ErrorCode::IoError, u"Cannot read the mbox file"_s,
                     m_file.fileName() + u": "_s + m_file.errorString());
    m_eof = read == 0;
    return {};
}

Result<std::optional<MboxReader::Line>> MboxReader::readLine()
{
    qsizetype searchFrom = m_pos;
    while (true) {
        const qsizetype available = m_buffer.size() - m_pos;
        const qsizetype newline = m_buffer.indexOf('\n', searchFrom);
        qsizetype length = -1;
        bool complete = true;
        if (newline >= 0 && newline - m_pos < kMaxLinePiece) {
            length = newline + 1 - m_pos;
        } else if (available >= kMaxLinePiece) {
            length = kMaxLinePiece;
            complete = false;
        } else if (m_eof) {
            if (available == 0)
                return std::optional<Line>();
            length = available; // last line without a line ending
        }
        if (length >= 0) {
            Line line{m_buffer.mid(m_pos, length), m_bufferOffset + m_pos, m_nextAtLineStart,
                      complete};
            m_pos += length;
            m_nextAtLineStart = complete;
            return std::optional<Line>(std::move(line));
        }
        const qsizetype scanned = m_buffer.size() - m_pos; // fill() moves m_pos to 0
        if (Status status = fill(); !status.ok())
            return status.error();
        searchFrom = m_pos + scanned;
    }
}

Result<std::optional<MboxMessage>> MboxReader::next()
{
    if (!m_file.isOpen())
        return Error(ErrorCode::InvalidArgument, u"The mbox reader is not open"_s);
    while (true) {
        MboxMessage message;
        bool started = false;
        qsizetype lastLineSize = 0;
        while (true) {
            std::optional<Line> line;
            if (m_pending) {
                line.swap(m_pending);
            } else {
                auto read = readLine();
                if (!read.ok())
                    return read.error();
                line = std::move(*read);
            }
            if (!line)
                break;
            const bool separator =
                line->atLineStart && m_previousLineEmpty && line->bytes.startsWith("From ");
            if (!started) {
                started = true;
                message.offset = line->offset;
                if (separator && line->complete) {
                    message.fromLine = withoutLineEnding(line->bytes);
                    m_previousLineEmpty = false;
                    continue;
                }
                message.missingFromLine = true;
            } else if (separator) {
                message.endOffset = line->offset;
                m_pending = std::move(line); // m_previousLineEmpty stays true for it
                break;
            }
            QByteArray bytes = std::move(line->bytes);
            if (line->atLineStart && isQuotedFrom(bytes))
                bytes.remove(0, 1); // mboxrd: ">From " was "From ", ">>From " was ">From "
            m_previousLineEmpty = line->atLineStart && line->complete && isEmptyLine(bytes);
            lastLineSize = bytes.size();
            message.raw.append(bytes);
        }
        if (!started)
            return std::optional<MboxMessage>(); // end of file
        if (!m_pending)
            message.endOffset = m_bufferOffset + m_pos;
        if (m_previousLineEmpty && lastLineSize > 0)
            message.raw.chop(lastLineSize); // the blank line mbox writers put before "From "
        if (message.missingFromLine && message.raw.trimmed().isEmpty())
            continue; // only blank lines before the first separator
        return std::optional<MboxMessage>(std::move(message));
    }
}

bool MboxReader::looksLikeMbox(const QByteArray &head)
{
    if (!head.startsWith("From "))
        return false;
    const qsizetype end = head.indexOf('\n');
    const QByteArrayView first = QByteArrayView(head).first(end < 0 ? head.size() : end);
    if (first.sliced(5).trimmed().isEmpty())
        return false; // "From " needs an envelope sender after it
    if (end < 0 || end + 1 >= head.size())
        return true;
    // Every mbox writer puts the message's header fields right after the separator.
    const qsizetype secondEnd = head.indexOf('\n', end + 1);
    const QByteArrayView second =
        QByteArrayView(head).sliced(end + 1, (secondEnd < 0 ? head.size() : secondEnd) - end - 1);
    return Detail::isHeaderFieldLine(second);
}

} // namespace Mailkeep::Mime
