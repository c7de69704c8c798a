#pragma once

#include "core/SearchIndex.h"

#include <QSet>

namespace Mailkeep::Core {

// The words of a query that a result should show highlighted (folded like the index's);
// prefixes end with '*'.
QSet<QString> highlightTerms(const SearchNode &query);

// A short passage of the text around the first word the query matched, HTML-escaped, the
// matched words in <mark>...</mark>; the start of the text when nothing matched.
QString snippet(const QString &text, const QSet<QString> &terms, int maxCharacters = 220);

} // namespace Mailkeep::Core
