#pragma once

#include "core/UserStore.h"

#include <QHash>

#include <mutex>

// An in-memory UserStore for service tests; counts lookups so caching can be observed.
class FakeUserStore final : public Mailkeep::Core::UserStore
{
public:
    Mailkeep::Result<std::optional<Mailkeep::Core::UserRecord>>
    findUser(const QString &name) override
    {
        std::lock_guard lock(mutex);
        ++lookups;
        if (failing)
            return Mailkeep::Error(Mailkeep::ErrorCode::Unavailable, QStringLiteral("down"));
        const auto found = users.constFind(name);
        if (found == users.cend())
            return std::optional<Mailkeep::Core::UserRecord>();
        return std::optional<Mailkeep::Core::UserRecord>(*found);
    }
    Mailkeep::Result<Mailkeep::Core::UserRecord>
    createUser(const Mailkeep::Core::UserRecord &user) override
    {
        std::lock_guard lock(mutex);
        if (users.contains(user.userName))
            return Mailkeep::Error(Mailkeep::ErrorCode::AlreadyExists, QStringLiteral("exists"));
        Mailkeep::Core::UserRecord stored = user;
        stored.id = users.size() + 1;
        users.insert(user.userName, stored);
        return stored;
    }
    Mailkeep::Result<QList<Mailkeep::Core::UserRecord>> listUsers() override
    {
        std::lock_guard lock(mutex);
        return users.values();
    }
    Mailkeep::Status updateUser(const QString &name, Mailkeep::Core::UserField field,
                                const QVariant &value) override
    {
        std::lock_guard lock(mutex);
        if (!users.contains(name))
            return Mailkeep::Error(Mailkeep::ErrorCode::NotFound, QStringLiteral("no user"));
        if (field == Mailkeep::Core::UserField::PasswordHash)
            users[name].passwordHash = value.toString();
        return {};
    }
    Mailkeep::Status deleteUser(const QString &name) override
    {
        std::lock_guard lock(mutex);
        return users.remove(name) ? Mailkeep::Status()
                                  : Mailkeep::Status(Mailkeep::Error(Mailkeep::ErrorCode::NotFound,
                                                                     QStringLiteral("no user")));
    }
    Mailkeep::Status renameUser(const QString &oldName, const QString &newName) override
    {
        std::lock_guard lock(mutex);
        if (!users.contains(oldName))
            return Mailkeep::Error(Mailkeep::ErrorCode::NotFound, QStringLiteral("no user"));
        Mailkeep::Core::UserRecord user = users.take(oldName);
        user.userName = newName;
        users.insert(newName, user);
        return {};
    }
    Mailkeep::Result<std::optional<QString>> property(const QString &name) override
    {
        std::lock_guard lock(mutex);
        if (!properties.contains(name))
            return std::optional<QString>();
        return std::optional<QString>(properties.value(name));
    }
    Mailkeep::Status setProperty(const QString &name, const QString &value) override
    {
        std::lock_guard lock(mutex);
        properties.insert(name, value);
        return {};
    }

    std::mutex mutex;
    QHash<QString, Mailkeep::Core::UserRecord> users;
    QHash<QString, QString> properties;
    int lookups = 0;
    bool failing = false;
};
