#pragma once

#include <atomic>
#include <memory>
#include <vmime/net/socket.hpp>

namespace Mailkeep::Connectors {

// vmime's POSIX socket takes the end of the stream (the server closed the connection) for
// "no data yet", and its TLS socket, once it has the server's close_notify, keeps waiting for
// data it will not read: either way the wait spins until the timeout. This factory's sockets
// wrap the POSIX one and throw socket_not_connected_exception as soon as the peer has closed,
// so a dropped connection fails the call at once, with or without TLS.
//
// Every failure of the transport also sets `lost`. vmime's TLS socket rethrows its inner
// socket's exceptions as the base vmime::exception, so the type no longer tells a lost
// connection ("EPIPE: broken pipe") from any other error; the flag does.

class ClosedAwareSocketFactory final : public vmime::net::socketFactory
{
public:
    ClosedAwareSocketFactory(vmime::shared_ptr<vmime::net::socketFactory> inner,
                             std::shared_ptr<std::atomic<bool>> lost);
    vmime::shared_ptr<vmime::net::socket> create() override;
    vmime::shared_ptr<vmime::net::socket>
    create(vmime::shared_ptr<vmime::net::timeoutHandler> timeout) override;

private:
    vmime::shared_ptr<vmime::net::socketFactory> m_inner;
    std::shared_ptr<std::atomic<bool>> m_lost;
};

} // namespace Mailkeep::Connectors
