#pragma once

#include <QString>

namespace Mailkeep::Mime {

// Readable plain text from HTML, for indexing and previews (Qt Core only, so no QTextDocument):
// script, style and comments dropped; block elements and <br> become line breaks, list items
// bullets; entities decoded; whitespace collapsed; at most one blank line in a row.
QString htmlToText(const QString &html);

} // namespace Mailkeep::Mime
