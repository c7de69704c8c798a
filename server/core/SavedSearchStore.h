#pragma once

#include "model/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace Mailkeep::Core {

struct SavedSearch
{
    QString name;
    QString query;
    QString folder;
    QString sort;
    QDateTime createdAt;
};

// Each user's saved searches; implemented by Mailkeep::Storage. Blocking.
class SavedSearchStore
{
public:
    virtual ~SavedSearchStore() = default;
    // Replaces a saved search of the same name.
    virtual Status save(qint64 userId, const SavedSearch &search) = 0;
    virtual Result<QList<SavedSearch>> list(qint64 userId) = 0; // by name
    // False when there was none of that name.
    virtual Result<bool> remove(qint64 userId, const QString &name) = 0;
};

} // namespace Mailkeep::Core
