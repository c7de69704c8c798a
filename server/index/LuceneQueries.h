#pragma once

#include "core/SearchIndex.h"

#include <LuceneHeaders.h>

namespace Mailkeep::Index {

// A parsed query as a Lucene query over the fields LuceneSearchIndex writes.
Lucene::QueryPtr luceneQuery(const Core::SearchNode &node);
// The request's query limited to its folder scopes.
Lucene::QueryPtr scopedQuery(const Core::SearchRequest &request);
Lucene::SortPtr luceneSort(const Core::SearchRequest &request);

// Dates and sizes are indexed as trie terms every 8 bits: half the terms of Lucene's default
// of 4 for ranges that stay fast (a query with a step of 8 also reads documents indexed with 4).
constexpr int32_t kNumericPrecisionStep = 8;

inline Lucene::String wide(const QString &text)
{
    return text.toStdWString();
}

} // namespace Mailkeep::Index
