#include "connectors/imap/VmimeImapConnection.h"

#include "connectors/imap/ClosedAwareSocket.h"
#include "crypto/CertificateChainCheck.h"

#include <QElapsedTimer>
#include <QHash>

#include <atomic>
#include <mutex>
#include <vmime/net/imap/IMAPFolder.hpp>
#include <vmime/net/imap/IMAPFolderStatus.hpp>
#include <vmime/net/imap/IMAPMessage.hpp>
#include <vmime/platforms/posix/posixHandler.hpp>
#include <vmime/security/sasl/SASLMechanismFactory.hpp>
#include <vmime/security/sasl/XOAuth2SASLAuthenticator.hpp>
#include <vmime/security/sasl/XOAuth2SASLMechanism.hpp>
#include <vmime/vmime.hpp>

using namespace Qt::Literals::StringLiterals;

namespace Mailkeep::Connectors {

namespace {

using Core::ImapAccount;
using Core::MailboxFolder;
using Core::MailboxFolderState;
using Core::MailboxMessageInfo;

void initialiseVmime()
{
    static std::once_flag once;
    std::call_once(once, [] {
        vmime::platform::setHandler<vmime::platforms::posix::posixHandler>();
        // Debian's vmime has the XOAUTH2 mechanism but does not offer it by itself.
        vmime::security::sasl::SASLMechanismFactory::getInstance()
            ->registerMechanism<vmime::security::sasl::XOAuth2SASLMechanism>("XOAUTH2");
    });
}

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// Checks the server's chain as a mail client must, unless the profile says otherwise.
class ChainVerifier final : public vmime::security::cert::certificateVerifier
{
public:
    ChainVerifier(bool ignoreErrors, QString extraAuthorities)
        : m_ignore(ignoreErrors)
        , m_extraAuthorities(std::move(extraAuthorities))
    {}
    void verify(vmime::shared_ptr<vmime::security::cert::certificateChain> chain,
                const vmime::string &hostname) override
    {
        if (m_ignore)
            return;
        QList<QByteArray> der;
        for (size_t i = 0; i < chain->getCount(); ++i) {
            const vmime::byteArray bytes = chain->getAt(i)->getEncoded();
            der.append(QByteArray(reinterpret_cast<const char *>(bytes.data()),
                                  static_cast<qsizetype>(bytes.size())));
        }
        const Status checked =
            Crypto::checkCertificateChain(der, text(hostname), m_extraAuthorities);
        if (!checked.ok()) {
            m_failure = checked.error().message;
            throw vmime::security::cert::certificateException(m_failure.toStdString());
        }
    }
    QString failure() const { return m_failure; }

private:
    bool m_ignore;
    QString m_extraAuthorities;
    QString m_failure;
};

// Ends a wait after the timeout without data, or at once when the run is cancelled.
class Timeout final : public vmime::net::timeoutHandler
{
public:
    Timeout(int seconds, Core::CancelCheck cancel)
        : m_milliseconds(qint64(seconds) * 1000)
        , m_cancel(std::move(cancel))
    {
        m_timer.start();
    }
    bool isTimeOut() override
    {
        return (m_cancel && m_cancel()) || m_timer.elapsed() > m_milliseconds;
    }
    void resetTimeOut() override { m_timer.restart(); }
    bool handleTimeOut() override { return false; }

private:
    qint64 m_milliseconds;
    Core::CancelCheck m_cancel;
    QElapsedTimer m_timer;
};

// Keeps the last line the server sent. vmime reports a failed APPEND with the continuation
// ("+ Ready ...") it got before the message instead of the server's final answer; Exchange's
// throttling and limits are in that answer.
class LastLineTracer final : public vmime::net::tracer
{
public:
    explicit LastLineTracer(std::shared_ptr<std::string> last)
        : m_last(std::move(last))
    {}
    void traceSend(const vmime::string &) override {}
    void traceReceive(const vmime::string &line) override { *m_last = line; }

private:
    std::shared_ptr<std::string> m_last;
};

class LastLineTracerFactory final : public vmime::net::tracerFactory
{
public:
    explicit LastLineTracerFactory(std::shared_ptr<std::string> last)
        : m_last(std::move(last))
    {}
    vmime::shared_ptr<vmime::net::tracer> create(vmime::shared_ptr<vmime::net::service>,
                                                 const int) override
    {
        return vmime::make_shared<LastLineTracer>(m_last);
    }

private:
    std::shared_ptr<std::string> m_last;
};

class TimeoutFactory final : public vmime::net::timeoutHandlerFactory
{
public:
    TimeoutFactory(int seconds, Core::CancelCheck cancel)
        : m_seconds(seconds)
        , m_cancel(std::move(cancel))
    {}
    vmime::shared_ptr<vmime::net::timeoutHandler> create() override
    {
        return vmime::make_shared<Timeout>(m_seconds, m_cancel);
    }

private:
    int m_seconds;
    Core::CancelCheck m_cancel;
};

QString roleFrom(const vmime::net::folderAttributes &attributes, const QString &path)
{
    switch (attributes.getSpecialUse()) {
    case vmime::net::folderAttributes::SPECIALUSE_TRASH:
        return u"trash"_s;
    case vmime::net::folderAttributes::SPECIALUSE_JUNK:
        return u"junk"_s;
    case vmime::net::folderAttributes::SPECIALUSE_DRAFTS:
        return u"drafts"_s;
    case vmime::net::folderAttributes::SPECIALUSE_SENT:
        return u"sent"_s;
    case vmime::net::folderAttributes::SPECIALUSE_ARCHIVE:
        return u"archive"_s;
    default:
        break;
    }
    // Servers without special-use attributes: the usual names.
    const QString name = path.section(u'/', -1).toLower();
    static const QStringList trash{u"trash"_s, u"deleted items"_s, u"deleted messages"_s,
                                   u"papierkorb"_s, u"gelöschte elemente"_s};
    static const QStringList junk{u"junk"_s, u"spam"_s, u"junk e-mail"_s, u"junk email"_s,
                                  u"junk-e-mail"_s};
    static const QStringList drafts{u"drafts"_s, u"entwürfe"_s};
    static const QStringList sent{u"sent"_s, u"sent items"_s, u"sent messages"_s,
                                  u"gesendete elemente"_s, u"gesendet"_s};
    if (trash.contains(name))
        return u"trash"_s;
    if (junk.contains(name))
        return u"junk"_s;
    if (drafts.contains(name))
        return u"drafts"_s;
    if (sent.contains(name))
        return u"sent"_s;
    return QString();
}

vmime::net::folder::path folderPath(const QString &path)
{
    vmime::net::folder::path result;
    for (const QString &segment : path.split(u'/', Qt::SkipEmptyParts))
        result.appendComponent(
            vmime::net::folder::path::component(segment.toStdString(), vmime::charsets::UTF_8));
    return result;
}

QString pathText(const vmime::net::folder::path &path)
{
    QStringList segments;
    for (size_t i = 0; i < path.getSize(); ++i)
        segments << text(path.getComponentAt(i).getConvertedText(vmime::charsets::UTF_8));
    return segments.join(u'/');
}

class VmimeImapConnection final : public Core::MailboxConnection
{
public:
    VmimeImapConnection(const ImapAccount &account, Core::CancelCheck cancel)
        : m_account(account)
        , m_cancel(std::move(cancel))
        , m_verifier(vmime::make_shared<ChainVerifier>(account.ignoreCertificateErrors,
                                                       account.extraAuthorities))
    {}

    ~VmimeImapConnection() override
    {
        try {
            if (m_folder && m_folder->isOpen())
                closeFolder();
        } catch (const std::exception &) {
            // A dropped connection: the folder cannot be closed on the server.
        }
        try {
            if (m_store && m_store->isConnected())
                m_store->disconnect();
        } catch (const std::exception &) {
            // The connection is gone either way.
        }
        // The store goes first: it tells its folders that it is gone, so they must still exist
        // (vmime keeps plain pointers to them).
        m_store.reset();
        m_folder.reset();
        m_session.reset();
    }

    Status connect()
    {
        return guarded([this]() -> Status {
            initialiseVmime();
            m_session = vmime::net::session::create();
            const bool implicit = m_account.security == ImapAccount::Security::Tls;
            vmime::utility::url url(implicit ? "imaps" : "imap", m_account.host.toStdString(),
                                    m_account.port);
            m_store = m_session->getStore(url);
            const bool startTls = m_account.security == ImapAccount::Security::StartTls;
            m_store->setProperty("connection.tls", startTls);
            m_store->setProperty("connection.tls.required", startTls);
            m_store->setProperty("auth.username", m_account.userName.toStdString());
            if (m_account.accessToken.isEmpty()) {
                // The LOGIN command: every server has it.
                m_store->setProperty("options.sasl", false);
                m_store->setProperty("auth.password", m_account.password.toStdString());
            } else {
                // OAuth (Exchange Online): XOAUTH2 and nothing else.
                m_store->setProperty("options.sasl", true);
                m_store->setProperty("options.sasl.fallback", false);
                m_store->setProperty("auth.accesstoken", m_account.accessToken.toStdString());
                m_store->setAuthenticator(
                    vmime::make_shared<vmime::security::sasl::XOAuth2SASLAuthenticator>(
                        vmime::security::sasl::XOAuth2SASLAuthenticator::MODE_EXCLUSIVE));
            }
            m_store->setCertificateVerifier(m_verifier);
            m_store->setTracerFactory(vmime::make_shared<LastLineTracerFactory>(m_lastLine));
            m_store->setSocketFactory(vmime::make_shared<ClosedAwareSocketFactory>(
                vmime::platform::getHandler()->getSocketFactory(), m_lost));
            m_store->setTimeoutHandlerFactory(
                vmime::make_shared<TimeoutFactory>(m_account.timeoutSeconds, m_cancel));
            m_store->connect();
            return {};
        });
    }

    // Only the flag: the thread fetching ahead may be using the store meanwhile.
    bool connected() const override { return !m_lost->load(); }

    Result<QList<MailboxFolder>> folders() override
    {
        QList<MailboxFolder> list;
        Status listed = guarded([&]() -> Status {
            for (const auto &folder : m_store->getRootFolder()->getFolders(true)) {
                const QString path = pathText(folder->getFullPath());
                const vmime::net::folderAttributes attributes = folder->getAttributes();
                list.append(
                    {path, roleFrom(attributes, path),
                     !(attributes.getFlags() & vmime::net::folderAttributes::FLAG_NO_OPEN)});
            }
            return {};
        });
        if (!listed.ok())
            return listed.error();
        return list;
    }

    Result<MailboxFolderState> openFolder(const QString &path) override
    {
        MailboxFolderState state;
        Status opened = guarded([&]() -> Status {
            if (m_folder && m_folder->isOpen())
                closeFolder();
            m_folder = path.compare(u"INBOX"_s, Qt::CaseInsensitive) == 0
                           ? m_store->getDefaultFolder()
                           : m_store->getFolder(folderPath(path));
            openQuietly();
            const auto status =
                vmime::dynamicCast<vmime::net::imap::IMAPFolderStatus>(m_folder->getStatus());
            if (status) {
                state.uidValidity = status->getUIDValidity();
                state.uidNext = static_cast<quint32>(status->getUIDNext());
            }
            state.messages = static_cast<qint64>(m_folder->getMessageCount());
            return {};
        });
        if (!opened.ok())
            return opened.error();
        m_openPath = path;
        return state;
    }

    Result<QList<MailboxMessageInfo>> messagesFrom(quint32 firstUid) override
    {
        QList<MailboxMessageInfo> list;
        Status fetched = guarded([&]() -> Status {
            if (m_folder->getMessageCount() == 0)
                return {};
            // UID SEARCH, then the attributes a slice at a time. vmime matches every untagged
            // FETCH answer against each message object alive in the folder, so asking for all
            // of a large folder at once would cost the square of its size.
            const std::vector<size_t> numbers = m_folder->getMessageNumbersStartingOnUID(
                std::to_string(std::max<quint32>(1, firstUid)));
            constexpr size_t kSlice = 500;
            for (size_t from = 0; from < numbers.size(); from += kSlice) {
                const std::vector<size_t> slice(
                    numbers.begin() + static_cast<std::ptrdiff_t>(from),
                    numbers.begin() +
                        static_cast<std::ptrdiff_t>(std::min(numbers.size(), from + kSlice)));
                auto messages = m_folder->getMessages(vmime::net::messageSet::byNumber(slice));
                m_folder->fetchMessages(messages, vmime::net::fetchAttributes::FLAGS |
                                                      vmime::net::fetchAttributes::SIZE |
                                                      vmime::net::fetchAttributes::UID);
                for (const auto &message : messages) {
                    const quint32 uid = static_cast<quint32>(
                        std::stoul(static_cast<std::string>(message->getUID())));
                    // "n:*" names the last message even when its UID is below n.
                    if (uid < firstUid)
                        continue;
                    list.append({uid,
                                 static_cast<qint64>(message->getSize()),
                                 (message->getFlags() & vmime::net::message::FLAG_SEEN) != 0,
                                 {}});
                }
            }
            return {};
        });
        if (!fetched.ok())
            return fetched.error();
        std::sort(
            list.begin(), list.end(),
            [](const MailboxMessageInfo &a, const MailboxMessageInfo &b) { return a.uid < b.uid; });
        return list;
    }

    Result<QByteArray> fetch(quint32 uid) override
    {
        std::string bytes;
        bool found = true;
        Status fetched = guarded([&]() -> Status {
            // A message object that knows its UID fetches with UID FETCH: one round trip, and
            // right whatever the server renumbered. (Looking it up by UID first costs a second.)
            auto imapFolder = vmime::dynamicCast<vmime::net::imap::IMAPFolder>(m_folder);
            auto message = vmime::make_shared<vmime::net::imap::IMAPMessage>(
                imapFolder, size_t(1), vmime::net::message::uid(std::to_string(uid)));
            vmime::utility::outputStreamStringAdapter out(bytes);
            message->extract(out, nullptr, 0, static_cast<size_t>(-1), true);
            if (bytes.empty()) // no answer: gone, unless it really is empty
                found = !m_folder->getMessages(vmime::net::messageSet::byUID(std::to_string(uid)))
                             .empty();
            return {};
        });
        if (!fetched.ok())
            return fetched.error();
        if (!found)
            return Error(ErrorCode::NotFound,
                         u"Message %1 is no longer in %2."_s.arg(uid).arg(m_openPath));
        return QByteArray::fromStdString(bytes);
    }

    Status remove(const QList<quint32> &uids) override
    {
        if (uids.isEmpty())
            return {};
        return guarded([&]() -> Status {
            std::vector<vmime::net::message::uid> list;
            for (quint32 uid : uids)
                list.emplace_back(std::to_string(uid));
            m_folder->deleteMessages(vmime::net::messageSet::byUID(list));
            m_folder->expunge();
            return {};
        });
    }

    Status createFolder(const QString &path) override
    {
        return guarded([&]() -> Status {
            auto folder = m_store->getFolder(folderPath(path));
            if (!folder->exists())
                folder->create(vmime::net::folderAttributes());
            return {};
        });
    }

    Status append(const QString &folderName, const QByteArray &raw, bool seen,
                  const QDateTime &date) override
    {
        // vmime appends to the open folder only.
        if (m_openPath != folderName || !m_folder || !m_folder->isOpen()) {
            if (Result<MailboxFolderState> opened = openFolder(folderName); !opened.ok())
                return opened.error();
        }
        return guarded([&]() -> Status {
            auto folder = m_folder;
            vmime::utility::inputStreamByteBufferAdapter in(

                reinterpret_cast<const vmime::byte_t *>(raw.constData()),
                static_cast<size_t>(raw.size()));
            const QDateTime utc = date.isValid() ? date.toUTC() : QDateTime::currentDateTimeUtc();
            vmime::datetime when(utc.date().year(), utc.date().month(), utc.date().day(),
                                 utc.time().hour(), utc.time().minute(), utc.time().second(),
                                 vmime::datetime::GMT);
            folder->addMessage(in, static_cast<size_t>(raw.size()),
                               seen ? vmime::net::message::FLAG_SEEN : 0, &when);
            return {};
        });
    }

private:
    // Runs `work` and turns vmime's exceptions into errors an administrator can act on.
    Status guarded(const std::function<Status()> &work)
    {
        const QString where = u"%1:%2"_s.arg(m_account.host).arg(m_account.port);
        try {
            return work();
        } catch (const vmime::security::cert::certificateException &e) {
            return Error(
                ErrorCode::PermissionDenied,
                m_verifier->failure().isEmpty()
                    ? u"The certificate of %1 is not accepted: %2"_s.arg(where, text(e.what()))
                    : m_verifier->failure());
        } catch (const vmime::exceptions::authentication_error &e) {
            // A failed SASL exchange says only that it failed; the server's answer says why.
            QString answer = text(e.response()).trimmed();
            if (answer.isEmpty() || answer.contains(u"all mechanisms failed"_s))
                answer = text(*m_lastLine).trimmed();
            return Error(ErrorCode::Unauthenticated, u"%1 refused the login of %2: %3"_s.arg(
                                                         where, m_account.userName, answer));
        } catch (const vmime::exceptions::operation_timed_out &) {
            // An answer may still come, to a command no longer waited for: the conversation
            // cannot go on.
            m_lost->store(true);
            if (m_cancel && m_cancel())
                return Error(ErrorCode::Cancelled, u"Cancelled."_s);
            return Error(
                ErrorCode::Unavailable,
                u"%1 did not answer within %2 seconds."_s.arg(where).arg(m_account.timeoutSeconds));
        } catch (const vmime::exceptions::socket_not_connected_exception &) {
            m_lost->store(true);
            return Error(ErrorCode::Unavailable, u"%1 closed the connection."_s.arg(where));
        } catch (const vmime::exceptions::connection_error &e) {
            m_lost->store(true);
            return Error(ErrorCode::Unavailable,
                         u"Cannot connect to %1: %2"_s.arg(where, text(e.what())));
        } catch (const vmime::exceptions::socket_exception &e) {
            // Writing to a connection the server has closed (EPIPE, ECONNRESET).
            m_lost->store(true);
            return Error(ErrorCode::Unavailable,
                         u"The connection to %1 was lost: %2"_s.arg(where, text(e.what())));

        } catch (const vmime::exceptions::folder_not_found &) {
            return Error(ErrorCode::NotFound,
                         u"The folder %1 does not exist on %2."_s.arg(m_openPath, where));
        } catch (const vmime::exceptions::command_error &e) {
            QString answer = text(e.response()).trimmed();
            // The server's BYE ends the session; vmime still calls the store connected.
            if (answer.contains(u"* BYE"_s) || text(*m_lastLine).startsWith(u"* BYE"_s))
                m_lost->store(true);
            noteDisconnected();
            if (answer.startsWith(u'+'))
                answer = text(*m_lastLine).trimmed();
            return Error(ErrorCode::Unavailable,
                         u"%1 answered %2 with: %3"_s.arg(where, text(e.command()), answer));
        } catch (const vmime::exceptions::tls_exception &e) {
            m_lost->store(true);
            return Error(ErrorCode::Unavailable,
                         u"TLS with %1 failed: %2"_s.arg(where, text(e.what())));
        } catch (const vmime::exception &e) {
            if (m_cancel && m_cancel())
                return Error(ErrorCode::Cancelled, u"Cancelled."_s);
            noteDisconnected();
            if (m_lost->load()) // what the TLS socket rethrows without its type
                return Error(ErrorCode::Unavailable,
                             u"The connection to %1 was lost: %2"_s.arg(where, text(e.what())));
            return Error(ErrorCode::Unavailable, u"IMAP with %1: %2"_s.arg(where, text(e.what())));
        } catch (const std::exception &e) {
            return Error(ErrorCode::Internal, u"IMAP with %1: %2"_s.arg(where, text(e.what())));
        }
    }

    // vmime gives an open folder a connection of its own and logs it out on close; the
    // server then ends that connection, which its socket would report as lost.
    void closeFolder()
    {
        const bool lostBefore = m_lost->load();
        try {
            m_folder->close(false);
        } catch (const vmime::exception &) {
            m_lost->store(lostBefore);
            throw;
        }
        m_lost->store(lostBefore);
    }

    // A folder the server refuses to open (NO, no such folder, no right): vmime drops the
    // folder's own connection while the error unwinds, and with some TLS back ends the end of
    // that connection reaches the sockets; it is not a loss of the store's connection.
    void openQuietly()
    {
        const bool lostBefore = m_lost->load();
        try {
            m_folder->open(vmime::net::folder::MODE_READ_WRITE);
        } catch (const vmime::exceptions::command_error &) {
            m_lost->store(lostBefore);
            throw;
        } catch (const vmime::exceptions::folder_not_found &) {
            m_lost->store(lostBefore);
            throw;
        }
    }

    void noteDisconnected()
    {
        if (m_store && !m_store->isConnected())
            m_lost->store(true);
    }

    ImapAccount m_account;
    Core::CancelCheck m_cancel;
    vmime::shared_ptr<ChainVerifier> m_verifier;
    std::shared_ptr<std::string> m_lastLine = std::make_shared<std::string>();
    // Set by the sockets when the transport fails; vmime does not always say so itself.
    std::shared_ptr<std::atomic<bool>> m_lost = std::make_shared<std::atomic<bool>>(false);
    vmime::shared_ptr<vmime::net::session> m_session;
    vmime::shared_ptr<vmime::net::store> m_store;
    vmime::shared_ptr<vmime::net::folder> m_folder;
    QString m_openPath;
};

} // namespace

Result<std::unique_ptr<Core::MailboxConnection>> connectImap(const ImapAccount &account,
                                                             Core::CancelCheck cancel)
{
    auto connection = std::make_unique<VmimeImapConnection>(account, std::move(cancel));
    if (Status connected = connection->connect(); !connected.ok())
        return connected.error();
    return std::unique_ptr<Core::MailboxConnection>(std::move(connection));
}

} // namespace Mailkeep::Connectors
