#pragma once

// Internal to Mailkeep::Mime: walks a message's MIME tree and collects its readable text and
// its attachments.

#include "mime/GMimeSupport.h"
#include "mime/ParsedMessage.h"

namespace Mailkeep::Mime::Detail {

class PartWalker
{
public:
    // `options` decode nested messages' Subject/From lines; `nesting` counts message/rfc822
    // levels above this one.
    // `keepContent`: attachments carry their decoded bytes.
    explicit PartWalker(GMimeParserOptions *options, int nesting = 0, bool keepContent = false);

    void walkMessage(GMimeMessage *message);

    QString bodyText() const { return m_bodyParts.join(u"\n\n"); }
    const QList<AttachmentInfo> &attachments() const { return m_attachments; }
    bool hasHtml() const { return m_hasHtml; }
    const QString &html() const { return m_html; } // only with keepContent
    const QStringList &defects() const { return m_defects; }
    // The first charset a text part declared: a good guess for raw 8-bit header bytes.
    const QByteArray &firstCharset() const { return m_firstCharset; }

private:
    // AttachmentsOnly: an alternative that lost to another one; its text is not the body,
    // but its images and files still belong to the message.
    enum class Mode
    {
        Body,
        AttachmentsOnly,
    };

    void walk(GMimeObject *object, Mode mode, int depth);
    void walkMultipart(GMimeMultipart *multipart, Mode mode, int depth);
    void walkMessagePart(GMimeMessagePart *messagePart, Mode mode);
    void walkLeaf(GMimePart *part, Mode mode);
    void appendBody(QString text);
    int chooseAlternative(GMimeMultipart *multipart) const;

    GMimeParserOptions *m_options;
    int m_nesting;
    bool m_keepContent;
    QStringList m_bodyParts;
    QList<AttachmentInfo> m_attachments;
    bool m_hasHtml = false;
    QString m_html;
    QStringList m_defects;
    QByteArray m_firstCharset;
};

} // namespace Mailkeep::Mime::Detail
