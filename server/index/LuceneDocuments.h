#pragma once

// Internal to the index library: how a message becomes a Lucene document.

#include "core/SearchIndex.h"

#include <LuceneHeaders.h>

namespace Mailkeep::Index {

Lucene::DocumentPtr luceneDocument(const Core::IndexDocument &source);
// The term naming a message's document (to replace or delete it).
Lucene::TermPtr idTerm(qint64 messageId);

} // namespace Mailkeep::Index
