#pragma once

#include "core/PropertyStore.h"
#include "model/Result.h"

#include <QByteArray>
#include <QString>

#include <mutex>
#include <optional>

namespace Mailkeep::Core {

// The master key that wraps every archive store's data key.
//
// It lives in a 0600 file in the data folder, never in the database; the database holds only
// (a) a check value that tells whether a key file belongs to it and (b) the master key wrapped
// by a key derived from the recovery key. So a stolen database dump decrypts nothing, and a
// lost key file is replaced by unlock(recoveryKey).
class KeyRing
{
public:
    KeyRing(PropertyStore &properties, QString keyFile);

    // First start (no key material in the database): creates the master key and its file and
    // returns the recovery key, which is shown once and never stored. Later starts load and
    // check the key file and return nullopt; without the file the ring stays locked (not an
    // error) until unlock(). A key file that belongs to another database is an error.
    Result<std::optional<QString>> open();
    bool isUnlocked() const;

    // Recovers the master key with the recovery key and writes the key file again.
    Status unlock(const QString &recoveryKey);
    // Makes a new recovery key (the old one stops working) and returns it. Needs an unlocked ring.
    Result<QString> replaceRecoveryKey();

    // Data keys are wrapped for one context (e.g. "store:3"), so they cannot be swapped.
    Result<QByteArray> wrapKey(const QByteArray &dataKey, const QString &context) const;
    Result<QByteArray> unwrapKey(const QByteArray &wrapped, const QString &context) const;
    // Secrets at rest (profile passwords, private keys of credentials), sealed for one context
    // (e.g. "profile:<uid>") like the data keys.
    Result<QByteArray> sealSecret(const QByteArray &secret, const QString &context) const
    {
        return wrapKey(secret, QStringLiteral("secret:") + context);
    }
    Result<QByteArray> openSecret(const QByteArray &sealed, const QString &context) const
    {
        return unwrapKey(sealed, QStringLiteral("secret:") + context);
    }

private:
    Status storeRecoveryWrap(const QByteArray &masterKey, const QString &recoveryKey);
    Status writeKeyFile(const QByteArray &masterKey) const;
    Result<std::optional<QByteArray>> readKeyFile() const;
    Status checkBelongs(const QByteArray &masterKey);

    PropertyStore &m_properties;
    QString m_keyFile;
    mutable std::mutex m_mutex;
    QByteArray m_masterKey; // empty while locked
};

} // namespace Mailkeep::Core
