#pragma once

#include <vmime/net/socket.hpp>

namespace Mailkeep::Connectors {

// vmime's POSIX socket takes the end of the stream (the server closed the connection) for
// "no data yet", and its TLS socket, once it has the server's close_notify, keeps waiting for
// data it will not read: either way the wait spins until the timeout. This factory's sockets
// wrap the POSIX one and throw socket_not_connected_exception as soon as the peer has closed,
// so a dropped connection fails the call at once, with or without TLS.

class ClosedAwareSocketFactory final : public vmime::net::socketFactory
{
public:
    explicit ClosedAwareSocketFactory(vmime::shared_ptr<vmime::net::socketFactory> inner);
    vmime::shared_ptr<vmime::net::socket> create() override;
    vmime::shared_ptr<vmime::net::socket>
    create(vmime::shared_ptr<vmime::net::timeoutHandler> timeout) override;

private:
    vmime::shared_ptr<vmime::net::socketFactory> m_inner;
};

} // namespace Mailkeep::Connectors
