#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <optional>

namespace Mailkeep::Mime {

struct MboxMessage
{
    QByteArray raw;       // the message, mboxrd quoting undone, separator blank line removed
    qint64 offset = 0;    // where its "From " line starts (or its first byte, see below)
    qint64 endOffset = 0; // where the next message starts: resume with open(path, endOffset)
    QByteArray fromLine;  // the "From " line without its line ending; empty if missing
    bool missingFromLine = false; // content before the first separator, kept as a message
};

// Streams the messages of an mbox file (mboxo/mboxrd, LF or CRLF) with bounded memory: the
// file is read in chunks and only the message being returned is held whole.
//
// A separator is a line starting with "From " at the start of the file (or of the resume
// offset) or right after an empty line. Lines matching ^>+From lose one '>'.
class MboxReader
{
public:
    MboxReader() = default;
    MboxReader(const MboxReader &) = delete;
    MboxReader &operator=(const MboxReader &) = delete;

    Status open(const QString &path, qint64 startOffset = 0);
    void close();

    // The next message, std::nullopt at the end of the file, or an I/O error.
    Result<std::optional<MboxMessage>> next();

    // Bytes held in the read buffer right now (for tests that check memory stays bounded).
    qsizetype bufferedBytes() const { return m_buffer.size(); }

    // True when `head` (the first bytes of a file) looks like an mbox rather than one message.
    static bool looksLikeMbox(const QByteArray &head);

private:
    struct Line
    {
        QByteArray bytes;
        qint64 offset = 0;
        bool atLineStart = true; // false for the continuation pieces of a very long line
        bool complete = true;    // false when the rest of the line follows as another piece
    };

    Result<std::optional<Line>> readLine();
    Status fill();

    QFile m_file;
    QByteArray m_buffer;
    qsizetype m_pos = 0;       // first unread byte in m_buffer
    qint64 m_bufferOffset = 0; // file offset of m_buffer[0]
    bool m_eof = false;
    bool m_nextAtLineStart = true;
    bool m_previousLineEmpty = true; // the start of the stream counts as following an empty line
    std::optional<Line> m_pending;   // a separator read ahead, starts the next message
};

} // namespace Mailkeep::Mime
