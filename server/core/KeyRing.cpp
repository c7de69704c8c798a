#include "core/KeyRing.h"

#include "crypto/AeadCipher.h"
#include "crypto/RecoveryKey.h"
#include "crypto/SecureRandom.h"

#include <QFile>
#include <QSaveFile>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Core {

namespace {

const QString kCheckProperty = u"crypto.masterKeyCheck"_s;
const QString kRecoveryProperty = u"crypto.masterKeyRecovery"_s; // base64(salt):base64(sealed)
const QByteArray kCheckPlaintext = "mailkeep master key check v1";
const QByteArray kFileHeader = "MAILKEEP-MASTER-KEY-V1\n";

QByteArray contextData(const QString &context)
{
    return "mailkeep-key:" + context.toUtf8();
}

} // namespace

KeyRing::KeyRing(PropertyStore &properties, QString keyFile)
    : m_properties(properties)
    , m_keyFile(std::move(keyFile))
{}

bool KeyRing::isUnlocked() const
{
    std::lock_guard lock(m_mutex);
    return !m_masterKey.isEmpty();
}

Result<std::optional<QString>> KeyRing::open()
{
    Result<std::optional<QString>> check = m_properties.property(kCheckProperty);
    if (!check.ok())
        return check.error();
    Result<std::optional<QByteArray>> file = readKeyFile();
    if (!file.ok())
        return file.error();

    if (!check->has_value()) {
        // A new database. Keep an existing key file (a re-created database keeps its keys).
        const QByteArray masterKey =
            file->value_or(Crypto::SecureRandom::bytes(Crypto::AeadCipher::kKeyBytes));
        const QString recoveryKey = Crypto::RecoveryKey::generate();
        if (!file->has_value()) {
            if (Status written = writeKeyFile(masterKey); !written.ok())
                return written.error();
        }
        if (Status stored = storeRecoveryWrap(masterKey, recoveryKey); !stored.ok())
            return stored.error();
        Result<QByteArray> checkValue = Crypto::AeadCipher::seal(masterKey, kCheckPlaintext);
        if (!checkValue.ok())
            return checkValue.error();
        if (Status stored = m_properties.setProperty(kCheckProperty,
                                                     QString::fromLatin1(checkValue->toBase64()));
            !stored.ok()) {
            return stored.error();
        }
        std::lock_guard lock(m_mutex);
        m_masterKey = masterKey;
        return std::optional<QString>(recoveryKey);
    }

    if (!file->has_value())
        return std::optional<QString>(); // locked until unlock(recovery key)
    if (Status belongs = checkBelongs(file->value()); !belongs.ok())
        return belongs.error();
    std::lock_guard lock(m_mutex);
    m_masterKey = file->value();
    return std::optional<QString>();
}

Status KeyRing::checkBelongs(const QByteArray &masterKey)
{
    Result<std::optional<QString>> check = m_properties.property(kCheckProperty);
    if (!check.ok())
        return check.error();
    const QByteArray sealed = QByteArray::fromBase64(check->value_or(QString()).toLatin1());
    if (!Crypto::AeadCipher::open(masterKey, sealed).ok()) {
        return Error(ErrorCode::PermissionDenied,
                     u"The master key file %1 does not belong to this database. Restore the "
                     "right file, or remove it and unlock the archive with the recovery key."_s.arg(
                         m_keyFile));
    }
    return {};
}

Status KeyRing::unlock(const QString &recoveryKey)
{
    Result<std::optional<QString>> stored = m_properties.property(kRecoveryProperty);
    if (!stored.ok())
        return stored.error();
    const QStringList parts = stored->value_or(QString()).split(u':');
    if (parts.size() != 2)
        return Error(ErrorCode::NotFound, u"This archive has no recovery key yet."_s);
    const QByteArray salt = QByteArray::fromBase64(parts[0].toLatin1());
    const QByteArray sealed = QByteArray::fromBase64(parts[1].toLatin1());
    Result<QByteArray> wrappingKey = Crypto::RecoveryKey::deriveWrappingKey(recoveryKey, salt);
    if (!wrappingKey.ok())
        return wrappingKey.error();
    Result<QByteArray> masterKey =
        Crypto::AeadCipher::open(wrappingKey.value(), sealed, contextData(u"recovery"_s));
    if (!masterKey.ok())
        return Error(ErrorCode::PermissionDenied, u"The recovery key is not the right one."_s);
    if (Status belongs = checkBelongs(masterKey.value()); !belongs.ok())
        return belongs;
    if (Status written = writeKeyFile(masterKey.value()); !written.ok())
        return written;
    std::lock_guard lock(m_mutex);
    m_masterKey = masterKey.value();
    return {};
}

Result<QString> KeyRing::replaceRecoveryKey()
{
    QByteArray masterKey;
    {
        std::lock_guard lock(m_mutex);
        masterKey = m_masterKey;
    }
    if (masterKey.isEmpty())
        return Error(ErrorCode::PermissionDenied, u"The archive is locked."_s);
    const QString recoveryKey = Crypto::RecoveryKey::generate();
    if (Status stored = storeRecoveryWrap(masterKey, recoveryKey); !stored.ok())
        return stored.error();
    return recoveryKey;
}

Status KeyRing::storeRecoveryWrap(const QByteArray &masterKey, const QString &recoveryKey)
{
    const QByteArray salt = Crypto::SecureRandom::bytes(Crypto::RecoveryKey::kSaltBytes);
    Result<QByteArray> wrappingKey = Crypto::RecoveryKey::deriveWrappingKey(recoveryKey, salt);
    if (!wrappingKey.ok())
        return wrappingKey.error();
    Result<QByteArray> sealed =
        Crypto::AeadCipher::seal(wrappingKey.value(), masterKey, contextData(u"recovery"_s));
    if (!sealed.ok())
        return sealed.error();
    return m_properties.setProperty(kRecoveryProperty, QString::fromLatin1(salt.toBase64()) + u':' +
                                                           QString::fromLatin1(sealed->toBase64()));
}

Status KeyRing::writeKeyFile(const QByteArray &masterKey) const
{
    QSaveFile file(m_keyFile);
    if (!file.open(QIODevice::WriteOnly))
        return Error(ErrorCode::IoError, u"Cannot write the master key file %1."_s.arg(m_keyFile),
                     file.errorString());
    // Before any key byte is written: owner only.
    ::fchmod(file.handle(), 0600);
    file.write(kFileHeader + masterKey.toBase64() + '\n');
    if (!file.commit())
        return Error(ErrorCode::IoError, u"Cannot write the master key file %1."_s.arg(m_keyFile),
                     file.errorString());
    return {};
}

Result<std::optional<QByteArray>> KeyRing::readKeyFile() const
{
    QFile file(m_keyFile);
    if (!file.exists())
        return std::optional<QByteArray>();
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::IoError, u"Cannot read the master key file %1."_s.arg(m_keyFile),
                     file.errorString());
    const QByteArray contents = file.read(4096);
    const QByteArray key = QByteArray::fromBase64(contents.mid(kFileHeader.size()).trimmed());
    if (!contents.startsWith(kFileHeader) || key.size() != Crypto::AeadCipher::kKeyBytes)
        return Error(ErrorCode::InvalidArgument,
                     u"The master key file %1 is damaged."_s.arg(m_keyFile));
    return std::optional<QByteArray>(key);
}

Result<QByteArray> KeyRing::wrapKey(const QByteArray &dataKey, const QString &context) const
{
    std::lock_guard lock(m_mutex);
    if (m_masterKey.isEmpty())
        return Error(ErrorCode::PermissionDenied, u"The archive is locked."_s);
    return Crypto::AeadCipher::seal(m_masterKey, dataKey, contextData(context));
}

Result<QByteArray> KeyRing::unwrapKey(const QByteArray &wrapped, const QString &context) const
{
    std::lock_guard lock(m_mutex);
    if (m_masterKey.isEmpty())
        return Error(ErrorCode::PermissionDenied, u"The archive is locked."_s);
    return Crypto::AeadCipher::open(m_masterKey, wrapped, contextData(context));
}

} // namespace Mailkeep::Core
