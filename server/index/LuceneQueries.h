#pragma once

#include "core/SearchIndex.h"

#include <LuceneHeaders.h>

namespace Mailkeep::Index {

// A parsed query as a Lucene query over the fields LuceneSearchIndex writes.
Lucene::QueryPtr luceneQuery(const Core::SearchNode &node);
// The request's query limited to its folder scopes.
Lucene::QueryPtr scopedQuery(const Core::SearchRequest &request);
Lucene::SortPtr luceneSort(const Core::SearchRequest &request);

inline Lucene::String wide(const QString &text)
{
    return text.toStdWString();
}

} // namespace Mailkeep::Index
