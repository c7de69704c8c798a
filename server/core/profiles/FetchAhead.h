#pragma once

#include "core/profiles/MailboxConnection.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

namespace Mailkeep::Core {

// Fetches messages of the open folder on a thread of its own, a little ahead of the thread that
// archives them, so waiting for the server and archiving overlap. At most 512 messages (more
// than the pipeline takes into one batch, so fetching goes on while a batch is prepared) or
// 32 MB wait at a time. The connection belongs to this thread until the object is gone.

class FetchAhead
{
public:
    struct Item
    {
        quint32 uid = 0;
        Result<QByteArray> raw;
        bool connectionLost = false; // the fetch failed because the connection is gone
    };

    FetchAhead(MailboxConnection &mailbox, QList<quint32> uids, CancelCheck cancelled);
    ~FetchAhead(); // stops fetching and waits for the thread
    FetchAhead(const FetchAhead &) = delete;
    FetchAhead &operator=(const FetchAhead &) = delete;

    // The next message in UID order; nullopt after the last one (or after the error that
    // ended the fetching, which comes as an item first).
    std::optional<Item> next();

private:
    void fetchAll();

    MailboxConnection &m_mailbox;
    const QList<quint32> m_uids;
    CancelCheck m_cancelled;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_ready;
    qint64 m_readyBytes = 0;
    bool m_done = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace Mailkeep::Core
