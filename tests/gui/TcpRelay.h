#pragma once

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace Mailkeep::Testing {

// A TCP relay on loopback in front of the test server, to cut the connection and bring it back
// (TLS passes through untouched).
class TcpRelay : public QObject
{
public:
    explicit TcpRelay(quint16 target)
        : m_target(target)
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, m_target);
                QObject::connect(client, &QTcpSocket::readyRead, upstream,
                                 [client, upstream]() { upstream->write(client->readAll()); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client,
                                 [client, upstream]() { client->write(upstream->readAll()); });
                QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                QObject::connect(upstream, &QTcpSocket::disconnected, client,
                                 &QTcpSocket::disconnectFromHost);
                m_clients << client;
            }
        });
    }
    bool start(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    quint16 port() const { return m_server.serverPort(); }
    // Stops listening and drops every relayed connection.
    void cut()
    {
        const quint16 kept = m_server.serverPort();
        m_server.close();
        for (const QPointer<QTcpSocket> &client : std::as_const(m_clients)) {
            if (client)
                client->abort();
        }
        m_clients.clear();
        m_lastPort = kept;
    }
    bool restore() { return m_server.listen(QHostAddress::LocalHost, m_lastPort); }

private:
    quint16 m_target;
    quint16 m_lastPort = 0;
    QTcpServer m_server;
    QList<QPointer<QTcpSocket>> m_clients;
};

} // namespace Mailkeep::Testing
