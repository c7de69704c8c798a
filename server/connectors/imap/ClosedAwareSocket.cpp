#include "connectors/imap/ClosedAwareSocket.h"

#include <vmime/exception.hpp>

namespace Mailkeep::Connectors {

namespace {

class ClosedAwareSocket final : public vmime::net::socket
{
public:
    ClosedAwareSocket(vmime::shared_ptr<vmime::net::socket> inner,
                      std::shared_ptr<std::atomic<bool>> lost)
        : m_inner(std::move(inner))
        , m_lost(std::move(lost))
    {}

    void connect(const vmime::string &address, const vmime::port_t port) override
    {
        m_inner->connect(address, port);
    }
    void disconnect() override { m_inner->disconnect(); }
    bool isConnected() const override { return m_inner->isConnected(); }
    bool waitForRead(const int msecs) override
    {
        if (!noting([&] { return m_inner->waitForRead(msecs); }))
            return false;
        // Readable, yet the layer above asks again without reading: TLS has taken the peer's
        // close_notify and reads no more, so the wait would spin until the timeout.
        if (++m_readableUnread > kReadableUnreadLimit)
            throwClosed();
        return true;
    }
    bool waitForWrite(const int msecs) override
    {
        return noting([&] { return m_inner->waitForWrite(msecs); });
    }

    void receive(vmime::string &buffer) override
    {
        vmime::byte_t chunk[65536];
        const size_t got = receiveRaw(chunk, sizeof(chunk));
        buffer.assign(reinterpret_cast<const char *>(chunk), got);
    }

    size_t receiveRaw(vmime::byte_t *buffer, const size_t count) override
    {
        m_readableUnread = 0;
        return noting([&]() -> size_t {
            const size_t got = m_inner->receiveRaw(buffer, count);
            if (got > 0 || count == 0)
                return got;
            // Nothing read. Either nothing has come yet, or the stream has ended: then the
            // socket stays readable and every read gives nothing.
            if (!m_inner->waitForRead(0))
                return 0;
            const size_t again = m_inner->receiveRaw(buffer, count);
            if (again > 0)
                return again; // data came just after the first look
            if (m_inner->waitForRead(0))
                throwClosed();
            return 0;
        });
    }

    void send(const vmime::string &buffer) override
    {
        noting([&] { m_inner->send(buffer); });
    }
    void send(const char *text) override
    {
        noting([&] { m_inner->send(text); });
    }
    void sendRaw(const vmime::byte_t *buffer, const size_t count) override
    {
        noting([&] { m_inner->sendRaw(buffer, count); });
    }
    size_t sendRawNonBlocking(const vmime::byte_t *buffer, const size_t count) override
    {
        return noting([&] { return m_inner->sendRawNonBlocking(buffer, count); });
    }
    size_t getBlockSize() const override { return m_inner->getBlockSize(); }
    unsigned int getStatus() const override { return m_inner->getStatus(); }
    const vmime::string getPeerName() const override { return m_inner->getPeerName(); }
    const vmime::string getPeerAddress() const override { return m_inner->getPeerAddress(); }
    vmime::shared_ptr<vmime::net::timeoutHandler> getTimeoutHandler() override
    {
        return m_inner->getTimeoutHandler();
    }
    void setTracer(vmime::shared_ptr<vmime::net::tracer> tracer) override
    {
        m_inner->setTracer(tracer);
    }
    vmime::shared_ptr<vmime::net::tracer> getTracer() override { return m_inner->getTracer(); }

private:
    static constexpr int kReadableUnreadLimit = 3;
    [[noreturn]] void throwClosed()
    {
        m_lost->store(true);
        throw vmime::exceptions::socket_not_connected_exception("the server closed the connection");
    }
    // Runs one call on the transport; whatever it throws means the connection is gone.
    template <typename Call> auto noting(Call call) -> decltype(call())
    {
        try {
            return call();
        } catch (const vmime::exception &) {
            m_lost->store(true);
            throw;
        }
    }

    vmime::shared_ptr<vmime::net::socket> m_inner;
    std::shared_ptr<std::atomic<bool>> m_lost;
    int m_readableUnread = 0;
};

} // namespace

ClosedAwareSocketFactory::ClosedAwareSocketFactory(
    vmime::shared_ptr<vmime::net::socketFactory> inner, std::shared_ptr<std::atomic<bool>> lost)
    : m_inner(std::move(inner))
    , m_lost(std::move(lost))
{}

vmime::shared_ptr<vmime::net::socket> ClosedAwareSocketFactory::create()
{
    return vmime::make_shared<ClosedAwareSocket>(m_inner->create(), m_lost);
}

vmime::shared_ptr<vmime::net::socket>
ClosedAwareSocketFactory::create(vmime::shared_ptr<vmime::net::timeoutHandler> timeout)
{
    return vmime::make_shared<ClosedAwareSocket>(m_inner->create(timeout), m_lost);
}

} // namespace Mailkeep::Connectors
