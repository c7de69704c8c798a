#pragma once

#include "core/SearchIndex.h"

#include <QHash>

#include <memory>
#include <mutex>

namespace Mailkeep::Index {

class LuceneStoreIndex;

// The full-text index on Lucene++: one index folder per archive store (the store's indexPath,
// or <index root>/<store uid>), opened on first use and held for writing by this process
// alone (an OS lock, since Lucene++'s own write.lock does not exclude other processes).
// Lucene++ types and exceptions stay inside this library.
class LuceneSearchIndex final : public Core::SearchIndex
{
public:
    explicit LuceneSearchIndex(QString indexRoot);
    ~LuceneSearchIndex() override;

    Status addDocuments(const Core::StoreRecord &store, const QList<Core::IndexDocument> &documents,
                        bool replace) override;
    Status commit(const Core::StoreRecord &store) override;
    Status removeDocuments(const Core::StoreRecord &store,
                           const QList<qint64> &messageIds) override;
    Result<Core::SearchHits> search(const QList<Core::StoreRecord> &stores,
                                    const Core::SearchRequest &request) override;
    Result<QSet<qint64>> documentIds(const Core::StoreRecord &store) override;
    Result<qint64> documentCount(const Core::StoreRecord &store) override;
    void close(const Core::StoreRecord &store) override;
    Status beginRebuild(const Core::StoreRecord &store) override;
    Status addToRebuild(const Core::StoreRecord &store,
                        const QList<Core::IndexDocument> &documents) override;
    Status finishRebuild(const Core::StoreRecord &store) override;
    void abandonRebuild(const Core::StoreRecord &store) override;

    QString indexFolder(const Core::StoreRecord &store) const;

private:
    Result<std::shared_ptr<LuceneStoreIndex>> open(const Core::StoreRecord &store);
    template <typename Change>
    Status change(const Core::StoreRecord &store, const QString &what, Change &&apply);

    QString m_indexRoot;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<LuceneStoreIndex>> m_open; // by store uid
};

} // namespace Mailkeep::Index
