#pragma once

// Internal to the index library: Lucene++ types are fine here, never outside server/index.

#include "core/SearchIndex.h"

#include <QString>

#include <memory>
#include <mutex>

#include <LuceneHeaders.h>

namespace Mailkeep::Index {

inline Error indexError(const QString &what, const Lucene::LuceneException &exception)
{
    return Error(ErrorCode::DatabaseError, what, QString::fromStdWString(exception.getError()));
}

// A reader held for one search: a reader replaced meanwhile by a fresher one is closed only
// when the last search using it lets go (Lucene's reference count).
class ReaderLease
{
public:
    explicit ReaderLease(Lucene::IndexReaderPtr reader);
    ~ReaderLease();
    ReaderLease(const ReaderLease &) = delete;
    ReaderLease &operator=(const ReaderLease &) = delete;
    const Lucene::IndexReaderPtr &get() const { return m_reader; }

private:
    Lucene::IndexReaderPtr m_reader;
};

// One store's index folder: the OS lock on it, the writer, and the reader searches use.
// While a rebuild runs, a second index is written beside it (<folder>.rebuild): searches keep
// using the live one, every change goes to both, and finishing swaps the folders.
// Thread-safe; Lucene exceptions escape only as LuceneException from these methods.
class LuceneStoreIndex
{
public:
    // Opens (creates) the index in `folder`. A damaged index is moved aside to
    // <folder>.damaged-<time> and started anew; a rebuild a crash interrupted is removed.
    static Result<std::shared_ptr<LuceneStoreIndex>> open(const QString &folder);
    ~LuceneStoreIndex();
    LuceneStoreIndex(const LuceneStoreIndex &) = delete;
    LuceneStoreIndex &operator=(const LuceneStoreIndex &) = delete;

    void add(const QList<Core::IndexDocument> &documents, bool replace);
    void remove(const QList<qint64> &messageIds);
    void commit();
    // Every document added so far, whether committed or not.
    std::unique_ptr<ReaderLease> currentReader();

    Status beginRebuild();
    bool rebuilding();
    void addToRebuild(const QList<Core::IndexDocument> &documents);
    // Saves the new index and puts it in the live one's place; the old one is deleted.
    Status finishRebuild();
    void abandonRebuild();

private:
    explicit LuceneStoreIndex(QString folder);
    void openWriter();    // with mutex held
    void refreshReader(); // with mutex held
    void closeRebuild();  // with mutex held; removes the half-built index

    const QString m_folder;
    std::mutex m_mutex;
    bool m_changed = false;
    int m_lockFd = -1;
    Lucene::IndexWriterPtr m_writer;
    Lucene::IndexReaderPtr m_reader;
    // The rebuild in progress, if any.
    int m_rebuildLockFd = -1;
    Lucene::IndexWriterPtr m_rebuildWriter;
};

} // namespace Mailkeep::Index
