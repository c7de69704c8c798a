#include "index/LuceneQueries.h"

#include <QueryWrapperFilter.h>

#include <ConstantScoreQuery.h>
#include <FieldCache.h>
#include <MatchAllDocsQuery.h>
#include <NumericRangeQuery.h>
#include <PhraseQuery.h>
#include <PrefixQuery.h>
#include <Sort.h>
#include <SortField.h>

using namespace Qt::Literals::StringLiterals;
using namespace Lucene;

namespace Mailkeep::Index {

namespace {

QStringList fieldsOf(const Core::SearchNode &node)
{
    return node.field.isEmpty() ? Core::SearchField::all() : QStringList{node.field};
}

// One query per field, any of them.
template <typename MakeQuery> QueryPtr anyField(const Core::SearchNode &node, MakeQuery make)
{
    const QStringList fields = fieldsOf(node);
    if (fields.size() == 1)
        return make(wide(fields.first()));
    BooleanQueryPtr any = newLucene<BooleanQuery>();
    for (const QString &field : fields)
        any->add(make(wide(field)), BooleanClause::SHOULD);
    return any;
}

QueryPtr nothing()
{
    BooleanQueryPtr none = newLucene<BooleanQuery>();
    none->add(newLucene<MatchAllDocsQuery>(), BooleanClause::MUST_NOT);
    return none;
}

} // namespace

QueryPtr luceneQuery(const Core::SearchNode &node)
{
    using Kind = Core::SearchNode::Kind;
    switch (node.kind) {
    case Kind::Everything:
        return newLucene<MatchAllDocsQuery>();
    case Kind::Terms: {
        if (node.terms.isEmpty())
            return nothing();
        BooleanQueryPtr all = newLucene<BooleanQuery>();
        for (const QString &term : node.terms) {
            all->add(anyField(node,
                              [&](const String &field) -> QueryPtr {
                                  return newLucene<TermQuery>(newLucene<Term>(field, wide(term)));
                              }),
                     BooleanClause::MUST);
        }
        return all;
    }
    case Kind::Phrase:
        if (node.terms.isEmpty())
            return nothing();
        return anyField(node, [&](const String &field) -> QueryPtr {
            PhraseQueryPtr phrase = newLucene<PhraseQuery>();
            for (const QString &term : node.terms)
                phrase->add(newLucene<Term>(field, wide(term)));
            return phrase;
        });
    case Kind::Prefix:
        if (node.terms.isEmpty())
            return nothing();
        return anyField(node, [&](const String &field) -> QueryPtr {
            return newLucene<PrefixQuery>(newLucene<Term>(field, wide(node.terms.first())));
        });
    case Kind::All:
    case Kind::Any: {
        BooleanQueryPtr combined = newLucene<BooleanQuery>();
        bool positive = false;
        for (const Core::SearchNode &child : node.children) {
            if (child.kind == Kind::Not && node.kind == Kind::All) {
                combined->add(luceneQuery(child.children.value(0)), BooleanClause::MUST_NOT);
                continue;
            }
            positive = true;
            combined->add(luceneQuery(child),
                          node.kind == Kind::All ? BooleanClause::MUST : BooleanClause::SHOULD);
        }
        // Only exclusions: they exclude from everything.
        if (!positive)
            combined->add(newLucene<MatchAllDocsQuery>(), BooleanClause::MUST);
        return combined;
    }
    case Kind::Not: {
        BooleanQueryPtr excluded = newLucene<BooleanQuery>();
        excluded->add(newLucene<MatchAllDocsQuery>(), BooleanClause::MUST);
        excluded->add(luceneQuery(node.children.value(0)), BooleanClause::MUST_NOT);
        return excluded;
    }
    case Kind::Range:
        return NumericRangeQuery::newLongRange(
            wide(node.field), kNumericPrecisionStep,
            node.from.value_or(std::numeric_limits<int64_t>::min()),
            node.to.value_or(std::numeric_limits<int64_t>::max()), true, true);
    case Kind::HasAttachments:
        return newLucene<TermQuery>(newLucene<Term>(L"hasattachments", L"1"));
    case Kind::Folder:
        return newLucene<TermQuery>(newLucene<Term>(L"folder", wide(node.terms.value(0))));
    }
    return nothing();
}

QueryPtr scopedQuery(const Core::SearchRequest &request)
{
    QueryPtr query = luceneQuery(request.query);
    if (request.unrestricted)
        return query;
    BooleanQueryPtr scopes = newLucene<BooleanQuery>();
    for (const QString &folder : request.folderScopes)
        scopes->add(newLucene<TermQuery>(newLucene<Term>(L"folder", wide(folder))),
                    BooleanClause::SHOULD);
    BooleanQueryPtr scoped = newLucene<BooleanQuery>();
    scoped->add(query, BooleanClause::MUST);
    // The scope decides which documents, not how well they match.
    ConstantScoreQueryPtr filter =
        newLucene<ConstantScoreQuery>(newLucene<QueryWrapperFilter>(scopes));
    filter->setBoost(0);
    scoped->add(filter, BooleanClause::MUST);
    return scoped;
}

SortPtr luceneSort(const Core::SearchRequest &request)
{
    const bool reverse = request.descending;
    switch (request.sort) {
    case Core::SearchSort::Relevance:
        return Sort::RELEVANCE();
    case Core::SearchSort::Date:
        return newLucene<Sort>(
            newLucene<SortField>(L"date", FieldCache::NUMERIC_UTILS_LONG_PARSER(), reverse));
    case Core::SearchSort::Size:
        return newLucene<Sort>(
            newLucene<SortField>(L"size", FieldCache::NUMERIC_UTILS_LONG_PARSER(), reverse));
    case Core::SearchSort::Sender:
        return newLucene<Sort>(newLucene<SortField>(L"sortfrom", SortField::STRING, reverse));
    case Core::SearchSort::Subject:
        return newLucene<Sort>(newLucene<SortField>(L"sortsubject", SortField::STRING, reverse));
    }
    return Sort::RELEVANCE();
}

} // namespace Mailkeep::Index
