#pragma once

#include "core/StoreCatalog.h"
#include "model/Result.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Mailkeep::Core {

// The text fields of a message in the index, and the names a query uses for them.
namespace SearchField {
inline const QString Subject = QStringLiteral("subject");
inline const QString From = QStringLiteral("from");
inline const QString To = QStringLiteral("to");
inline const QString Cc = QStringLiteral("cc");
inline const QString Bcc = QStringLiteral("bcc");
inline const QString Body = QStringLiteral("body");
inline const QString Attachment = QStringLiteral("attachment"); // names and text/* content
// Not among the text fields a plain word searches: only messageid:<id> finds it.
inline const QString MessageId = QStringLiteral("messageid");
// Exact forms of the words of the subject and of names (TextTokenizer): exact:.
inline const QString Exact = QStringLiteral("exact");
// Header-only, like the rest of this interface: the index library links no core code.
inline QStringList all()
{
    return {Subject, From, To, Cc, Bcc, Body, Attachment};
}
} // namespace SearchField

// One message as the index holds it: terms per field (TextTokenizer), numbers to filter and
// sort by, and the folder with every folder above it (what the privilege filter matches).
struct IndexDocument
{
    qint64 messageId = 0;
    QStringList folderPaths;
    QHash<QString, QString> terms; // field -> its terms, separated by spaces
    QString sortSubject;
    QString sortFrom;
    qint64 messageDate = 0; // seconds since 1970 (0: unknown)
    qint64 archivedAt = 0;
    qint64 size = 0;
    bool hasAttachments = false;
};

// A parsed query (see SearchQueryParser). Leaves match terms; inner nodes combine them.
struct SearchNode
{
    enum class Kind
    {
        Terms,  // all of `terms` in `field` (empty field: any text field)
        Phrase, // `terms` in this order
        Prefix, // a term starting with terms[0]
        All,    // children: every one
        Any,    // children: at least one
        Not,    // children[0] must not match
        Range,  // field "date", "archived" or "size": [from, to] inclusive
        HasAttachments,
        Folder, // in the folder terms[0] or below it
        Everything,
    };
    Kind kind = Kind::Everything;
    QString field;
    QStringList terms;
    std::optional<qint64> from;
    std::optional<qint64> to;
    QList<SearchNode> children;
};

enum class SearchSort
{
    Relevance,
    Date,
    Sender,
    Subject,
    Size,
};

struct SearchRequest
{
    SearchNode query;
    // Only messages in one of these folders (or below them); unrestricted: no such limit.
    bool unrestricted = false;
    QStringList folderScopes;
    SearchSort sort = SearchSort::Date;
    bool descending = true;
    int offset = 0;
    int limit = 50;
};

struct SearchHit
{
    int storeId = 0;
    qint64 messageId = 0;
};

struct SearchHits
{
    qint64 total = 0;
    QList<SearchHit> hits;
};

// The full-text index, one per archive store; implemented by Mailkeep::Index. Thread-safe.
// An index that cannot be read (damaged files) is set aside and started anew, empty: the
// database still knows every message, and StoreIndexer::reconcile fills the new index.
class SearchIndex
{
public:
    virtual ~SearchIndex() = default;
    // Adds the documents (replace: documents of these messages may exist and are replaced).
    // They are found by every search that starts after this returns; they are on disk for
    // good after the next commit.
    virtual Status addDocuments(const StoreRecord &store, const QList<IndexDocument> &documents,
                                bool replace) = 0;
    virtual Status commit(const StoreRecord &store) = 0;
    // Removes and commits.
    virtual Status removeDocuments(const StoreRecord &store, const QList<qint64> &messageIds) = 0;
    virtual Result<SearchHits> search(const QList<StoreRecord> &stores,
                                      const SearchRequest &request) = 0;
    // The message ids the store's index holds (verification), and how many (cheap).
    virtual Result<QSet<qint64>> documentIds(const StoreRecord &store) = 0;
    virtual Result<qint64> documentCount(const StoreRecord &store) = 0;
    // Closes the store's index (before it is detached).
    virtual void close(const StoreRecord &store) = 0;

    // A rebuild writes a second index beside the store's: searches keep using the old one and
    // every change made meanwhile goes to both. finishRebuild puts the new one in its place;
    // abandonRebuild drops it (so does a restart).
    virtual Status beginRebuild(const StoreRecord &store) = 0;
    virtual Status addToRebuild(const StoreRecord &store,
                                const QList<IndexDocument> &documents) = 0;
    virtual Status finishRebuild(const StoreRecord &store) = 0;
    virtual void abandonRebuild(const StoreRecord &store) = 0;
};

} // namespace Mailkeep::Core
