#include "core/profiles/FetchAhead.h"

namespace Mailkeep::Core {

namespace {
constexpr size_t kMostWaiting = 512; // IngestPipeline's batches are 250 messages

constexpr qint64 kMostWaitingBytes = 32 * 1024 * 1024;
} // namespace

FetchAhead::FetchAhead(MailboxConnection &mailbox, QList<quint32> uids, CancelCheck cancelled)
    : m_mailbox(mailbox)
    , m_uids(std::move(uids))
    , m_cancelled(std::move(cancelled))
    , m_thread([this] { fetchAll(); })
{}

FetchAhead::~FetchAhead()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void FetchAhead::fetchAll()
{
    for (quint32 uid : m_uids) {
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] {
                return m_stop ||
                       (m_ready.size() < kMostWaiting && m_readyBytes < kMostWaitingBytes);
            });
            if (m_stop)
                break;
        }
        Result<QByteArray> raw = m_mailbox.fetch(uid);
        // Without the connection (or when cancelled) nothing more can come; a message the
        // server refuses (NO, BAD) fails alone. Asked here, right after the fetch: by the
        // time the item is taken, a later fetch may have lost the connection.
        const bool lost = !raw.ok() && !m_mailbox.connected();
        const bool fatal = !raw.ok() && (lost || raw.error().code == ErrorCode::Cancelled);
        {
            std::lock_guard lock(m_mutex);
            m_readyBytes += raw.ok() ? raw.value().size() : 0;
            m_ready.push_back({uid, std::move(raw), lost});
        }
        m_changed.notify_all();
        if (fatal || (m_cancelled && m_cancelled()))
            break;
    }
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
    }
    m_changed.notify_all();
}

std::optional<FetchAhead::Item> FetchAhead::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (m_ready.empty())
        return std::nullopt;
    Item item = std::move(m_ready.front());
    m_ready.pop_front();
    m_readyBytes -= item.raw.ok() ? item.raw.value().size() : 0;
    lock.unlock();
    m_changed.notify_all();
    return item;
}

} // namespace Mailkeep::Core
