#include "core/SearchQueryParser.h"

#include "core/FolderPaths.h"
#include "core/TextTokenizer.h"

#include <QDateTime>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

struct Token
{
    enum class Kind
    {
        Word,
        Phrase,
        Open,
        Close,
        And,
        Or,
        Not,
        Minus,
        End,
    };
    Kind kind = Kind::End;
    QString text;
    QString field; // for Word and Phrase: "field:" written right before it
    int position = 0;
};

Error syntaxError(const QString &what, int position)
{
    return Error(
        ErrorCode::InvalidArgument,
        u"The search query is not valid at character %1: %2"_s.arg(position + 1).arg(what));
}

Result<QList<Token>> tokenize(const QString &query)
{
    QList<Token> tokens;
    int i = 0;
    const int length = static_cast<int>(query.size());
    while (i < length) {
        const QChar c = query.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'(' || c == u')') {
            tokens.append({c == u'(' ? Token::Kind::Open : Token::Kind::Close, {}, {}, i});
            ++i;
            continue;
        }
        if (c == u'-' && i + 1 < length && !query.at(i + 1).isSpace()) {
            tokens.append({Token::Kind::Minus, {}, {}, i});
            ++i;
            continue;
        }
        const int start = i;
        QString field;
        // field:value — a field name is letters only, followed by a colon.
        int j = i;
        while (j < length && query.at(j).isLetter())
            ++j;
        if (j > i && j < length && query.at(j) == u':') {
            field = query.mid(i, j - i).toLower();
            i = j + 1;
        }
        if (i < length && query.at(i) == u'"') {
            const int close = static_cast<int>(query.indexOf(u'"', i + 1));
            if (close < 0)
                return syntaxError(u"a phrase is not closed with \"."_s, i);
            tokens.append({Token::Kind::Phrase, query.mid(i + 1, close - i - 1), field, start});
            i = close + 1;
            continue;
        }
        j = i;
        while (j < length && !query.at(j).isSpace() && query.at(j) != u'(' && query.at(j) != u')' &&
               query.at(j) != u'"')
            ++j;
        const QString word = query.mid(i, j - i);
        i = j;
        if (field.isEmpty() && word == u"AND"_s)
            tokens.append({Token::Kind::And, {}, {}, start});
        else if (field.isEmpty() && word == u"OR"_s)
            tokens.append({Token::Kind::Or, {}, {}, start});
        else if (field.isEmpty() && word == u"NOT"_s)
            tokens.append({Token::Kind::Not, {}, {}, start});
        else if (word.isEmpty() && !field.isEmpty())
            return syntaxError(u"%1: needs a value."_s.arg(field), start);
        else
            tokens.append({Token::Kind::Word, word, field, start});
    }
    tokens.append({Token::Kind::End, {}, {}, length});
    return tokens;
}

const QStringList kTextFields = {u"from"_s,    u"to"_s,   u"cc"_s,        u"bcc"_s,
                                 u"subject"_s, u"body"_s, u"attachment"_s};

// A date or month, as the first and last second of it (UTC).
std::optional<std::pair<qint64, qint64>> dateSpan(const QString &text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid())
        return std::pair{day.startOfDay(Qt::UTC).toSecsSinceEpoch(),
                         day.addDays(1).startOfDay(Qt::UTC).toSecsSinceEpoch() - 1};
    const QDate month = QDate::fromString(text + u"-01"_s, Qt::ISODate);
    if (month.isValid())
        return std::pair{month.startOfDay(Qt::UTC).toSecsSinceEpoch(),
                         month.addMonths(1).startOfDay(Qt::UTC).toSecsSinceEpoch() - 1};
    const QDate year = QDate::fromString(text + u"-01-01"_s, Qt::ISODate);
    if (text.size() == 4 && year.isValid())
        return std::pair{year.startOfDay(Qt::UTC).toSecsSinceEpoch(),
                         year.addYears(1).startOfDay(Qt::UTC).toSecsSinceEpoch() - 1};
    return std::nullopt;
}

std::optional<qint64> bytes(const QString &text)
{
    static const QRegularExpression kSize(u"^(\\d+(?:\\.\\d+)?)\\s*(b|kb|k|mb|m|gb|g)?$"_s,
                                          QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = kSize.match(text.trimmed());
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2).toLower();
    double value = match.captured(1).toDouble();
    if (unit.startsWith(u'k'))
        value *= 1024;
    else if (unit.startsWith(u'm'))
        value *= 1024 * 1024;
    else if (unit.startsWith(u'g'))
        value *= 1024.0 * 1024 * 1024;
    return static_cast<qint64>(value);
}

// "a..b", ">a", ">=a", "<a", "<=a" or "a" (a whole day, month or size exactly).
Result<SearchNode> rangeNode(const QString &field, const QString &value, bool isDate, int position)
{
    SearchNode node;
    node.kind = SearchNode::Kind::Range;
    node.field = field == u"archived"_s ? u"archived"_s : field;
    const auto low = [&](const QString &text) -> std::optional<qint64> {
        if (isDate) {
            const auto span = dateSpan(text);
            return span ? std::optional<qint64>(span->first) : std::nullopt;
        }
        return bytes(text);
    };
    const auto high = [&](const QString &text) -> std::optional<qint64> {
        if (isDate) {
            const auto span = dateSpan(text);
            return span ? std::optional<qint64>(span->second) : std::nullopt;
        }
        return bytes(text);
    };
    bool ok = true;
    if (value.contains(u".."_s)) {
        const QString from = value.section(u".."_s, 0, 0);
        const QString to = value.section(u".."_s, 1);
        if (!from.isEmpty())
            ok = ok && (node.from = low(from)).has_value();
        if (!to.isEmpty())
            ok = ok && (node.to = high(to)).has_value();
    } else if (value.startsWith(u">="_s)) {
        ok = (node.from = low(value.mid(2))).has_value();
    } else if (value.startsWith(u'>')) {
        ok = (node.from = high(value.mid(1))).has_value();
        if (ok)
            *node.from += 1;
    } else if (value.startsWith(u"<="_s)) {
        ok = (node.to = high(value.mid(2))).has_value();
    } else if (value.startsWith(u'<')) {
        ok = (node.to = low(value.mid(1))).has_value();
        if (ok)
            *node.to -= 1;
    } else {
        node.from = low(value);
        node.to = high(value);
        ok = node.from.has_value() && node.to.has_value();
    }
    if (!ok)
        return syntaxError(
            isDate ? u"%1:%2 is not a date like 2026-03-31, 2026-03 or 2026, or a "
                     "range like 2026-01-01..2026-06-30."_s.arg(field, value)
                   : u"size:%1 is not a size like 500KB, >1MB or 10KB..2MB."_s.arg(value),
            position);
    return node;
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    {}

    Result<SearchNode> parseQuery()
    {
        Result<SearchNode> node = parseOr();
        if (!node.ok())
            return node;
        if (peek().kind == Token::Kind::Close)
            return syntaxError(u"there is a ) without its (."_s, peek().position);
        if (peek().kind != Token::Kind::End)
            return syntaxError(u"unexpected text."_s, peek().position);
        return node;
    }

private:
    const Token &peek() const { return m_tokens.at(m_next); }
    Token take() { return m_tokens.at(m_next++); }

    Result<SearchNode> parseOr()
    {
        SearchNode any{SearchNode::Kind::Any, {}, {}, {}, {}, {}};
        for (;;) {
            Result<SearchNode> part = parseAnd();
            if (!part.ok())
                return part;
            any.children.append(std::move(part).value());
            if (peek().kind != Token::Kind::Or)
                break;
            take();
        }
        return any.children.size() == 1 ? any.children.first() : any;
    }

    Result<SearchNode> parseAnd()
    {
        SearchNode all{SearchNode::Kind::All, {}, {}, {}, {}, {}};
        bool sawPunctuation = false;
        for (;;) {
            if (peek().kind == Token::Kind::And)
                take();
            const Token::Kind next = peek().kind;
            if (next == Token::Kind::End || next == Token::Kind::Close || next == Token::Kind::Or) {
                if (all.children.isEmpty() && sawPunctuation)
                    return SearchNode{SearchNode::Kind::Terms, {}, {}, {}, {}, {}};
                if (all.children.isEmpty())
                    return syntaxError(u"a search term is missing here."_s, peek().position);
                break;
            }
            Result<SearchNode> part = parseUnary();
            if (!part.ok())
                return part;
            // Punctuation on its own ("invoice ,") searches for nothing and is left out.
            if (part->kind == SearchNode::Kind::Terms && part->terms.isEmpty()) {
                sawPunctuation = true;
                continue;
            }
            all.children.append(std::move(part).value());
        }
        return all.children.size() == 1 ? all.children.first() : all;
    }

    Result<SearchNode> parseUnary()
    {
        if (peek().kind == Token::Kind::Not || peek().kind == Token::Kind::Minus) {
            take();
            Result<SearchNode> negated = parseUnary();
            if (!negated.ok())
                return negated;
            return SearchNode{SearchNode::Kind::Not, {}, {}, {}, {}, {negated.value()}};
        }
        const Token token = take();
        switch (token.kind) {
        case Token::Kind::Open: {
            Result<SearchNode> inner = parseOr();
            if (!inner.ok())
                return inner;
            if (peek().kind != Token::Kind::Close)
                return syntaxError(u"a ( is not closed."_s, token.position);
            take();
            return inner;
        }
        case Token::Kind::Word:
        case Token::Kind::Phrase:
            return leaf(token);
        default:
            return syntaxError(u"a search term is missing here."_s, token.position);
        }
    }

    Result<SearchNode> leaf(const Token &token)
    {
        const QString field = token.field;
        if (field == u"date"_s || field == u"archived"_s)
            return rangeNode(field, token.text, true, token.position);
        if (field == u"size"_s)
            return rangeNode(field, token.text, false, token.position);
        if (field == u"has"_s || field == u"hasattachment"_s || field == u"hasattachments"_s) {
            const QString value = token.text.toLower();
            if (value == u"attachment"_s || value == u"attachments"_s || value == u"true"_s)
                return SearchNode{SearchNode::Kind::HasAttachments, {}, {}, {}, {}, {}};
            return syntaxError(u"has:attachment is the only has: there is."_s, token.position);
        }
        if (field == u"folder"_s || field == u"archive"_s) {
            Result<QStringList> segments = folderSegments(token.text);
            if (!segments.ok() || (field == u"archive"_s && segments->size() != 1))
                return syntaxError(
                    u"%1:%2 is not a folder path like alice/Inbox."_s.arg(field, token.text),
                    token.position);
            return SearchNode{
                SearchNode::Kind::Folder, {}, {folderPath(segments.value())}, {}, {}, {}};
        }
        if (field == u"exact"_s) {
            // Each word as written: with accents in the exact forms, a plain word as usual.
            SearchNode all{SearchNode::Kind::All, {}, {}, {}, {}, {}};
            for (const QString &word : token.text.split(u' ', Qt::SkipEmptyParts)) {
                QString exact;
                TextTokenizer::appendExactTerms(word, exact);
                if (!exact.isEmpty())
                    all.children.append({SearchNode::Kind::Terms,
                                         SearchField::Exact,
                                         exact.split(u' '),
                                         {},
                                         {},
                                         {}});
                else if (const QStringList plain = TextTokenizer::terms(word); !plain.isEmpty())
                    all.children.append({SearchNode::Kind::Terms, {}, plain, {}, {}, {}});
            }
            if (all.children.isEmpty())
                return SearchNode{SearchNode::Kind::Terms, {}, {}, {}, {}, {}};
            return all.children.size() == 1 ? all.children.first() : all;
        }
        if (field == u"messageid"_s) {
            QString id = token.text.trimmed().toLower();
            if (id.startsWith(u'<') && id.endsWith(u'>'))
                id = id.mid(1, id.size() - 2);
            return SearchNode{SearchNode::Kind::Terms, SearchField::MessageId, {id}, {}, {}, {}};
        }
        if (!field.isEmpty() && !kTextFields.contains(field))
            return syntaxError(
                u"%1: is not a field; use from, to, cc, bcc, subject, body, "
                "attachment, messageid, date, archived, size, has, folder or archive."_s.arg(field),
                token.position);
        const bool prefix = token.kind == Token::Kind::Word && token.text.endsWith(u'*');
        const QString text = prefix ? token.text.chopped(1) : token.text;
        if (prefix) {
            const QString folded = TextTokenizer::fold(text);
            if (folded.isEmpty() || folded.contains(u'*'))
                return syntaxError(u"a wildcard needs a word in front of the *."_s, token.position);
            return SearchNode{SearchNode::Kind::Prefix, field, {folded}, {}, {}, {}};
        }
        const QStringList terms = TextTokenizer::terms(text);
        // CJK is indexed in pairs: one character alone is found as the start of a pair.
        if (terms.size() == 1 && terms.first().size() <= 2 &&
            TextTokenizer::isCjk(terms.first().toUcs4().value(0)) &&
            terms.first().toUcs4().size() == 1 && token.kind == Token::Kind::Word)
            return SearchNode{SearchNode::Kind::Prefix, field, terms, {}, {}, {}};
        if (terms.isEmpty())
            return SearchNode{SearchNode::Kind::Terms, field, {}, {}, {}, {}}; // punctuation
        if (token.kind == Token::Kind::Phrase || terms.size() > 1) {
            // An address is found whole: its first term is the address itself.
            if (token.kind == Token::Kind::Word && terms.first().contains(u'@'))
                return SearchNode{SearchNode::Kind::Terms, field, {terms.first()}, {}, {}, {}};
            return SearchNode{SearchNode::Kind::Phrase, field, terms, {}, {}, {}};
        }
        return SearchNode{SearchNode::Kind::Terms, field, terms, {}, {}, {}};
    }

    QList<Token> m_tokens;
    qsizetype m_next = 0;
};

// True when the query searches for something: a word, a phrase, a prefix or a filter.
bool searchesForSomething(const SearchNode &node)
{
    switch (node.kind) {
    case SearchNode::Kind::Terms:
    case SearchNode::Kind::Phrase:
        return !node.terms.isEmpty();
    case SearchNode::Kind::All:
    case SearchNode::Kind::Any:
    case SearchNode::Kind::Not:
        return std::any_of(node.children.cbegin(), node.children.cend(), searchesForSomething);
    default:
        return true;
    }
}

} // namespace

Result<SearchNode> SearchQueryParser::parse(const QString &query)
{
    if (query.trimmed().isEmpty())
        return SearchNode{SearchNode::Kind::Everything, {}, {}, {}, {}, {}};
    Result<QList<Token>> tokens = tokenize(query);
    if (!tokens.ok())
        return tokens.error();
    Result<SearchNode> node = Parser(tokens.value()).parseQuery();
    if (!node.ok())
        return node;
    if (!searchesForSomething(node.value()))
        return Error(ErrorCode::InvalidArgument,
                     u"The search query has no word to look for: type a word, a phrase or a "
                     "filter such as from:alice@example.org."_s);
    return node;
}

} // namespace Mailkeep::Core
